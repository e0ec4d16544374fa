// sim/engine/params: the parameter table, units, scenario files and --set overrides.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/engine/params/param_table.hpp"
#include "sim/engine/params/param_values.hpp"
#include "sim/engine/params/scenario_loader.hpp"
#include "tests/test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// Loads `file` into a default table; returns the issues (empty when it loads).
std::vector<pw::ScenarioIssue> issues_of(const std::filesystem::path& file) {
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  try {
    pw::load_scenario_file(file, table);
  } catch (const pw::ScenarioError& e) {
    return e.issues();
  }
  return {};
}

std::vector<pw::ScenarioIssue> set_issues(const std::vector<std::string>& sets) {
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  pw::ScenarioMeta meta;
  try {
    pw::apply_overrides(sets, table, meta);
  } catch (const pw::ScenarioError& e) {
    return e.issues();
  }
  return {};
}

pw::ScenarioIssue only(const std::vector<pw::ScenarioIssue>& issues) {
  REQUIRE(issues.size() == 1);
  return issues.front();
}

}  // namespace

TEST_CASE("params: every declared path is unique and findable", "[params]") {
  auto p = pw::with_defaults<pw::ModelParams>();
  const pw::ParamTable table(p);  // throws std::logic_error on a duplicate path
  REQUIRE(table.slots().size() > 40);
  std::set<std::string> seen;
  for (const auto& s : table.slots()) {
    INFO(s.info.path);
    CHECK(seen.insert(s.info.path).second);
    CHECK(table.find(s.info.path) == &s);
    CHECK(s.info.path.find('.') != std::string::npos);
    CHECK(!s.info.description.empty());
    CHECK(!s.info.source.empty());
  }
  CHECK(table.find("justice.courts.no_such_parameter") == nullptr);
  CHECK(table.nearest("completely.unrelated.gibberish_xyzzy_qwerty") == "");
}

TEST_CASE("params: defaults are what the table reports, and the loader accepts each default", "[params]") {
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  CHECK(p.justice.courts.conviction_probability == 0.55);
  CHECK(p.run.horizon_weeks() == 260);
  for (const auto& s : table.slots()) {
    INFO(s.info.path);
    CHECK(s.get() == s.info.default_text);
    if (s.info.type == pw::ValueType::Real || s.info.type == pw::ValueType::Integer) {
      CHECK(s.info.lo <= s.info.hi);
    }
  }
  // Re-applying every default in scenario syntax is accepted and changes nothing.
  std::vector<std::string> sets;
  for (const auto& s : table.slots()) sets.push_back(s.info.path + "=" + s.info.default_text);
  pw::ScenarioMeta meta;
  REQUIRE_NOTHROW(pw::apply_overrides(sets, table, meta));
  for (const auto& s : table.slots()) {
    INFO(s.info.path);
    CHECK(s.get() == s.info.default_text);
  }
  CHECK(meta.overrides.size() == sets.size());
}

TEST_CASE("params: durations and rates are converted to weeks", "[params][units]") {
  double w = -1;
  REQUIRE(pw::parse_duration_weeks("26w", w));
  CHECK(w == 26.0);
  REQUIRE(pw::parse_duration_weeks("6mo", w));
  CHECK(w == Approx(26.0).epsilon(1e-12));
  REQUIRE(pw::parse_duration_weeks("2y", w));
  CHECK(w == 104.0);
  REQUIRE(pw::parse_duration_weeks("14d", w));
  CHECK(w == Approx(2.0).epsilon(1e-12));
  REQUIRE(pw::parse_duration_weeks("1.5 years", w));
  CHECK(w == 78.0);
  CHECK_FALSE(pw::parse_duration_weeks("26", w));
  CHECK_FALSE(pw::parse_duration_weeks("26 parsecs", w));
  CHECK_FALSE(pw::parse_duration_weeks("w", w));
  CHECK_FALSE(pw::parse_duration_weeks("0.5/w", w));

  double r = -1;
  REQUIRE(pw::parse_rate_per_week("0.01/w", r));
  CHECK(r == 0.01);
  REQUIRE(pw::parse_rate_per_week("0.5/y", r));
  CHECK(r == Approx(0.5 / 52.0).epsilon(1e-12));
  REQUIRE(pw::parse_rate_per_week("2/mo", r));
  CHECK(r == Approx(2.0 * 12.0 / 52.0).epsilon(1e-12));
  REQUIRE(pw::parse_rate_per_week("1/d", r));
  CHECK(r == Approx(7.0).epsilon(1e-12));
  CHECK_FALSE(pw::parse_rate_per_week("0.5", r));
  CHECK_FALSE(pw::parse_rate_per_week("0.5w", r));
  CHECK_FALSE(pw::parse_rate_per_week("0.5/parsec", r));
}

