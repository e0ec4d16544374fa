// An EligibilitySpec (eligibility_spec.hpp) decoded once from its strings into
// numbers, for the weekly loops of the programmes and the courts, and the check
// that a range is not empty, for the scenario loader.
//
// admits() reads the person's static attributes (models/population), their
// assessed risk level (models/justice/risk_assessment) and their current needs
// (models/needs). It has no side effects and draws nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "models/eligibility/eligibility_spec.hpp"
#include "models/needs/needs.hpp"
#include "models/population/attributes.hpp"

namespace pw {

struct EligibilityRule {
  static constexpr int kAny = -1, kNonViolent = -2;
  float min_age = 0, max_age = 150;
  int sex = kAny, group = kAny, offence = kAny;  // offence: an OffenceType, kAny or kNonViolent
  int min_risk = 0, max_risk = 3;                // RiskLevel
  int min_prior_arrests = 0, max_prior_arrests = 65535;
  float min_substance_use = 0, min_mental_health = 0, min_antisocial_cognition = 0, max_employability = 1;

  [[nodiscard]] bool admits(const Population& pop, const Needs& needs, std::uint8_t risk_level, std::size_t i) const {
    const int offence_i = pop.commitment_offence[i];
    return pop.age_at_release[i] >= min_age && pop.age_at_release[i] < max_age && (sex == kAny || pop.sex[i] == sex) &&
           (group == kAny || pop.group[i] == group) &&
           (offence == kAny ||
            (offence == kNonViolent ? offence_i != static_cast<int>(OffenceType::Violent) : offence_i == offence)) &&
           risk_level >= min_risk && risk_level <= max_risk && pop.prior_arrests[i] >= min_prior_arrests &&
           pop.prior_arrests[i] <= max_prior_arrests && needs.substance_use[i] >= min_substance_use &&
           needs.mental_health[i] >= min_mental_health && needs.antisocial_cognition[i] >= min_antisocial_cognition &&
           needs.employability[i] <= max_employability;
  }
};

EligibilityRule decode_eligibility(const EligibilitySpec& spec);

// Empty when every range can hold someone; otherwise "<key>: <why>", the key
// relative to the table (e.g. "eligibility.max_age").
std::string empty_eligibility_range(const EligibilitySpec& spec);

}  // namespace pw
