// sim/engine/params/toml_input and the file checks of load_scenario: absurd
// scenario and spec files (huge, long lines, deep or long keys, devices and
// folders) are errors with file:line and the limit, never a crash or a hang;
// every file a scenario names must exist, and each missing one is reported with
// the key that asked for it and what it was resolved against.
#include <catch2/catch.hpp>

#include <chrono>

#include "sim/app/experiment/calibration_spec.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/experiment/sweep_spec.hpp"
#include "sim/engine/params/toml_input.hpp"
#include "tests/test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<pw::ScenarioIssue> load_issues(const std::filesystem::path& file,
                                           const std::vector<std::string>& sets = {}) {
  try {
    (void)pw::load_scenario(file, sets);
  } catch (const pw::ScenarioError& e) {
    return e.issues();
  }
  return {};
}

std::string dotted(const std::string& first, std::size_t parts) {
  std::string s = first;
  for (std::size_t i = 1; i < parts; ++i) s += ".a";
  return s;
}

std::string profile_line() { return "population.profile_file = \"" + pwt::kProfilePath + "\"\n"; }

}  // namespace

TEST_CASE("limits: a 20,000-part dotted table header is refused at its line, without a crash", "[params][limits]") {
  pwt::TempDir dir("limits-header");
  const auto issues = load_issues(dir.write("h.toml", "name = \"x\"\n[" + dotted("a", 20000) + "]\nx = 1\n"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 2);
  CHECK_THAT(issues[0].message, StartsWith("line too long: 40001 characters; the limit is 10000"));
}

TEST_CASE("limits: keys nested deeper than the limit are refused at their line", "[params][limits]") {
  pwt::TempDir dir("limits-depth");
  SECTION("a 4,000-part table header (within the line limit)") {
    const auto issues = load_issues(dir.write("h.toml", "\n[" + dotted("a", 4000) + "]\nx = 1\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 2);
    CHECK_THAT(issues[0].message, Contains("key nested too deep") && Contains("the limit is 8 levels"));
  }
  SECTION("a 4,000-part dotted key") {
    const auto issues = load_issues(dir.write("k.toml", "\n\n" + dotted("justice", 4000) + " = 1\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 3);
    CHECK_THAT(issues[0].message, Contains("key nested too deep"));
  }
  SECTION("a dotted key inside an inline table in an array") {
    const auto issues = load_issues(dir.write("i.toml", "x = [{" + dotted("b", 20) + " = 1}]\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 1);
    CHECK_THAT(issues[0].message, Contains("key nested too deep"));
  }
  SECTION("9 levels is one too many, 8 are walked as usual (here: unknown keys)") {
    CHECK_THAT(load_issues(dir.write("n.toml", dotted("a", 9) + " = 1\n")).at(0).message, Contains("too deep"));
    CHECK_THAT(load_issues(dir.write("e.toml", dotted("a", 8) + " = 1\n")).at(0).message, StartsWith("unknown key"));
  }
}

TEST_CASE("limits: a key longer than 200 characters is refused with the limit", "[params][limits]") {
  pwt::TempDir dir("limits-key");
  const auto issues = load_issues(dir.write("k.toml", "# c\njustice." + std::string(250, 'q') + " = 1\n"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 2);
  CHECK_THAT(issues[0].message, StartsWith("key too long: 258 characters") && Contains("the limit is 200"));
}

TEST_CASE("limits: a scenario file over 1 MiB is refused with the limit and the line it is reached on",
          "[params][limits]") {
  pwt::TempDir dir("limits-size");
  std::string text;
  while (text.size() <= pw::TomlLimits::kMaxFileBytes) text += "# " + std::string(97, 'c') + "\n";  // 100-byte lines
  const auto issues = load_issues(dir.write("big.toml", text));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 10486);  // byte 1,048,577 is on line floor(1048576 / 100) + 1
  CHECK_THAT(issues[0].message, Contains("file too large") && Contains("1048576 bytes"));
}

TEST_CASE("limits: a file of 15,000 unknown keys lists 100 and answers quickly", "[params][limits]") {
  pwt::TempDir dir("limits-many");
  std::string text;
  for (int i = 0; i < 15000; ++i) text += "key_" + std::to_string(i) + "_" + std::string(40, 'x') + " = 1\n";
  const auto start = std::chrono::steady_clock::now();
  const auto issues = load_issues(dir.write("many.toml", text));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(issues.size() == pw::TomlLimits::kMaxIssues + 1);
  CHECK(std::count_if(issues.begin(), issues.end(),
                      [](const auto& i) { return i.message.starts_with("more than 100 problems"); }) == 1);
  CHECK(seconds < (pwt::kSanitize ? 30.0 : 5.0));
}

TEST_CASE("limits: a device or a folder given as extends is named as such", "[params][limits][extends]") {
  pwt::TempDir dir("limits-extends");
  std::filesystem::create_directories(dir.path() / "folder");
  SECTION("/dev/zero") {
    const auto issues = load_issues(dir.write("z.toml", "extends = \"/dev/zero\"\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 1);
    CHECK(issues[0].key == "extends");
    CHECK_THAT(issues[0].message, Contains("\"/dev/zero\" is not a regular file"));
  }
  SECTION("a folder") {
    const auto issues = load_issues(dir.write("d.toml", "\nextends = \"folder\"\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 2);
    CHECK_THAT(issues[0].message, Contains("is a directory, not a scenario file"));
  }
  SECTION("a folder as the scenario itself") {
    const auto issues = load_issues(dir.path() / "folder");
    REQUIRE(issues.size() == 1);
    CHECK_THAT(issues[0].message, Contains("is a directory"));
  }
}

TEST_CASE("files: a default data file resolves against the shipped scenarios folder, not the working directory",
          "[params][files]") {
  pwt::TempDir dir("files-default");
  const auto file = dir.write("m.toml", "name = \"x\"\n");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());  // a folder with no ../data beside it
  std::vector<pw::ScenarioIssue> issues;
  pw::LoadedScenario s;
  try {
    s = pw::load_scenario(file, {});
  } catch (const pw::ScenarioError& e) {
    issues = e.issues();
  }
  std::filesystem::current_path(cwd);
  REQUIRE(issues.empty());
  CHECK(std::filesystem::path(s.params.population.profile_file) ==
        (pwt::kSourceDir / "data/populations/us-state-2008.csv").lexically_normal());
}

TEST_CASE("files: a data file that does not exist names the key, who set it and what it was resolved against",
          "[params][files]") {
  pwt::TempDir dir("files-missing");
  SECTION("report.targets_file in the scenario") {
    const auto issues = load_issues(dir.write("t.toml", profile_line() + "[report]\ntargets_file = \"nope.csv\"\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 3);
    CHECK(issues[0].key == "report.targets_file");
    CHECK_THAT(issues[0].message,
               StartsWith("missing file: \"" + (dir.path() / "nope.csv").string() + "\" does not exist") &&
                   Contains("resolved against the folder of " + (dir / "t.toml").string()));
  }
  SECTION("in a parent scenario: the parent's line") {
    dir.write("parent.toml", "\n\npopulation.profile_file = \"gone.csv\"\n");
    const auto issues = load_issues(dir.write("child.toml", "extends = \"parent.toml\"\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == (dir / "parent.toml").string());
    CHECK(issues[0].line == 3);
    CHECK(issues[0].key == "population.profile_file");
  }
  SECTION("on the command line") {
    const auto issues = load_issues(dir.write("s.toml", profile_line()), {"report.targets_file=nope.csv"});
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == "--set");
    CHECK_THAT(issues[0].message, Contains("\"nope.csv\" does not exist") && Contains("working directory"));
  }
  SECTION("a folder") {
    const auto issues = load_issues(dir.write("f.toml", "population.profile_file = \".\"\n"));
    REQUIRE(issues.size() == 1);
    CHECK_THAT(issues[0].message, Contains("is a directory, not a data file"));
  }
}

TEST_CASE("specs: sweep and calibration spec problems carry file:line", "[params][limits][experiment]") {
  pwt::TempDir dir("spec-lines");
  const std::string base = "scenario = \"" + (pwt::kSourceDir / "scenarios/baseline.toml").string() + "\"\n";
  const std::string parameter =
      "[[parameter]]\npath = \"justice.supervision.revocation_probability\"\nlo = 0.1\nhi = 0.7\n";
  const auto sweep_issues = [&](const std::string& text) {
    try {
      (void)pw::plan_sweep({dir.write("sweep.toml", text)});
    } catch (const pw::ScenarioError& e) {
      return e.issues();
    }
    return std::vector<pw::ScenarioIssue>{};
  };
  SECTION("points = 2147483647 in a Sobol spec: out of range at its line, not bad_alloc") {
    const auto issues = sweep_issues(
        base + "design = \"sobol\"\npoints = 2147483647\noutputs = [\"return_prison.all.y1\"]\n" + parameter);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 3);
    CHECK(issues[0].key == "points");
    CHECK_THAT(issues[0].message, Contains("at most 100000 design points"));
  }
  SECTION("a Sobol design of more than 100,000 runs") {
    const auto issues =
        sweep_issues(base + "design = \"sobol\"\npoints = 65536\noutputs = [\"return_prison.all.y1\"]\n" + parameter);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 3);
    CHECK_THAT(issues[0].message, Contains("N (d + 2) = 196608 runs"));
  }
  SECTION("a bad output at its own line, a missing key at line 1") {
    const auto issues = sweep_issues(
        base + "design = \"lhs\"\npoints = 8\noutputs = [\n  \"return_prison.all.y1\",\n  \"nope.all.y1\"]\n");
    REQUIRE(issues.size() == 2);
    for (const auto& i : issues) CHECK(i.line > 0);
    CHECK(std::any_of(issues.begin(), issues.end(), [](const auto& i) { return i.line == 6 && i.key == "outputs"; }));
    CHECK(std::any_of(issues.begin(), issues.end(), [](const auto& i) { return i.line == 1 && i.key == "parameter"; }));
  }
  SECTION("a missing base scenario is reported at the spec's scenario key") {
    const auto issues = sweep_issues(
        "\nscenario = \"nowhere.toml\"\ndesign = \"lhs\"\npoints = 8\noutputs = [\"return_prison.all.y1\"]\n" +
        parameter);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 2);
    CHECK(issues[0].key == "scenario");
    CHECK_THAT(issues[0].message, Contains("nowhere.toml\" does not exist") && Contains("base scenario"));
  }
  SECTION("a deep header in a sweep spec") {
    const auto issues = sweep_issues(base + "[" + dotted("a", 3000) + "]\n");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 2);
    CHECK_THAT(issues[0].message, Contains("key nested too deep"));
  }
  SECTION("a calibration spec naming a missing base scenario") {
    try {
      (void)pw::read_calibration_spec(dir.write("cal.toml", "# c\nscenario = \"nowhere.toml\"\n" + parameter));
      FAIL("expected a ScenarioError");
    } catch (const pw::ScenarioError& e) {
      for (const auto& i : e.issues()) CHECK(i.line > 0);
      CHECK(std::any_of(e.issues().begin(), e.issues().end(),
                        [](const auto& i) { return i.line == 2 && i.key == "scenario"; }));
    }
  }
}
