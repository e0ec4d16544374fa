#include "models/eligibility/eligibility_rule.hpp"

#include <fmt/format.h>

#include "models/justice/risk_assessment.hpp"

namespace pw {

EligibilityRule decode_eligibility(const EligibilitySpec& s) {
  EligibilityRule r;
  r.min_age = static_cast<float>(s.min_age);
  r.max_age = static_cast<float>(s.max_age);
  r.sex = s.sex == "male" ? static_cast<int>(Sex::Male) : s.sex == "female" ? static_cast<int>(Sex::Female) : r.kAny;
  r.group = s.group < 0 ? r.kAny : s.group;
  r.offence = s.offence == "non_violent" ? r.kNonViolent : r.kAny;
  for (int k = 0; k < kOffenceTypes; ++k) {
    if (kOffenceNames[k] == s.offence) r.offence = k;
  }
  r.min_risk = risk_level_of(s.min_risk);
  r.max_risk = s.max_risk.empty() ? 3 : risk_level_of(s.max_risk);
  r.min_prior_arrests = s.min_prior_arrests;
  r.max_prior_arrests = s.max_prior_arrests;
  r.min_substance_use = static_cast<float>(s.min_substance_use);
  r.min_mental_health = static_cast<float>(s.min_mental_health);
  r.min_antisocial_cognition = static_cast<float>(s.min_antisocial_cognition);
  r.max_employability = static_cast<float>(s.max_employability);
  return r;
}

std::string empty_eligibility_range(const EligibilitySpec& s) {
  if (s.min_age >= s.max_age) {
    return fmt::format(
        "eligibility.max_age: empty age range: max_age ({}) must be above min_age ({}); the range is "
        "[min_age, max_age)",
        s.max_age, s.min_age);
  }
  if (s.min_prior_arrests > s.max_prior_arrests) {
    return fmt::format(
        "eligibility.max_prior_arrests: empty range: max_prior_arrests ({}) is below "
        "min_prior_arrests ({})",
        s.max_prior_arrests, s.min_prior_arrests);
  }
  if (risk_level_of(s.min_risk) > risk_level_of(s.max_risk)) {
    return fmt::format("eligibility.max_risk: empty range: max_risk \"{}\" is below min_risk \"{}\"", s.max_risk,
                       s.min_risk);
  }
  return {};
}

}  // namespace pw