TEST_CASE("scenario: a valid file sets values in internal units and resolves _file paths", "[params][scenario]") {
  pwt::TempDir dir("valid");
  const auto file = dir.write("good.toml", R"(name = "trial"
description = "a test scenario"
[simulation]
people = 1234
horizon = "2y"
[population]
profile_file = "profiles/p.csv"
second_group_share = "40%"
[justice.offending]
base_rate = "0.5/y"
[justice.courts]
conviction_probability = 0.6
delay_median = "6mo"
[justice.risk]
high_from = 8
)");
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  const auto meta = pw::load_scenario_file(file, table);
  CHECK(meta.name == "trial");
  CHECK(meta.description == "a test scenario");
  CHECK(p.run.people == 1234);
  CHECK(p.run.horizon_weeks() == 104);
  CHECK(p.population.second_group_share == Approx(0.40));
  CHECK(p.justice.offending.base_rate == Approx(0.5 / 52.0).epsilon(1e-12));
  CHECK(p.justice.courts.conviction_probability == 0.6);
  CHECK(p.justice.courts.court_delay_median == Approx(26.0).epsilon(1e-12));
  CHECK(p.justice.risk.high_from == 8);
  // Relative paths are resolved against the scenario file's folder.
  const auto expected = std::filesystem::absolute(dir.path() / "profiles/p.csv").lexically_normal();
  CHECK(std::filesystem::path(p.population.profile_file) == expected);
  // Untouched parameters keep their defaults.
  CHECK(p.justice.courts.pretrial_detention_probability == 0.38);

  SECTION("without a name, the scenario is named after the file") {
    const auto f2 = dir.write("nameless.toml", "[simulation]\npeople = 10\n");
    auto p2 = pw::with_defaults<pw::ModelParams>();
    pw::ParamTable t2(p2);
    CHECK(pw::load_scenario_file(f2, t2).name == "nameless");
  }
}

TEST_CASE("scenario: an unknown key reports the nearest path", "[params][scenario][errors]") {
  pwt::TempDir dir("unknown");
  SECTION("a misspelt key") {
    const auto& i = only(issues_of(dir.write("s.toml", "[justice.courts]\nconviction_probabilty = 0.5\n")));
    CHECK(i.key == "justice.courts.conviction_probabilty");
    CHECK_THAT(i.message,
               Contains("unknown key") && Contains("did you mean \"justice.courts.conviction_probability\""));
    CHECK(i.line == 2);
  }
  SECTION("a key in the wrong table") {
    const auto& i = only(issues_of(dir.write("s.toml", "[justice.courts]\nbase_rate = \"0.1/w\"\n")));
    CHECK_THAT(i.message, Contains("did you mean \"justice.offending.base_rate\""));
  }
  SECTION("a misspelt table") {
    const auto& i = only(issues_of(dir.write("s.toml", "[simulaton]\npeople = 100\n")));
    CHECK(i.key == "simulaton.people");
    CHECK_THAT(i.message, Contains("did you mean \"simulation.people\""));
  }
  SECTION("nothing close") {
    const auto& i = only(issues_of(dir.write("s.toml", "zzzzzzzzzzzzzzzzzzzzzzzzzzzz = 1\n")));
    CHECK(i.message == "unknown key");
  }
  SECTION("a 9,000-character key is refused as too long (no did-you-mean search)") {
    const auto& i = only(issues_of(dir.write("s.toml", std::string(9000, 'k') + " = 1\n")));
    CHECK_THAT(i.message, StartsWith("key too long: 9000 characters") && Contains("the limit is 200"));
    CHECK(i.line == 1);
  }
  SECTION("a 2 MB key in --set gets no suggestion, and an answer (the did-you-mean search is bounded)") {
    auto p = pw::with_defaults<pw::ModelParams>();
    pw::ParamTable table(p);
    pw::ScenarioMeta meta;
    try {
      pw::apply_overrides({std::string(2'000'000, 'k') + "=1"}, table, meta);
      FAIL("expected a ScenarioError");
    } catch (const pw::ScenarioError& e) {
      REQUIRE(e.issues().size() == 1);
      CHECK(e.issues()[0].message == "unknown key");
    }
  }
}

