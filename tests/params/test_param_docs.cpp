// docs/parameters.md is generated from the schema; every checked-in scenario validates.
#include <algorithm>
#include <vector>

#include "models/model_params.hpp"
#include "models/population/profile.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/targets.hpp"
#include "sim/engine/params/param_docs.hpp"
#include "tests/test_support.hpp"

using Catch::Matchers::Contains;

TEST_CASE("docs: docs/parameters.md matches the parameter schema", "[docs][params]") {
  auto p = pw::with_defaults<pw::ModelParams>();
  const pw::ParamTable table(p);
  const auto path = pwt::kSourceDir / "docs" / "parameters.md";
  INFO("regenerate with: build/release/sim/pathways params --markdown > docs/parameters.md");
  REQUIRE(std::filesystem::is_regular_file(path));
  const std::string expected = pw::parameter_reference_markdown();
  const std::string actual = pwt::read_text(path);
  if (actual != expected) {
    // Name the first differing line to make a stale file easy to fix.
    std::stringstream a(actual), e(expected);
    std::string la, le;
    int line = 0;
    while (true) {
      ++line;
      const bool more_a = static_cast<bool>(std::getline(a, la));
      const bool more_e = static_cast<bool>(std::getline(e, le));
      if (!more_a && !more_e) break;
      if (la != le || more_a != more_e) {
        INFO("first difference at line " << line << "\n  file:   " << la << "\n  schema: " << le);
        CHECK(actual == expected);
        break;
      }
    }
  }
  CHECK(actual == expected);
}

TEST_CASE("docs: the markdown lists every parameter with its default", "[docs][params]") {
  auto p = pw::with_defaults<pw::ModelParams>();
  const pw::ParamTable table(p);
  const std::string md = pw::parameters_markdown(table);
  for (const auto& s : table.slots()) {
    const auto dot = s.info.path.rfind('.');
    INFO(s.info.path);
    CHECK_THAT(md, Contains("## [" + s.info.path.substr(0, dot) + "]"));
    CHECK_THAT(md, Contains("| `" + s.info.path.substr(dot + 1) + "` | `" + s.info.default_text + "` |"));
  }
  // The text listing filters by prefix.
  const std::string courts = pw::parameters_text(table, "justice.courts.");
  CHECK_THAT(courts, Contains("justice.courts.conviction_probability"));
  CHECK_THAT(courts, !Contains("justice.offending.base_rate"));
}

TEST_CASE("scenarios: every scenarios/*.toml file validates", "[scenarios][params]") {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(pwt::kSourceDir / "scenarios")) {
    if (e.path().extension() == ".toml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  for (const auto& f : files) {
    INFO(f.string());
    pw::LoadedScenario s;
    try {
      s = pw::load_scenario(f, {});
    } catch (const pw::ScenarioError& e) {
      FAIL(e.what());
    }
    CHECK(!s.meta.name.empty());
    CHECK_NOTHROW(pw::read_profile(s.params.population.profile_file));
    if (!s.params.report.targets_file.empty()) {
      std::vector<pw::TargetRow> rows;
      CHECK_NOTHROW(rows = pw::read_targets(s.params.report.targets_file));
      CHECK(!rows.empty());
    }
  }
}
