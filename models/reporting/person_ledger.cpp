#include "models/reporting/person_ledger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/reporting/outcome_tables.hpp"
#include "models/simulation.hpp"

namespace pw {

namespace {
constexpr auto u8(Custody c) { return static_cast<std::uint8_t>(c); }
constexpr std::size_t kOutcomeCount = kLedgerOutcomes.size();
}  // namespace

PersonLedger::PersonLedger(const Simulation& sim)
    : people_(sim.population().size()), years_(months_in_horizon(sim.horizon()) / 12) {
  flags_.assign(static_cast<std::size_t>(years_) * kOutcomeCount * people_, 0);
  costs_.assign(kCostCategories.size() * people_, 0.0F);
  last_arrests_.assign(people_, 0);
  last_offences_.assign(people_, 0);
  last_earnings_.assign(people_, 0.0F);
  victim_per_offence_.resize(people_);
  intensive_at_release_.resize(people_);
  const auto& o = sim.params().justice.offending;
  const auto& c = sim.params().costs;
  const std::array<double, 4> price = {c.victim_violent, c.victim_property, c.victim_drug, c.victim_public_order};
  const std::array<double, 4> mix = {o.mix_violent, o.mix_property, o.mix_drug,
                                     1.0 - o.mix_violent - o.mix_property - o.mix_drug};
  double mix_mean = 0;
  for (std::size_t k = 0; k < 4; ++k) mix_mean += mix[k] * price[k];
  const auto& j = sim.justice();
  for (std::size_t i = 0; i < people_; ++i) {
    const auto own = price.at(std::min<std::size_t>(sim.population().commitment_offence[i], 3));
    victim_per_offence_[i] = static_cast<float>(o.specialisation * own + (1.0 - o.specialisation) * mix_mean);
    intensive_at_release_[i] = j.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::Intensive) ? 1 : 0;
    last_arrests_[i] = j.arrests[i];
    last_offences_[i] = j.offences[i];
  }
}

void PersonLedger::after_week(const Simulation& sim) {
  const auto& p = sim.params().costs;
  const auto& j = sim.justice();
  const auto& net = sim.network().summary();
  const auto& h = sim.housing().state();
  const auto& l = sim.labour().state();
  const auto& emp = sim.labour().employers();
  const double drug_court = sim.params().justice.drug_court.cost_per_participant_week;
  const double mh_court = sim.params().justice.mental_health_court.cost_per_participant_week;
  const double mentor = sim.params().network.mentors.cost_per_mentee_week;
  const int week = sim.week();  // the week just run is week - 1; hires start at `week`
  const auto at = [&](CostIndex k, std::size_t i) -> float& { return costs_[k * people_ + i]; };
  for (std::size_t i = 0; i < people_; ++i) {
    const auto custody = j.custody[i];
    if (custody == u8(Custody::Prison)) at(kCostPrison, i) += static_cast<float>(p.prison_bed_week);
    if (custody == u8(Custody::Jail)) at(kCostJail, i) += static_cast<float>(p.jail_bed_week);
    if (custody == u8(Custody::Community)) {
      const auto s = static_cast<SupervisionLevel>(j.supervision[i]);
      if (s == SupervisionLevel::Standard) at(kCostSupervision, i) += static_cast<float>(p.supervision_standard_week);
      if (s == SupervisionLevel::Intensive) at(kCostSupervision, i) += static_cast<float>(p.supervision_intensive_week);
      if (j.court_programme[i] == 1) at(kCostProgrammes, i) += static_cast<float>(drug_court);
      if (j.court_programme[i] == 2) at(kCostProgrammes, i) += static_cast<float>(mh_court);
      if (net.mentored(i)) at(kCostProgrammes, i) += static_cast<float>(mentor);
    }
    at(kCostCourts, i) += static_cast<float>((j.arrests[i] - last_arrests_[i]) * p.courts_per_arrest);
    at(kCostVictim, i) += static_cast<float>(j.offences[i] - last_offences_[i]) * victim_per_offence_[i];
    last_arrests_[i] = j.arrests[i];
    last_offences_[i] = j.offences[i];
    const auto housing = static_cast<Housing>(h.state[i]);
    if (housing == Housing::Transitional) at(kCostHousing, i) += static_cast<float>(p.transitional_bed_week);
    if (housing == Housing::Shelter) at(kCostHousing, i) += static_cast<float>(p.shelter_bed_week);
    if (housing == Housing::Own && h.tenure[i] == static_cast<std::uint8_t>(Tenure::Voucher))
      at(kCostHousing, i) += static_cast<float>(p.voucher_week);
    if (housing == Housing::Own && h.tenure[i] == static_cast<std::uint8_t>(Tenure::Public))
      at(kCostHousing, i) += static_cast<float>(p.public_housing_week);
    if (l.employer[i] >= 0 && l.job_start_week[i] == week) {
      const auto e = static_cast<std::size_t>(l.employer[i]);
      if (!emp.informal[e]) {
        if (emp.tax_credit[e]) at(kCostIncentives, i) += static_cast<float>(p.tax_credit_per_hire);
        if (emp.bonding[e]) at(kCostIncentives, i) += static_cast<float>(p.bond_per_hire);
      }
    }
    if (l.working[i] == kWorkedFormal)
      at(kCostTaxes, i) -= static_cast<float>(p.tax_rate_on_earnings) * (l.earnings[i] - last_earnings_[i]);
    last_earnings_[i] = l.earnings[i];
  }
  // End of a follow-up year: who works, who is homeless.
  for (int y = 1; y <= years_; ++y) {
    if (week != week_ending_month(12 * y)) continue;
    auto* employed = &flags_[((static_cast<std::size_t>(y) - 1) * kOutcomeCount + 3) * people_];
    auto* homeless = &flags_[((static_cast<std::size_t>(y) - 1) * kOutcomeCount + 4) * people_];
    for (std::size_t i = 0; i < people_; ++i) {
      const bool community = j.custody[i] == u8(Custody::Community);
      employed[i] = community && l.working[i] != 0 ? 1 : 0;
      homeless[i] = community && unstably_housed(h.state[i]) ? 1 : 0;
    }
  }
}