TEST_CASE("scenario: wrong types, ranges and units are reported", "[params][scenario][errors]") {
  pwt::TempDir dir("values");
  auto one = [&](const std::string& text) { return only(issues_of(dir.write("s.toml", text))); };

  SECTION("a string for a count") {
    const auto i = one("[simulation]\npeople = \"many\"\n");
    CHECK(i.key == "simulation.people");
    CHECK_THAT(i.message, StartsWith("wrong type") && Contains("whole number"));
  }
  SECTION("a fraction for a count") {
    CHECK_THAT(one("[simulation]\nreplicates = 2.5\n").message, StartsWith("wrong type"));
  }
  SECTION("a number for a boolean-free text parameter") {
    CHECK_THAT(one("[population]\nprofile_file = 3\n").message, StartsWith("wrong type"));
  }
  SECTION("a count out of range") {
    const auto i = one("[simulation]\npeople = 0\n");
    CHECK_THAT(i.message, Contains("out of range"));
  }
  SECTION("a real out of range") {
    const auto i = one("[needs]\nspread = 9.5\n");
    CHECK(i.key == "needs.spread");
    CHECK_THAT(i.message, Contains("out of range") && Contains("[0, 4]"));
  }
  SECTION("a negative probability") {
    CHECK_THAT(one("[justice.courts]\nconviction_probability = -0.1\n").message, Contains("out of range"));
  }
  SECTION("a probability written as a percentage number") {
    const auto i = one("[justice.courts]\nconviction_probability = 45\n");
    CHECK(i.key == "justice.courts.conviction_probability");
    CHECK_THAT(i.message, Contains("out of range") && Contains("\"45%\""));
  }
  SECTION("a percentage above 100") {
    CHECK_THAT(one("[justice.courts]\nconviction_probability = \"145%\"\n").message, Contains("out of range"));
  }
  SECTION("a probability with a bad suffix") {
    CHECK_THAT(one("[justice.courts]\nconviction_probability = \"45 pct\"\n").message, StartsWith("bad unit"));
  }
  SECTION("a duration without a unit") {
    const auto i = one("[simulation]\nhorizon = 260\n");
    CHECK(i.key == "simulation.horizon");
    CHECK_THAT(i.message, StartsWith("missing unit") && Contains("26w"));
  }
  SECTION("a duration with a bad unit") {
    const auto i = one("[justice.courts]\ndelay_median = \"26 parsecs\"\n");
    CHECK(i.key == "justice.courts.delay_median");
    CHECK_THAT(i.message, StartsWith("bad unit"));
  }
  SECTION("a rate without a unit") {
    CHECK_THAT(one("[justice.offending]\nbase_rate = 0.1\n").message, StartsWith("missing unit"));
  }
  SECTION("a rate written as a duration") {
    CHECK_THAT(one("[justice.offending]\nbase_rate = \"2w\"\n").message, StartsWith("bad unit"));
  }
  SECTION("a duration out of range after conversion") {
    // 16y = 832 weeks > 780.
    CHECK_THAT(one("[simulation]\nhorizon = \"16y\"\n").message, Contains("out of range"));
  }
  SECTION("a name that is not a string") {
    const auto i = one("name = 5\n");
    CHECK(i.key == "name");
    CHECK_THAT(i.message, StartsWith("wrong type"));
  }
}

