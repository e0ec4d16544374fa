// Per-person outcomes and costs over the follow-up: what `pathways compare`
// needs for the effect on the treated and the benefit-cost per participant
// (sim/app/experiment/treated_effects.hpp), which compare the same person
// (same id, common random numbers) with and without a policy.
//
// When it runs: construct after the Simulation is set up (week 0 not yet run),
// call after_week() after every Simulation::step(), and finish() once after
// the last week. It only reads the simulation.
//
// Outcomes (flags, 0 or 1), for each follow-up year y = 1..Y (Y = whole years
// in the horizon; year y ends at week_ending_month(12 y), as in the cumulative
// tables):
//   arrest, conviction, return_prison  a first event before the end of year y
//                  (outcome_tables.hpp);
//   employed       worked in the last week of year y (a job or a transitional job);
//   homeless       in a shelter or on the street at the end of year y.
// Employment and homelessness count every person, in custody or not (custody =
// not working, not homeless): the cohort tables condition on being in the
// community, which a policy changes, so a paired comparison of the same people
// must not.
//
// Costs (USD 2023, undiscounted, the person's share over the follow-up), by
// kCostCategories, priced as models/costs does from the end-of-week state:
//   prison, jail   weeks ending in prison or jail x the bed-week price;
//   supervision    community weeks on standard or intensive supervision;
//   courts         arrests x costs.courts_per_arrest;
//   victim         offences x the expected victim cost of one offence of the
//                  person (specialisation x the commitment offence's price +
//                  (1 - specialisation) x the offence mix's mean price): the
//                  offence type is drawn inside the justice model and not kept;
//   programmes     problem-solving-court weeks and mentored community weeks at
//                  their weekly costs; programme weeks from the participation
//                  record (pre-release: round(duration x 1 or 0.5 for a
//                  drop-out), as the programmes model counts them;
//                  post-release: end week - start week, or the horizon - start
//                  while still in it) x cost_per_participant_week. The
//                  pre-release coordination levers are not attributed (0);
//   housing        weeks holding a transitional bed, a shelter bed, a voucher
//                  or a public-housing unit x their weekly prices;
//   employment_incentives  hires by an employer with a tax credit or bond;
//   taxes_on_earnings  minus the tax rate x formal earnings.
// Summed over persons these match the cohort's cost series up to the weeks in
// which a barrier after the census (court diversion, sentencing, mentor
// matching) changed a person's state: tests/reporting/test_person_ledger.cpp
// bounds the difference.
//
// Participation units (who "took part"):
//   programme:<name>     started the programme (status active, completed or dropped);
//   drug_court, mental_health_court   admitted to the court at least once;
//   intensive_supervision  released to intensive supervision (week 0).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/costs/costs.hpp"

namespace pw {

class Simulation;

inline constexpr std::array<const char*, 5> kLedgerOutcomes = {"arrest", "conviction", "return_prison", "employed",
                                                               "homeless"};

class PersonLedger {
 public:
  explicit PersonLedger(const Simulation& sim);
  void after_week(const Simulation& sim);
  void finish(const Simulation& sim);

  [[nodiscard]] int years() const { return years_; }
  [[nodiscard]] std::size_t people() const { return people_; }
  // Row names of flags(): "<outcome>.y<year>", outcome-major within each year.
  [[nodiscard]] std::vector<std::string> flag_names() const;
  // [row * people + person].
  [[nodiscard]] const std::vector<std::uint8_t>& flags() const { return flags_; }
  // [category * people + person], kCostCategories order.
  [[nodiscard]] const std::vector<float>& costs() const { return costs_; }
  // Unit names and [unit * people + person] = 1 for a participant (valid after finish()).
  [[nodiscard]] const std::vector<std::string>& unit_names() const { return unit_names_; }
  [[nodiscard]] const std::vector<std::uint8_t>& units() const { return units_; }

 private:
  std::size_t people_ = 0;
  int years_ = 0;
  std::vector<std::uint8_t> flags_;
  std::vector<float> costs_;
  std::vector<std::uint16_t> last_arrests_, last_offences_;
  std::vector<float> last_earnings_;
  std::vector<float> victim_per_offence_;
  std::vector<std::uint8_t> intensive_at_release_;
  std::vector<std::string> unit_names_;
  std::vector<std::uint8_t> units_;
};

}  // namespace pw
