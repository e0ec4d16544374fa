// Weekly phase "courts_and_supervision": sentencing of open cases, technical
// violations and revocation, and the end of supervision terms.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "models/cohort_scale.hpp"
#include "models/eligibility/eligibility_rule.hpp"
#include "models/justice/justice_model.hpp"

namespace pw {

std::int64_t JusticeModel::court_places(const DiversionCourtParams& court) const {
  return places_for_cohort(court.places_per_1000, pop_.size());
}

std::uint8_t JusticeModel::diversion_court(std::size_t i) const {
  if (s_.case_violent[i] != 0 || s_.court_programme[i] != 0) return 0;  // violent, or already in a court
  // Decoded here, not cached: a lever (Simulation::set_parameter) may change the court's eligibility mid-run.
  const auto admits = [&](const DiversionCourtParams& court) {
    return decode_eligibility(court.eligibility).admits(pop_, needs_, risk_.level[i], i);
  };
  if (court_places(p_.drug_court) > 0 && needs_.substance_use[i] >= p_.drug_court.need_threshold &&
      admits(p_.drug_court)) {
    return 1;
  }
  if (court_places(p_.mental_health_court) > 0 && needs_.mental_health[i] >= p_.mental_health_court.need_threshold &&
      admits(p_.mental_health_court)) {
    return 2;
  }
  return 0;
}

void JusticeModel::sentence_and_close(std::size_t i, int week, WeekCounts& c) {
  const auto id = static_cast<std::uint32_t>(i);
  bool to_prison = false;
  if (s_.case_convicted[i] != 0) {
    const auto u = rng_.uniform4(id, static_cast<std::uint32_t>(week), Purpose::Sentence);
    const bool female = pop_.sex[i] == static_cast<std::uint8_t>(Sex::Female);
    const double p_prison = p_.courts.prison_given_conviction * (female ? p_.courts.prison_female_factor : 1.0);
    if (u[0] < p_prison) {
      to_prison = true;
      const int term = lognormal_weeks(p_.courts.term_median, p_.courts.term_sigma, u[1]);
      if (s_.custody[i] == static_cast<std::uint8_t>(Custody::Prison)) {
        // Already back in prison on a revocation: the new sentence extends the stay.
        s_.custody_until[i] =
            static_cast<std::int16_t>(std::max<int>(s_.custody_until[i], std::min(30000, week + term)));
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
  s_.case_violent[i] = 0;
}

void JusticeModel::divert_to_courts(int week, WeekCounts& c) {
  if (court_places(p_.drug_court) <= 0 && court_places(p_.mental_health_court) <= 0) return;
  struct Candidate {
    std::int16_t arrest_week;
    double draw;
    std::uint32_t id;
    bool operator<(const Candidate& o) const {
      return std::tie(arrest_week, draw, id) < std::tie(o.arrest_week, o.draw, o.id);
    }
  };
  for (std::uint8_t court = 1; court <= 2; ++court) {
    const auto& params = court == 1 ? p_.drug_court : p_.mental_health_court;
    std::int64_t participants = 0;
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < s_.size(); ++i) {
      participants += s_.court_programme[i] == court;
      if (s_.diversion_pending[i] == court) {
        candidates.push_back(
            {s_.case_arrest_week[i],
             rng_.uniform(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week), Purpose::CourtProgramme, 1),
             static_cast<std::uint32_t>(i)});
      }
    }
    std::sort(candidates.begin(), candidates.end());
    std::int64_t free = std::max<std::int64_t>(0, court_places(params) - participants);
    for (const auto& cand : candidates) {
      const std::size_t i = cand.id;
      s_.diversion_pending[i] = 0;
      if (free <= 0) {
        sentence_and_close(i, week, c);
        continue;
      }
      --free;
      (court == 1 ? c.drug_court_admissions : c.mental_health_court_admissions) += 1;
      if (s_.custody[i] == static_cast<std::uint8_t>(Custody::Jail)) {
        s_.custody[i] = static_cast<std::uint8_t>(Custody::Community);
        s_.custody_until[i] = kNever;
        ++c.releases;
      }
      // Treatment starts: the need falls by in_treatment_share of need_reduction.
      float& need = court == 1 ? needs_.substance_use[i] : needs_.mental_health[i];
      s_.court_need_at_admission[i] = need;
      need = static_cast<float>(need * (1.0 - params.need_reduction * params.in_treatment_share));
      refresh_from_needs(i);
      s_.court_programme[i] = court;
      if (s_.court_start_week[court - 1][i] == kNever)
        s_.court_start_week[court - 1][i] = static_cast<std::int16_t>(week);
      s_.court_programme_until[i] =
          static_cast<std::int16_t>(week + std::max(1, static_cast<int>(std::lround(params.duration))));
      s_.court_week[i] = kNever;
      s_.case_convicted[i] = 0;
      s_.case_arrest_week[i] = kNever;
      s_.case_violent[i] = 0;
    }
  }
}

WeekCounts JusticeModel::courts_and_supervision(std::size_t begin, std::size_t end, int week) {
  WeekCounts c;
  const auto& sv = p_.supervision;
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t i = begin; i < end; ++i) {
    const auto id = static_cast<std::uint32_t>(i);
    if (s_.court_week[i] == week) {
      if (s_.case_convicted[i] != 0 && s_.custody[i] != static_cast<std::uint8_t>(Custody::Prison) &&
          diversion_court(i) != 0) {
        s_.diversion_pending[i] = diversion_court(i);  // decided by divert_to_courts, after this phase
        continue;
      }
      sentence_and_close(i, week, c);
    }

    // Problem-solving court participants: a prison term ends participation (a
    // failure); a new arrest or a jail stay does not by itself (courts sanction
    // rather than expel). At the end: graduation, or failure and sentencing.
    if (s_.court_programme[i] != 0) {
      const auto& court = s_.court_programme[i] == 1 ? p_.drug_court : p_.mental_health_court;
      const bool in_prison = s_.custody[i] == static_cast<std::uint8_t>(Custody::Prison);
      if (in_prison || week >= s_.court_programme_until[i]) {
        const auto u = rng_.uniform4(id, w, Purpose::CourtProgramme);
        const bool graduates = !in_prison && u[0] < court.graduation_probability;
        float& need = s_.court_programme[i] == 1 ? needs_.substance_use[i] : needs_.mental_health[i];
        const float at_admission = s_.court_need_at_admission[i];
        if (graduates) {
          ++c.court_graduations;
          need = static_cast<float>(at_admission * (1.0 - court.need_reduction));
        } else {
          ++c.court_failures;
          need = at_admission;  // relapse
        }
        refresh_from_needs(i);
        const std::size_t k = s_.court_programme[i] - 1u;
        if (s_.court_end_week[k][i] == kNever && s_.court_start_week[k][i] != kNever) {
          s_.court_end_week[k][i] = static_cast<std::int16_t>(week);
          s_.court_graduated[k][i] = graduates ? 1 : 0;
        }
        if (!graduates) {
          const bool female = pop_.sex[i] == static_cast<std::uint8_t>(Sex::Female);
          if (u[1] < p_.courts.prison_given_conviction * (female ? p_.courts.prison_female_factor : 1.0) &&
              s_.custody[i] != static_cast<std::uint8_t>(Custody::Prison)) {
            ++c.prison_admissions_new_sentence;
            admit_to_prison(i, week, lognormal_weeks(p_.courts.term_median, p_.courts.term_sigma, u[2]), kNever);
          }
        }
        s_.court_programme[i] = 0;
        s_.court_programme_until[i] = kNever;
      }
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
    const double rate = sv.violation_rate * (intensive ? sv.intensive_violation_factor : 1.0) *
                        s_.violation_multiplier[i] * (situation_ ? situation_->violation[i] : 1.0f);
    const auto u = rng_.uniform4(id, w, Purpose::TechnicalViolation);
    if (u[0] >= rate || u[0] >= -std::expm1(-rate)) continue;
    ++c.technical_violations;
    if (s_.technical_violations[i] < UINT16_MAX) ++s_.technical_violations[i];
    if (sv.graduated_sanctions && s_.technical_violations[i] <= sv.sanctions_before_revocation) {
      // Swift, certain, graded: a short jail stay; supervision continues afterwards.
      ++c.jail_sanctions;
      s_.custody[i] = static_cast<std::uint8_t>(Custody::Jail);
      s_.custody_started_week[i] = static_cast<std::int16_t>(week);
      s_.custody_until[i] =
          static_cast<std::int16_t>(week + std::max(1, static_cast<int>(std::lround(sv.sanction_jail))));
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