TEST_CASE("scenario: every problem in a file is reported with file:line:column", "[params][scenario][errors]") {
  pwt::TempDir dir("multi");
  const std::string text =
      "name = \"multi\"\n"                 // 1
      "[simulation]\n"                     // 2
      "people = -5\n"                      // 3  out of range
      "horizon = 52\n"                     // 4  missing unit
      "seed = 7\n"                         // 5  fine
      "[justice.courts]\n"                 // 6
      "conviction_probability = 45\n"      // 7  percentage
      "delay_median = \"3 fortnights\"\n"  // 8  bad unit
      "[justice.offending]\n"              // 9
      "base_rat = \"0.1/w\"\n"             // 10 unknown key
      "frailty_variance = \"big\"\n";      // 11 wrong type
  const auto file = dir.write("multi.toml", text);
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  std::vector<pw::ScenarioIssue> issues;
  std::string what;
  try {
    pw::load_scenario_file(file, table);
    FAIL("expected a ScenarioError");
  } catch (const pw::ScenarioError& e) {
    issues = e.issues();
    what = e.what();
  }
  REQUIRE(issues.size() == 6);
  CHECK_THAT(what, StartsWith("6 problems in scenario"));
  const std::map<std::string, int> expected_line = {{"simulation.people", 3},
                                                    {"simulation.horizon", 4},
                                                    {"justice.courts.conviction_probability", 7},
                                                    {"justice.courts.delay_median", 8},
                                                    {"justice.offending.base_rat", 10},
                                                    {"justice.offending.frailty_variance", 11}};
  std::vector<std::string> lines;
  {
    std::stringstream ss(text);
    std::string l;
    while (std::getline(ss, l)) lines.push_back(l);
  }
  std::set<std::string> keys;
  for (const auto& i : issues) {
    INFO(i.to_string());
    keys.insert(i.key);
    CHECK(i.file == file.string());
    REQUIRE(expected_line.count(i.key) == 1);
    CHECK(i.line == expected_line.at(i.key));
    // The column points at the offending value (1-based).
    const auto& l = lines.at(static_cast<std::size_t>(i.line - 1));
    const auto value_col = static_cast<int>(l.find('=') + 2 + 1);
    CHECK(i.column == value_col);
    CHECK_THAT(i.to_string(), StartsWith(file.string() + ":" + std::to_string(i.line) + ":" + std::to_string(i.column) +
                                         ": " + i.key + ": "));
    CHECK_THAT(what, Contains(i.to_string()));
  }
  CHECK(keys.size() == 6);
  // Invalid values are never written into the parameters.
  CHECK(p.run.people == 100000);
  CHECK(p.justice.courts.conviction_probability == 0.55);
}

TEST_CASE("scenario: a missing file and a TOML syntax error are reported", "[params][scenario][errors]") {
  pwt::TempDir dir("syntax");
  SECTION("missing file") {
    const auto missing = dir / "no_such_scenario.toml";
    const auto& i = only(issues_of(missing));
    CHECK(i.file == missing.string());
    CHECK_THAT(i.message, Contains("missing file"));
    CHECK_THAT(i.to_string(), Contains("no_such_scenario.toml"));
  }
  SECTION("a directory is not a scenario file") {
    CHECK_THAT(only(issues_of(dir.path())).message, Contains("is a directory, not a scenario file"));
  }
  SECTION("syntax error") {
    const auto file = dir.write("broken.toml", "[simulation]\npeople = 100\nhorizon = \"2y\n[population]\n");
    const auto& i = only(issues_of(file));
    CHECK(i.key == "(syntax)");
    CHECK(i.file == file.string());
    CHECK(i.line == 3);
    CHECK(i.column > 0);
    CHECK_THAT(i.to_string(), StartsWith(file.string() + ":3:"));
  }
  SECTION("a key defined twice") {
    const auto file = dir.write("dup.toml", "[simulation]\npeople = 100\npeople = 200\n");
    const auto& i = only(issues_of(file));
    CHECK(i.key == "(syntax)");
    CHECK(i.line == 3);
  }
}