void PersonLedger::finish(const Simulation& sim) {
  const auto& j = sim.justice();
  const std::array<const std::vector<std::int16_t>*, 3> first = {&j.first_arrest_week, &j.first_conviction_week,
                                                                 &j.first_return_week};
  for (int y = 1; y <= years_; ++y) {
    const int end = week_ending_month(12 * y);
    for (std::size_t o = 0; o < first.size(); ++o) {
      auto* row = &flags_[((static_cast<std::size_t>(y) - 1) * kOutcomeCount + o) * people_];
      for (std::size_t i = 0; i < people_; ++i) {
        const int w = (*first[o])[i];
        row[i] = w != kNever && w < end ? 1 : 0;
      }
    }
  }
  // Programme weeks and participation.
  const auto& pm = sim.programmes();
  unit_names_.clear();
  units_.clear();
  const auto add_unit = [&](std::string name) {
    unit_names_.push_back(std::move(name));
    units_.resize(units_.size() + people_, 0);
    return &units_[units_.size() - people_];
  };
  for (std::size_t p = 0; p < pm.size(); ++p) {
    const auto& spec = pm.specs()[p];
    auto* took_part = add_unit("programme:" + spec.name);
    const auto& st = pm.status(p);
    for (std::size_t i = 0; i < people_; ++i) {
      const auto s = static_cast<ProgrammeStatus>(st[i]);
      const bool active = s == ProgrammeStatus::Active;
      if (!active && s != ProgrammeStatus::Completed && s != ProgrammeStatus::Dropped) continue;
      took_part[i] = 1;
      double weeks = 0;
      if (spec.phase == "pre_release") {
        weeks = static_cast<double>(std::lround(spec.duration * (s == ProgrammeStatus::Completed ? 1.0 : 0.5)));
      } else {
        const int start = pm.start_week(p, i);
        const int end = active ? sim.week() : pm.end_week(p)[i];
        weeks = std::max(0, end - start);
      }
      costs_[kCostProgrammes * people_ + i] += static_cast<float>(weeks * spec.cost_per_participant_week);
    }
  }
  const std::array<const char*, 2> courts = {"drug_court", "mental_health_court"};
  for (std::size_t k = 0; k < courts.size(); ++k) {
    auto* took_part = add_unit(courts[k]);
    for (std::size_t i = 0; i < people_; ++i) took_part[i] = j.court_start_week[k][i] != kNever ? 1 : 0;
  }
  auto* isp = add_unit("intensive_supervision");
  std::copy(intensive_at_release_.begin(), intensive_at_release_.end(), isp);
}

std::vector<std::string> PersonLedger::flag_names() const {
  std::vector<std::string> out;
  for (int y = 1; y <= years_; ++y) {
    for (const auto* o : kLedgerOutcomes) out.push_back(fmt::format("{}.y{}", o, y));
  }
  return out;
}

}  // namespace pw
