// sim/engine/params: scenario inheritance (extends), typed [[programme]] tables and
// money values, with the error each misuse must produce.
#include <catch2/catch.hpp>

#include "models/simulation.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/summary.hpp"
#include "sim/engine/params/param_values.hpp"
#include "tests/test_support.hpp"

namespace {
std::string profile_line() { return "population.profile_file = \"" + pwt::kProfilePath + "\"\n"; }

std::string error_text(const std::filesystem::path& file, const std::vector<std::string>& sets = {}) {
  try {
    pw::load_scenario(file, sets);
  } catch (const pw::ScenarioError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("extends: a chain of scenarios applies parents first and the child last", "[params][extends]") {
  pwt::TempDir dir("extends");
  dir.write("root.toml", "name = \"root\"\ndescription = \"the root\"\n" + profile_line() +
                             "justice.courts.conviction_probability = 0.5\njustice.courts.delay_median = \"10w\"\n");
  dir.write("middle.toml", "extends = \"root.toml\"\njustice.courts.conviction_probability = 0.6\n");
  std::filesystem::create_directories(dir.path() / "policies");
  const auto leaf =
      dir.write("policies/leaf.toml", "extends = \"../middle.toml\"\njustice.courts.delay_median = \"2mo\"\n");

  const auto s = pw::load_scenario(leaf, {});
  CHECK(s.params.justice.courts.conviction_probability == 0.6);           // from middle
  CHECK(s.params.justice.courts.court_delay_median == Approx(52.0 / 6));  // leaf overrides root
  CHECK(s.meta.name == "leaf");                                           // name is not inherited
  CHECK(s.meta.description.empty());                                      // nor is the description
  REQUIRE(s.meta.chain.size() == 2);
  CHECK(s.meta.chain[0].filename() == "root.toml");
  CHECK(s.meta.chain[1].filename() == "middle.toml");
  CHECK(s.resolved.find("# extends:") != std::string::npos);
}

TEST_CASE("extends: a cycle is an error naming the chain", "[params][extends][errors]") {
  pwt::TempDir dir("cycle");
  dir.write("a.toml", "extends = \"b.toml\"\n");
  dir.write("b.toml", "extends = \"c.toml\"\n");
  dir.write("c.toml", "extends = \"a.toml\"\n");
  const auto msg = error_text(dir / "a.toml");
  CHECK_THAT(msg, Catch::Contains("inheritance cycle: a.toml -> b.toml -> c.toml -> a.toml"));
  CHECK_THAT(msg, Catch::Contains("c.toml:1:11: extends"));
}

TEST_CASE("extends: a missing parent names the file and the extends line", "[params][extends][errors]") {
  pwt::TempDir dir("missing");
  const auto child = dir.write("child.toml", "# comment\nextends = \"nowhere.toml\"\n");
  const auto msg = error_text(child);
  CHECK_THAT(msg, Catch::Contains("child.toml:2:11: extends: missing file"));
  CHECK_THAT(msg, Catch::Contains("nowhere.toml"));
}

TEST_CASE("extends: errors in a parent and the child are all reported", "[params][extends][errors]") {
  pwt::TempDir dir("both");
  dir.write("parent.toml", profile_line() + "justice.courts.conviction_probabilty = 0.5\n");
  const auto child = dir.write("child.toml", "extends = \"parent.toml\"\njustice.courts.delay_median = 12\n");
  const auto msg = error_text(child);
  CHECK_THAT(msg, Catch::Contains("2 problems"));
  CHECK_THAT(msg, Catch::Contains("parent.toml:2:40: justice.courts.conviction_probabilty: unknown key; did you mean "
                                  "\"justice.courts.conviction_probability\"?"));
  CHECK_THAT(msg, Catch::Contains("child.toml:2:31: justice.courts.delay_median: missing unit"));
}

TEST_CASE("money: amounts are converted to US dollars at 2023 prices", "[params][units]") {
  double v = 0;
  std::string err;
  REQUIRE(pw::parse_money("100 USD 2023", v, err));
  CHECK(v == Approx(100.0));
  REQUIRE(pw::parse_money("1709 USD 2011", v, err));
  CHECK(v == Approx(1709.0 * 304.702 / 224.939));  // CPI-U annual averages
  CHECK_FALSE(pw::parse_money("100 EUR 2020", v, err));
  CHECK_THAT(err, Catch::Contains("unknown currency \"EUR\""));
  CHECK_FALSE(pw::parse_money("100 USD", v, err));
  CHECK_THAT(err, Catch::Contains("needs a price year"));
  CHECK_FALSE(pw::parse_money("100 USD 1950", v, err));
  CHECK_THAT(err, Catch::Contains("outside the price index"));
}

TEST_CASE("programmes: typed [[programme]] tables are validated and stored", "[params][programmes]") {
  pwt::TempDir dir("prog");
  const auto base = dir.write("base.toml", profile_line() +
                                               "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\nplaces_per_1000 = 5\n"
                                               "cost_per_participant_week = \"142 USD 2011\"\n");
  const auto child = dir.write("child.toml",
                               "extends = \"base.toml\"\n"
                               "[[programme]]\nname = \"cbt\"\nplaces_per_1000 = 8\n"
                               "[[programme]]\nname = \"jobs\"\nkind = \"transitional_jobs\"\n"
                               "phase = \"post_release\"\nduration = \"6mo\"\neligibility.min_risk = \"high\"\n");
  const auto s = pw::load_scenario(child, {"programme[jobs].places_per_1000=2.5"});
  REQUIRE(s.params.programmes.size() == 2);
  const auto& cbt = s.params.programmes[0];
  CHECK(cbt.name == "cbt");
  CHECK(cbt.kind == "cbt");
  CHECK(cbt.places_per_1000 == 8);  // the child changed only the places
  CHECK(cbt.cost_per_participant_week == Approx(142.0 * 304.702 / 224.939));
  const auto& jobs = s.params.programmes[1];
  CHECK(jobs.kind == "transitional_jobs");
  CHECK(jobs.places_per_1000 == 2.5);
  CHECK(jobs.duration == Approx(26.0));
  CHECK(jobs.eligibility.min_risk == "high");
  CHECK(s.resolved.find("[[programme]]\nname = 'jobs'") != std::string::npos);

  // The resolved scenario reloads to the same programmes.
  const auto again_file = dir.write("resolved.toml", s.resolved);
  const auto again = pw::load_scenario(again_file, {});
  REQUIRE(again.params.programmes.size() == 2);
  CHECK(again.params.programmes[1].places_per_1000 == 2.5);
  CHECK(again.resolved.substr(again.resolved.find("name = ")) == s.resolved.substr(s.resolved.find("name = ")));
}

TEST_CASE("programmes: an unknown kind and a missing name are errors", "[params][programmes][errors]") {
  pwt::TempDir dir("badprog");
  const auto f = dir.write("bad.toml", profile_line() +
                                           "[[programme]]\nname = \"x\"\nkind = \"astrology\"\nplaces_per_1000 = -3\n"
                                           "[[programme]]\nkind = \"cbt\"\n");
  const auto msg = error_text(f);
  CHECK_THAT(msg, Catch::Contains("3 problems"));
  CHECK_THAT(
      msg, Catch::Contains("bad.toml:4:8: programme[x].kind: unknown intervention kind \"astrology\"; accepted: cbt"));
  CHECK_THAT(msg, Catch::Contains("programme[x].places_per_1000: value -3 out of range"));
  CHECK_THAT(msg, Catch::Contains("programme: missing name"));
  CHECK_THAT(error_text(f, {"programme[nobody].places_per_1000=3"}), Catch::Contains("bad.toml"));
}

TEST_CASE("retired keys: absolute capacities are refused, naming what replaced them", "[params][programmes][errors]") {
  pwt::TempDir dir("retired");
  const auto f = dir.write("old.toml", profile_line() +
                                           "budget.programmes_total = \"1000000 USD 2023\"\n"
                                           "justice.drug_court.capacity = 3000\n"
                                           "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\ncapacity = 6000\n");
  const auto msg = error_text(f);
  CHECK_THAT(msg, Catch::Contains("3 problems"));
  CHECK_THAT(msg, Catch::Contains("programme[cbt].capacity: \"capacity\" was replaced by \"places_per_1000\""));
  CHECK_THAT(msg, Catch::Contains("6000 places for 100,000 people is 60"));
  CHECK_THAT(msg,
             Catch::Contains("\"justice.drug_court.capacity\" was replaced by \"justice.drug_court.places_per_1000\""));
  CHECK_THAT(msg, Catch::Contains("\"budget.programmes_total\" was replaced by \"budget.programmes_per_1000\""));
  const auto ok = dir.write("ok.toml", profile_line() + "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\n");
  CHECK_THAT(error_text(ok, {"programme[cbt].capacity=10"}), Catch::Contains("was replaced by \"places_per_1000\""));
}

TEST_CASE("resolved scenario: running it again reproduces the results bit for bit", "[params][results]") {
  pwt::TempDir dir("rerun");
  pw::RunOptions first;
  first.scenario = pwt::kSourceDir / "scenarios" / "baseline.toml";
  first.output = dir / "first.h5";
  first.sets = {"simulation.people=3000", "simulation.horizon=52w", "simulation.seed=99"};
  first.persons = pw::PersonsOutput::None;
  pw::run_scenario(first);

  std::string resolved;
  {
    const H5::H5File f((dir / "first.h5").string(), H5F_ACC_RDONLY);
    resolved = pw::h5::read_string_attr(f.openGroup("/scenarios/baseline"), "resolved_scenario");
  }
  pw::RunOptions second = first;
  second.scenario = dir.write("baseline.toml", resolved);
  second.output = dir / "second.h5";
  second.sets = {};
  pw::run_scenario(second);

  const auto a = pw::summarise_results(dir / "first.h5");
  const auto b = pw::summarise_results(dir / "second.h5");
  CHECK(a["scenarios"]["baseline"]["cumulative_pct"] == b["scenarios"]["baseline"]["cumulative_pct"]);
  const H5::H5File fa((dir / "first.h5").string(), H5F_ACC_RDONLY), fb((dir / "second.h5").string(), H5F_ACC_RDONLY);
  for (const std::string series : {"arrests", "offences", "in_prison", "technical_violations"}) {
    hsize_t r1 = 0, c1 = 0, r2 = 0, c2 = 0;
    const auto x = pw::h5::read_matrix_double(fa.openDataSet("/scenarios/baseline/weekly/" + series), r1, c1);
    const auto y = pw::h5::read_matrix_double(fb.openDataSet("/scenarios/baseline/weekly/" + series), r2, c2);
    CHECK(x == y);
  }
}

TEST_CASE("budget: a scenario that can spend more than its budget is rejected with the figures", "[params][budget]") {
  pwt::TempDir dir("budget");
  const auto f = dir.write("b.toml", profile_line() +
                                         "simulation.horizon = \"10w\"\n"
                                         "budget.programmes_per_1000 = \"99999 USD 2023\"\n"
                                         "justice.drug_court.places_per_1000 = 10\n"
                                         "justice.drug_court.cost_per_participant_week = \"100 USD 2023\"\n"
                                         "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\nplaces_per_1000 = 100\n"
                                         "cost_per_participant_week = \"100 USD 2023\"\n");
  // Full occupancy: (100 + 10) places per 1,000 x 10 weeks x $100 = $110,000 per 1,000 > $99,999.
  const auto msg = error_text(f);
  CHECK_THAT(msg, Catch::Contains("budget.programmes_per_1000: over budget"));
  CHECK_THAT(msg, Catch::Contains("110000 USD"));
  const auto ok = pw::load_scenario(f, {"budget.programmes_per_1000=\"110000 USD 2023\""});
  CHECK(ok.params.budget.programmes_per_1000 == Approx(110000));
  // The same budget means the same policy at any cohort size.
  CHECK_NOTHROW(pw::load_scenario(f, {"budget.programmes_per_1000=\"110000 USD 2023\"", "simulation.people=1000000"}));
}

TEST_CASE("names: duplicate programme names, NUL characters and HDF5-unsafe names are refused with a location",
          "[params][programmes][errors]") {
  pwt::TempDir dir("names");
  SECTION("two [[programme]] tables in one file with the same name") {
    const auto f = dir.write("dup.toml", profile_line() +
                                             "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\n"
                                             "[[programme]]\nname = \"cbt\"\nplaces_per_1000 = 80\n");
    const auto err = error_text(f);
    CHECK_THAT(err, Catch::Contains("dup.toml:") && Catch::Contains("duplicate name \"cbt\"") &&
                        Catch::Contains("entry at line 2"));
  }
  SECTION("a NUL escape in the scenario name") {
    const auto f = dir.write("nul.toml", profile_line() + "name = \"x\\u0000y\"\n");
    CHECK_THAT(error_text(f), Catch::Contains("nul.toml:2:") && Catch::Contains("NUL character"));
  }
  SECTION("a NUL escape in extends") {
    dir.write("base.toml", profile_line());
    const auto f = dir.write("nulext.toml", "extends = \"base.toml\\u0000x\"\n");
    CHECK_THAT(error_text(f),
               Catch::Contains("nulext.toml:1:") && Catch::Contains("extends") && Catch::Contains("NUL character"));
  }
  SECTION("a NUL escape in a string parameter") {
    const auto f = dir.write("nulpar.toml", "population.profile_file = \"" + pwt::kProfilePath + "\\u0000x\"\n");
    CHECK_THAT(error_text(f), Catch::Contains("population.profile_file") && Catch::Contains("NUL character"));
  }
  SECTION("scenario names that are not HDF5 group names") {
    for (const std::string bad : {"a/b", ".", ".."}) {
      const auto f = dir.write("slash.toml", profile_line() + "name = \"" + bad + "\"\n");
      CHECK_THAT(error_text(f), Catch::Contains("slash.toml:2:") && Catch::Contains("not accepted"));
    }
  }
  SECTION("a programme name with a slash") {
    const auto f = dir.write("progslash.toml", profile_line() + "[[programme]]\nname = \"a/b\"\nkind = \"cbt\"\n");
    CHECK_THAT(error_text(f), Catch::Contains("progslash.toml:3:") && Catch::Contains("programme.name"));
  }
  SECTION("the same name in a parent and its child is an override, not a duplicate") {
    dir.write("p.toml", profile_line() + "[[programme]]\nname = \"cbt\"\nkind = \"cbt\"\n");
    const auto f = dir.write("c.toml", "extends = \"p.toml\"\n[[programme]]\nname = \"cbt\"\nplaces_per_1000 = 80\n");
    CHECK(error_text(f).empty());
  }
}