TEST_CASE("overrides: --set values are validated like a file", "[params][overrides]") {
  SECTION("good overrides are applied in order and recorded") {
    auto p = pw::with_defaults<pw::ModelParams>();
    pw::ParamTable table(p);
    pw::ScenarioMeta meta;
    pw::apply_overrides({"justice.courts.delay_median=6mo", "justice.offending.base_rate=0.5/y",
                         "justice.courts.conviction_probability=45%", "simulation.people=2000",
                         "simulation.people=3000", "population.profile_file=x.csv"},
                        table, meta);
    CHECK(p.justice.courts.court_delay_median == Approx(26.0).epsilon(1e-12));
    CHECK(p.justice.offending.base_rate == Approx(0.5 / 52.0).epsilon(1e-12));
    CHECK(p.justice.courts.conviction_probability == Approx(0.45).epsilon(1e-12));
    CHECK(p.run.people == 3000);
    CHECK(p.population.profile_file == "x.csv");
    CHECK(meta.overrides.size() == 6);
    CHECK(meta.overrides.front() == "justice.courts.delay_median=6mo");
  }
  SECTION("unknown key") {
    const auto& i = only(set_issues({"justice.courts.convction_probability=0.5"}));
    CHECK(i.file == "--set");
    CHECK_THAT(i.message, Contains("did you mean \"justice.courts.conviction_probability\""));
    CHECK_THAT(i.to_string(), StartsWith("--set: justice.courts.convction_probability: unknown key"));
  }
  SECTION("malformed, without '='") {
    const auto& i = only(set_issues({"novalue"}));
    CHECK(i.key == "novalue");
    CHECK_THAT(i.message, Contains("expected path=value"));
  }
  SECTION("malformed, without a path") {
    CHECK_THAT(only(set_issues({"=5"})).message, Contains("expected path=value"));
  }
  SECTION("wrong type, range and unit") {
    CHECK_THAT(only(set_issues({"simulation.people=lots"})).message, StartsWith("wrong type"));
    CHECK_THAT(only(set_issues({"justice.courts.conviction_probability=45"})).message, Contains("\"45%\""));
    CHECK_THAT(only(set_issues({"simulation.horizon=26"})).message, StartsWith("missing unit"));
    CHECK_THAT(only(set_issues({"simulation.horizon=26 parsecs"})).message, StartsWith("bad unit"));
    CHECK_THAT(only(set_issues({"simulation.horizon="})).message, StartsWith("bad unit"));
  }
  SECTION("every bad override is reported together") {
    const auto issues =
        set_issues({"novalue", "simulation.people=0", "simulation.horizon=2y", "justice.nope=1", "needs.spread=x"});
    CHECK(issues.size() == 4);
  }
}

TEST_CASE("overrides: a --set value that is not TOML even when quoted is a scenario error",
          "[params][overrides][errors]") {
  // e.g. a stray quote from a shell: --set 'simulation.horizon=6"mo'. It must be
  // reported like any other invalid override (ScenarioError, exit code 2), not
  // escape as a raw TOML parse error.
  auto p = pw::with_defaults<pw::ModelParams>();
  pw::ParamTable table(p);
  pw::ScenarioMeta meta;
  CHECK_THROWS_AS(pw::apply_overrides({"simulation.horizon=6\"mo"}, table, meta), pw::ScenarioError);
  const auto issues = set_issues({"simulation.horizon=6\"mo", "simulation.people=0"});
  CHECK(issues.size() == 2);
}

