// Weekly phase "courts_and_supervision": sentencing of open cases, technical
// violations and revocation, and the end of supervision terms.
#include <algorithm>
#include <cmath>

#include "models/justice/justice_model.hpp"

namespace pw {

WeekCounts JusticeModel::courts_and_supervision(std::size_t begin, std::size_t end, int week) {
  WeekCounts c;
  const auto& sv = p_.supervision;
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t i = begin; i < end; ++i) {
    const auto id = static_cast<std::uint32_t>(i);
    if (s_.court_week[i] == week) {
      bool to_prison = false;
      if (s_.case_convicted[i] != 0) {
        const auto u = rng_.uniform4(id, w, Purpose::Sentence);
        const bool female = pop_.sex[i] == static_cast<std::uint8_t>(Sex::Female);
        const double p_prison = p_.courts.prison_given_conviction * (female ? p_.courts.prison_female_factor : 1.0);
        if (u[0] < p_prison) {
          to_prison = true;
          const int term = lognormal_weeks(p_.courts.term_median, p_.courts.term_sigma, u[1]);
          if (s_.custody[i] == static_cast<std::uint8_t>(Custody::Prison)) {
            // Already back in prison on a revocation: the new sentence extends the stay.
            s_.custody_until[i] = static_cast<std::int16_t>(std::max<int>(s_.custody_until[i], std::min(30000, week + term)));
          } else {
            ++c.prison_admissions_new_sentence;
            admit_to_prison(i, week, term, s_.case_arrest_week[i]);
          }
        }
      }
      if (!to_prison && s_.custody[i] == static_cast<std::uint8_t>(Custody::Jail)) {
        s_.custody[i] = static_cast<std::uint8_t>(Custody::Community);
        s_.custody_until[i] = kNever;
        ++c.releases;
      }
      s_.court_week[i] = kNever;
      s_.case_convicted[i] = 0;
      s_.case_arrest_week[i] = kNever;
    }

    if (s_.custody[i] != static_cast<std::uint8_t>(Custody::Community) ||
        s_.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::None)) {
      continue;
    }
    if (week >= s_.supervision_until[i]) {
      s_.supervision[i] = static_cast<std::uint8_t>(SupervisionLevel::None);
      s_.supervision_until[i] = kNever;
      continue;
    }
    const bool intensive = s_.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::Intensive);
    const double rate =
        sv.violation_rate * (intensive ? sv.intensive_violation_factor : 1.0) * s_.violation_multiplier[i];
    const auto u = rng_.uniform4(id, w, Purpose::TechnicalViolation);
    if (u[0] >= rate || u[0] >= -std::expm1(-rate)) continue;
    ++c.technical_violations;
    if (s_.technical_violations[i] < UINT16_MAX) ++s_.technical_violations[i];
    if (sv.graduated_sanctions && s_.technical_violations[i] <= sv.sanctions_before_revocation) {
      // Swift, certain, graded: a short jail stay; supervision continues afterwards.
      ++c.jail_sanctions;
      s_.custody[i] = static_cast<std::uint8_t>(Custody::Jail);
      s_.custody_until[i] = static_cast<std::int16_t>(week + std::max(1, static_cast<int>(std::lround(sv.sanction_jail))));
      if (s_.court_week[i] != kNever) s_.custody_until[i] = std::min(s_.custody_until[i], s_.court_week[i]);
      continue;
    }
    if (u[1] < sv.revocation_probability) {
      ++c.revocations_technical;
      admit_to_prison(i, week, lognormal_weeks(sv.revocation_term_median, 0.5, u[2]), kNever);
    }
  }
  return c;
}

}  // namespace pw
