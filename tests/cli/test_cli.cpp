// sim/app/cli: exit codes and messages of the `pathways` binary.
#include <sys/wait.h>

#include <cstdlib>

#include "models/model_params.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/engine/params/param_docs.hpp"
#include "tests/cli_support.hpp"

using Catch::Matchers::Contains;

using pwt::quote;
using pwt::run_cli;

TEST_CASE("cli: an invalid scenario exits with 2 and names the file", "[cli]") {
  pwt::TempDir dir("cli-invalid");
  const auto bad = dir.write("broken_scenario.toml", "[simulation]\npeople = 0\nhorizon = 52\n");
  SECTION("validate") {
    const auto r = run_cli(dir, "validate " + quote(bad.string()));
    INFO(r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains(bad.string() + ":2:") && Contains(bad.string() + ":3:"));
    CHECK_THAT(r.output, Contains("missing unit"));
  }
  SECTION("run") {
    const auto r = run_cli(dir, "run " + quote(bad.string()) + " -o " + quote((dir / "x.h5").string()));
    INFO(r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains("broken_scenario.toml"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.h5"));
  }
  SECTION("a missing scenario") {
    const auto r = run_cli(dir, "validate " + quote((dir / "absent.toml").string()));
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains("absent.toml") && Contains("missing file"));
  }
  SECTION("a bad --set") {
    const auto r = run_cli(dir, "resolve scenarios/baseline.toml --set justice.courts.conviction_probabilty=0.5");
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains("did you mean \"justice.courts.conviction_probability\""));
  }
  SECTION("a bad option") {
    const auto r = run_cli(dir, "run scenarios/baseline.toml --threads 0");
    CHECK(r.code == 2);
  }
  SECTION("--people 0 says what a cohort needs") {
    for (const char* cmd : {"run scenarios/baseline.toml", "compare scenarios/baseline.toml"}) {
      const auto r = run_cli(dir, std::string(cmd) + " --people 0");
      CHECK(r.code == 2);
      CHECK_THAT(r.output, Contains("whole number of people from 1 to 100000000"));
      CHECK_THAT(r.output, Contains("(got \"0\")"));
    }
  }
}

TEST_CASE("cli: inspect of a missing results file fails", "[cli]") {
  pwt::TempDir dir("cli-inspect");
  const auto r = run_cli(dir, "inspect " + quote((dir / "no_results_here.h5").string()));
  INFO(r.output);
  CHECK(r.code != 0);
  CHECK_THAT(r.output, Contains("no_results_here.h5"));
}

TEST_CASE("cli: run, inspect --json and validate succeed on a small cohort", "[cli]") {
  pwt::TempDir dir("cli-run");
  const auto out = dir / "small.h5";
  const auto r =
      run_cli(dir, "run scenarios/baseline.toml --people 2000 --weeks 60 --reps 1 --threads 2 --seed 9 -q -o " +
                       quote(out.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(r.output.empty());  // run -q prints nothing
  REQUIRE(std::filesystem::is_regular_file(out));
  const auto j = run_cli(dir, "inspect --json " + quote(out.string()));
  REQUIRE(j.code == 0);
  CHECK_THAT(j.output, Contains("\"people\": 2000") && Contains("\"weeks\": 60") && Contains("\"seed\": 9"));
  const auto table =
      run_cli(dir, "inspect " + quote(out.string()) +
                       " --targets data/calibration/bjs-2008-24-states.csv data/calibration/bjs-2008-subgroups.csv");
  INFO(table.output);
  CHECK(table.code == 0);
  // 60 weeks: year 1 of the 12 + 17 rows of both files, every subgroup row shown.
  CHECK_THAT(table.output, Contains("29 target numbers: largest gap") && Contains("admission_supervision_violator") &&
                               Contains("age_40plus"));
  const auto v = run_cli(dir, "validate scenarios/baseline.toml");
  CHECK(v.code == 0);
  CHECK_THAT(v.output, Contains("scenarios/baseline.toml: ok"));
}

TEST_CASE("cli: params --markdown prints the parameter reference", "[cli][docs]") {
  pwt::TempDir dir("cli-params");
  const auto r = run_cli(dir, "params --markdown");
  REQUIRE(r.code == 0);
  CHECK(r.output == pw::parameter_reference_markdown());
  CHECK_THAT(r.output, Catch::Contains("## [[programme]]"));
}

TEST_CASE("cli: --help hides the testing flag --stop-after; a bad --set is a command-line problem, not a scenario's",
          "[cli]") {
  pwt::TempDir dir("cli-help");
  for (const std::string cmd : {"compare", "sweep", "calibrate"}) {
    const auto h = run_cli(dir, cmd + " --help");
    INFO(cmd << ": " << h.output);
    CHECK(h.code == 0);
    CHECK_THAT(h.output, Contains("--people"));
    CHECK(h.output.find("stop-after") == std::string::npos);
  }
  const auto s = run_cli(dir, "sweep --help");
  CHECK_THAT(s.output, Contains("--seed") && Contains("--weeks"));
  const auto r = run_cli(dir, "run scenarios/baseline.toml --people 100 --weeks 4 -q --set justice.nope=1");
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("1 problem on the command line") && Contains("--set: justice.nope"));
  CHECK(r.output.find("in scenario") == std::string::npos);
}

TEST_CASE("cli: sweep and calibration spec problems are said to be in the spec file", "[cli][errors]") {
  pwt::TempDir dir("cli-spec");
  const auto spec = dir.write("spec.toml", "design = \"grid\"\n");
  for (const std::string cmd : {"sweep", "calibrate"}) {
    const auto r = run_cli(dir, cmd + " " + quote(spec.string()) + " -o " + quote((dir / "x.h5").string()));
    INFO(cmd << ": " << r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains("in spec file:") && !Contains("in scenario"));
  }
}

TEST_CASE("cli: run, compare and sweep refuse a directory or device as -o before simulating (exit 2)",
          "[cli][faults]") {
  pwt::TempDir dir("cli-target");
  for (const std::string target : {dir.path().string(), std::string("/dev/null")}) {
    for (const std::string cmd : {"run scenarios/baseline.toml --people 100 --weeks 2",
                                  "compare scenarios/baseline.toml scenarios/housing-first.toml --people 100 --weeks 2",
                                  "sweep scenarios/sweeps/courts-grid.toml --people 100 --weeks 2"}) {
      INFO(cmd << " -o " << target);
      const auto r = run_cli(dir, cmd + " -q -o " + quote(target));
      CHECK(r.code == 2);
      CHECK_THAT(r.output, Contains(target) && Contains("name a file"));
    }
  }
  CHECK(std::filesystem::is_character_file("/dev/null"));
}