TEST_CASE("load_scenario: defaults, then the file, then the overrides", "[params][scenario]") {
  pwt::TempDir dir("layered");
  const auto file = dir.write("layered.toml", "[simulation]\npeople = 500\nseed = 11\n[population]\nprofile_file = \"" +
                                                  pwt::kProfilePath + "\"\n");
  const auto s = pw::load_scenario(file, {"simulation.seed=99"});
  CHECK(s.params.run.people == 500);
  CHECK(s.params.run.seed == 99);
  CHECK(s.params.justice.courts.conviction_probability == 0.55);
  CHECK(s.meta.name == "layered");
  CHECK_THAT(s.resolved, Contains("# --set simulation.seed=99"));
  CHECK_THAT(s.resolved, Contains("seed = 99"));

  SECTION("an empty profile path is an error") {
    const auto f2 = dir.write("noprofile.toml", "[population]\nprofile_file = \"\"\n");
    try {
      (void)pw::load_scenario(f2, {});
      FAIL("expected a ScenarioError");
    } catch (const pw::ScenarioError& e) {
      REQUIRE(e.issues().size() == 1);
      CHECK(e.issues()[0].key == "population.profile_file");
    }
  }
  SECTION("errors in the file and in the overrides are both errors") {
    CHECK_THROWS_AS(pw::load_scenario(file, {"simulation.seed=-1"}), pw::ScenarioError);
    const auto bad = dir.write("bad.toml", "[simulation]\npeople = 0\n");
    CHECK_THROWS_AS(pw::load_scenario(bad, {}), pw::ScenarioError);
  }
}

TEST_CASE("resolved scenario: reloading it reproduces every value", "[params][scenario]") {
  pwt::TempDir dir("resolved");
  const auto file = dir.write("orig.toml",
                              "name = \"orig\"\ndescription = \"with \\\"quotes\\\" and a \\\\ slash\"\n"
                              "[population]\nprofile_file = \"" +
                                  pwt::kProfilePath + "\"\n");
  const std::vector<std::string> sets = {"justice.courts.delay_median=6mo", "justice.courts.conviction_probability=45%",
                                         "simulation.people=777", "justice.risk.high_from=8"};
  const auto a = pw::load_scenario(file, sets);
  const auto copy = dir.write("resolved.toml", a.resolved);
  const auto b = pw::load_scenario(copy, {});
  CHECK(b.meta.name == "orig");
  CHECK(b.meta.description == a.meta.description);
  auto pa = a.params, pb = b.params;
  pw::ParamTable ta(pa), tb(pb);
  REQUIRE(ta.slots().size() == tb.slots().size());
  for (std::size_t k = 0; k < ta.slots().size(); ++k) {
    INFO(ta.slots()[k].info.path);
    CHECK(ta.slots()[k].get() == tb.slots()[k].get());
  }
  CHECK(pb.run.people == 777);
  CHECK(pb.justice.risk.high_from == 8);
}

TEST_CASE("resolved scenario: values that are not short decimals survive exactly", "[params][scenario]") {
  // A resolved scenario claims to hold every parameter "as the run used it", so
  // re-running it must use the same doubles, not 6-significant-digit roundings.
  pwt::TempDir dir("precision");
  const auto file = dir.write("p.toml", "[population]\nprofile_file = \"" + pwt::kProfilePath + "\"\n");
  const auto a = pw::load_scenario(
      file, {"justice.offending.base_rate=0.5/y", "justice.courts.delay_median=1mo", "needs.spread=1.23456789"});
  const auto b = pw::load_scenario(dir.write("r.toml", a.resolved), {});
  CHECK(b.params.justice.offending.base_rate == a.params.justice.offending.base_rate);
  CHECK(b.params.justice.courts.court_delay_median == a.params.justice.courts.court_delay_median);
  CHECK(b.params.needs.spread == a.params.needs.spread);
}
