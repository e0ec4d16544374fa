// Weekly phase "offending": offences, detection and arrest of people in the community.
#include <algorithm>
#include <cmath>

#include "models/justice/justice_model.hpp"
#include "sim/engine/core/distributions.hpp"

namespace pw {

namespace {
constexpr int kMaxOffencesPerWeek = 20;
constexpr std::int64_t WeekCounts::*kOffenceCounters[kOffenceTypes] = {
    &WeekCounts::offences_violent, &WeekCounts::offences_property, &WeekCounts::offences_drug,
    &WeekCounts::offences_public_order};

}  // namespace

WeekCounts JusticeModel::offending(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws) {
  WeekCounts c;
  const auto& o = p_.offending;
  const double years = week / 52.0;
  const double mix_cum[3] = {o.mix_violent, o.mix_violent + o.mix_property,
                             o.mix_violent + o.mix_property + o.mix_drug};
  const double detect[kOffenceTypes] = {o.detect_violent, o.detect_property, o.detect_drug, o.detect_public_order};
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t i = begin; i < end; ++i) {
    if (s_.custody[i] != static_cast<std::uint8_t>(Custody::Community) || week >= s_.desist_week[i]) continue;
    const auto id = static_cast<std::uint32_t>(i);
    const double situation = situation_ ? situation_->offending[i] : 1.0;
    const double ageing = std::exp(o.age_elasticity * std::log1p(years / pop_.age_at_release[i]));
    const int k =
        poisson_inverse(s_.propensity[i] * ageing * situation, draws.of(i)[kDrawOffending], kMaxOffencesPerWeek);
    if (k == 0) continue;

    bool arrested = false, violent = false;
    for (int j = 0; j < k; ++j) {
      const auto u = rng_.uniform4(id, w, Purpose::OffenceDetail, static_cast<std::uint16_t>(j));
      const int type = u[0] < o.specialisation ? pop_.commitment_offence[i]
                       : u[1] < mix_cum[0]     ? 0
                       : u[1] < mix_cum[1]     ? 1
                       : u[1] < mix_cum[2]     ? 2
                                               : 3;
      const bool detected = u[2] < detect[type];
      ++c.offences;
      c.*kOffenceCounters[type] += 1;
      c.offences_undetected += detected ? 0 : 1;
      arrested |= detected;
      violent |= detected && type == static_cast<int>(OffenceType::Violent);
      if (s_.offences[i] < UINT16_MAX) ++s_.offences[i];
    }
    if (!arrested) continue;

    ++c.arrests;
    if (s_.arrests[i] < UINT16_MAX) ++s_.arrests[i];
    if (s_.first_arrest_week[i] == kNever) s_.first_arrest_week[i] = static_cast<std::int16_t>(week);
    const auto u = rng_.uniform4(id, w, Purpose::CaseOutcome);
    const bool convicted = u[0] < p_.courts.conviction_probability;
    if (convicted) {
      ++c.convictions;
      if (s_.convictions[i] < UINT16_MAX) ++s_.convictions[i];
      if (s_.first_conviction_week[i] == kNever) s_.first_conviction_week[i] = static_cast<std::int16_t>(week);
    }
    // One open case per person: a new arrest joins the open case.
    if (s_.court_week[i] == kNever) {
      s_.court_week[i] = static_cast<std::int16_t>(week + lognormal_weeks(p_.courts.court_delay_median, 0.6, u[2]));
      s_.case_convicted[i] = convicted ? 1 : 0;
      s_.case_arrest_week[i] = static_cast<std::int16_t>(week);
      s_.case_violent[i] = violent ? 1 : 0;
    } else {
      s_.case_convicted[i] |= convicted ? 1 : 0;
      s_.case_violent[i] |= violent ? 1 : 0;
    }
    const bool supervised = s_.supervision[i] != static_cast<std::uint8_t>(SupervisionLevel::None);
    if (supervised && u[3] < p_.supervision.revocation_on_arrest) {
      ++c.revocations_arrest;
      const double ut = rng_.uniform(id, w, Purpose::CaseOutcome, 1);
      admit_to_prison(i, week, lognormal_weeks(p_.supervision.revocation_term_median, 0.5, ut), week);
    } else if (u[1] < p_.courts.pretrial_detention_probability) {
      s_.custody[i] = static_cast<std::uint8_t>(Custody::Jail);
      s_.custody_started_week[i] = static_cast<std::int16_t>(week);
      s_.custody_until[i] = s_.court_week[i];
    }
  }
  return c;
}

}  // namespace pw
