// Regression of the calibrated baseline: scenarios/baseline.toml must keep
// reproducing the BJS 2008 cohort (data/calibration/bjs-2008-24-states.csv and,
// by age, offence and admission, bjs-2008-subgroups.csv: 145 numbers) as well
// as the current fit does, with an age gradient that falls at every year, and
// the employment and shelter targets (data/calibration/other-targets.csv)
// within 5. The bounds are the current fit's (docs/calibration.md, "The refit
// (2026-12-03)": largest gap 7.1, RMSE 2.84 at 100,000 people) with a little
// room, not the goal of issue 14 (every number within 3, RMSE at most 1.5):
// tighten them as the fit improves. A change to the model that moves the
// baseline off its targets fails here until the baseline is refitted on
// purpose (tools/calibrate-baseline, docs/calibration.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/reintegration_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/targets.hpp"
#include "tests/test_support.hpp"

TEST_CASE(
    "calibration: the baseline reproduces all 145 BJS 2008 numbers within 8 points (RMSE at most 3) with a "
    "falling age gradient, and work and shelter targets within 5",
    "[calibration]") {
  // Under the sanitizers the cohort is smaller, so the tolerance allows for its
  // sampling error (about 1.5 points for women at 40,000 people).
  const int people = pwt::sized(100000, 40000);
  const double tolerance = pwt::kSanitize ? 9.0 : 8.0;
  auto loaded = pw::load_scenario(pwt::kSourceDir / "scenarios" / "baseline.toml",
                                  {"simulation.people=" + std::to_string(people)});
  const auto profile = pw::read_profile(loaded.params.population.profile_file);
  pw::Parallel par(0);
  pw::Simulation sim(loaded.params, profile, 0, par);
  sim.run_to_end();
  const auto tables = pw::cumulative_tables(sim);
  auto targets = pw::read_targets(loaded.params.report.targets_file);
  REQUIRE(targets.size() == 12);
  const auto subgroups = pw::read_targets(pwt::kSourceDir / "data" / "calibration" / "bjs-2008-subgroups.csv");
  REQUIRE(subgroups.size() == 17);
  targets.insert(targets.end(), subgroups.begin(), subgroups.end());

  const auto curve_of = [&](const std::string& group, const std::string& outcome) -> const std::vector<double>& {
    const auto g = std::find(tables.groups.begin(), tables.groups.end(), group);
    REQUIRE(g != tables.groups.end());
    const auto o = std::find(pw::kOutcomes.begin(), pw::kOutcomes.end(), outcome);
    REQUIRE(o != pw::kOutcomes.end());
    return tables
        .pct[static_cast<std::size_t>(g - tables.groups.begin())][static_cast<std::size_t>(o - pw::kOutcomes.begin())];
  };
  double worst = 0, squares = 0;
  int numbers = 0;
  for (const auto& t : targets) {
    const auto& curve = curve_of(t.group, t.outcome);
    for (std::size_t y = 0; y < t.pct_by_year.size(); ++y) {
      const double model = curve[12 * (y + 1) - 1];
      INFO(t.outcome << " " << t.group << " year " << y + 1 << ": model " << model << ", BJS " << t.pct_by_year[y]);
      // Under the sanitizers a small group (65+ is 0.6% of 40,000) gets three binomial standard errors.
      const auto size = static_cast<double>(tables.group_size[static_cast<std::size_t>(
          std::find(tables.groups.begin(), tables.groups.end(), t.group) - tables.groups.begin())]);
      const double p = t.pct_by_year[y] / 100.0;
      const double allowed = pwt::kSanitize ? std::max(tolerance, 300.0 * std::sqrt(p * (1 - p) / size)) : tolerance;
      CHECK(std::abs(model - t.pct_by_year[y]) <= allowed);
      worst = std::max(worst, std::abs(model - t.pct_by_year[y]));
      squares += (model - t.pct_by_year[y]) * (model - t.pct_by_year[y]);
      ++numbers;
    }
  }
  CHECK(numbers == 145);
  const double rmse = std::sqrt(squares / numbers);
  WARN("largest gap to the BJS targets: " << worst << " percentage points, RMSE " << rmse << ", at " << people
                                          << " people");
  CHECK(rmse <= (pwt::kSanitize ? 3.5 : 3.0));
  // The age gradient of arrest falls from each band to the next, at every year.
  const std::vector<std::string> bands = {"age_le24", "age_25to39", "age_40to54", "age_55to64", "age_65plus"};
  for (std::size_t b = 1; b < bands.size(); ++b) {
    for (int y = 1; y <= 5; ++y) {
      INFO(bands[b - 1] << " vs " << bands[b] << " year " << y);
      CHECK(curve_of(bands[b], "arrest")[12 * y - 1] < curve_of(bands[b - 1], "arrest")[12 * y - 1]);
    }
  }

  // data/calibration/other-targets.csv, read as pathways calibrate reads them.
  const auto r = pw::reintegration_tables(sim);
  REQUIRE(r.groups.front() == "all");
  const auto& all = r.by_group.front();
  struct Other {
    const char* name;
    double model;
    const char* target;  // as written in the file
  };
  const std::vector<Other> others = {
      {"any_formal_earnings_first_full_year", all.any_earnings_first_full_year_pct, "55"},
      {"ever_employed_by_month_8", all.ever_employed_pct.at(7), "65"},
      {"employed_at_month_8", all.employed_pct.at(7), "45"},
      {"entered_shelter_within_24_months", all.shelter_within_24m_pct, "11.4"},
      {"reincarcerated_among_shelter_entrants", all.reincarcerated_among_shelter_entrants_pct, "32.8"},
  };
  const auto file = pwt::read_text(pwt::kSourceDir / "data" / "calibration" / "other-targets.csv");
  for (const auto& o : others) {
    INFO(o.name << ": model " << o.model << ", target " << o.target);
    // The targets above must be the file's: a changed file fails here until the test follows it.
    CHECK(file.find(std::string(o.name) + "," + o.target + ",") != std::string::npos);
    CHECK(std::abs(o.model - std::stod(o.target)) <= (pwt::kSanitize ? 6.0 : 5.0));
  }
}
