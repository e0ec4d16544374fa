// models/reporting/person_ledger: each person's outcomes and costs, summed over
// the cohort, agree with the cohort's own tables (cumulative percentages,
// census, cost series), so the effect on the treated prices participants as
// the whole-cohort comparison prices everyone.
#include <cmath>

#include "models/costs/costs.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/person_ledger.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "tests/sim_support.hpp"

TEST_CASE("person ledger: per-person costs add up to the cohort's cost series; flags to its tables",
          "[reporting][treated]") {
  const int people = 4000, weeks = 110;
  auto p = pwt::small_params(people, weeks, 777);
  pw::ProgrammeSpec jobs = pw::with_defaults<pw::ProgrammeSpec>();
  jobs.name = "jobs";
  jobs.kind = "transitional_jobs";
  jobs.phase = "post_release";
  jobs.places_per_1000 = 40;
  jobs.duration = 8;
  jobs.uptake = 0.8;
  jobs.cost_per_participant_week = 300;
  p.programmes.push_back(jobs);
  pw::ProgrammeSpec cbt = pw::with_defaults<pw::ProgrammeSpec>();
  cbt.name = "cbt";
  cbt.kind = "cbt";
  cbt.phase = "pre_release";
  cbt.places_per_1000 = 25;
  cbt.duration = 11;
  cbt.cost_per_participant_week = 200;
  p.programmes.push_back(cbt);
  p.justice.drug_court.places_per_1000 = 30;
  p.housing.stocks.vouchers_per_1000 = 40;
  p.network.mentors.volunteers_per_1000 = 40;
  pwt::Run r(p);
  pw::PersonLedger ledger(r.sim);
  while (!r.sim.finished()) {
    r.sim.step();
    ledger.after_week(r.sim);
  }
  ledger.finish(r.sim);
  const auto& sim = r.sim;
  const auto series = pw::compute_costs(sim.weekly(), sim.params().costs, pw::programme_costs_by_week(sim));
  const auto n = static_cast<std::size_t>(people);
  // Tolerances: exact where the ledger prices the same events (arrests, hires, earnings); for stocks,
  // the few persons a barrier after the census moves each week (sentencing, court diversion, mentor
  // matching) are priced a week early or late; victim costs use each person's expected price per offence.
  struct Check {
    pw::CostIndex k;
    double rel;
  };
  for (const auto& [k, rel] :
       {Check{pw::kCostPrison, 0.01}, Check{pw::kCostJail, 0.03}, Check{pw::kCostSupervision, 0.005},
        Check{pw::kCostCourts, 1e-5}, Check{pw::kCostVictim, 0.03}, Check{pw::kCostProgrammes, 0.02},
        Check{pw::kCostHousing, 0.005}, Check{pw::kCostIncentives, 1e-5}, Check{pw::kCostTaxes, 1e-4}}) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += ledger.costs()[k * n + i];
    const double cohort = series.sum(k);
    INFO(pw::kCostCategories[k].name << ": persons " << sum << ", cohort " << cohort);
    CHECK(std::abs(sum - cohort) <= rel * std::abs(cohort) + 1e-6);
  }
  // First events by the end of each year are the cohort's cumulative percentages.
  const auto tables = pw::cumulative_tables(sim);
  const auto names = ledger.flag_names();
  REQUIRE(ledger.years() == 2);
  for (int y = 1; y <= 2; ++y) {
    for (std::size_t o = 0; o < 3; ++o) {
      const std::size_t row = (static_cast<std::size_t>(y) - 1) * pw::kLedgerOutcomes.size() + o;
      double count = 0;
      for (std::size_t i = 0; i < n; ++i) count += ledger.flags()[row * n + i];
      INFO(names[row]);
      CHECK(100.0 * count / people == Approx(tables.pct[0][o][static_cast<std::size_t>(12 * y - 1)]));
    }
    // Working and homeless at the end of the year are the census of month 12 y, among persons in the community.
    const auto& census = sim.monthly()[static_cast<std::size_t>(12 * y - 1)];
    double employed = 0, homeless = 0;
    for (std::size_t i = 0; i < n; ++i) {
      employed += ledger.flags()[((y - 1) * pw::kLedgerOutcomes.size() + 3) * n + i];
      homeless += ledger.flags()[((y - 1) * pw::kLedgerOutcomes.size() + 4) * n + i];
    }
    CHECK(employed == static_cast<double>(census.at(0, pw::kCensusEmployed)));
    CHECK(homeless == static_cast<double>(census.at(0, pw::kCensusHousing + 3) + census.at(0, pw::kCensusHousing + 4)));
  }
  // Participation units: every programme, both courts, intensive supervision at release.
  CHECK(ledger.unit_names() == std::vector<std::string>{"programme:jobs", "programme:cbt", "drug_court",
                                                        "mental_health_court", "intensive_supervision"});
}
