#include "models/justice/risk_assessment.hpp"

namespace pw {

int risk_score(const Population& pop, const Needs& needs, std::size_t i) {
  int s = 0;
  const float age = pop.age_at_release[i];
  s += age < 25 ? 3 : age < 35 ? 2 : age < 50 ? 1 : 0;
  const int priors = pop.prior_arrests[i];
  s += priors >= 20 ? 4 : priors >= 10 ? 3 : priors >= 5 ? 2 : priors >= 3 ? 1 : 0;
  const float onset = pop.age_first_arrest[i];
  s += onset < 18 ? 2 : onset < 25 ? 1 : 0;
  s += pop.admission[i] == static_cast<std::uint8_t>(Admission::SupervisionViolator) ? 1 : 0;
  s += pop.commitment_offence[i] == static_cast<std::uint8_t>(OffenceType::Property) ? 1 : 0;
  s += pop.sex[i] == static_cast<std::uint8_t>(Sex::Male) ? 1 : 0;
  s += needs.substance_use[i] > 0.5f ? 1 : 0;
  s += needs.antisocial_cognition[i] > 0.5f ? 1 : 0;
  return s;
}

RiskAssessment assess_risk(const Population& pop, const Needs& needs, const RiskParams& p) {
  RiskAssessment r;
  r.score.resize(pop.size());
  r.level.resize(pop.size());
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const int s = risk_score(pop, needs, i);
    r.score[i] = static_cast<std::uint8_t>(s);
    r.level[i] = static_cast<std::uint8_t>(s >= p.very_high_from  ? RiskLevel::VeryHigh
                                           : s >= p.high_from     ? RiskLevel::High
                                           : s >= p.moderate_from ? RiskLevel::Moderate
                                                                  : RiskLevel::Low);
  }
  return r;
}

}  // namespace pw
