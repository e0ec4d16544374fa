#include "models/reintegration/situation_effects.hpp"

#include <algorithm>
#include <cmath>

namespace pw {

namespace {
enum WorkClass { kNotWorking = 0, kWorkingYounger = 1, kWorkingOlder = 2 };
}

SituationEffects::SituationEffects(const LabourEffectParams& labour, const HousingEffectParams& housing,
                                   const DiversionCourtParams& drug_court,
                                   const DiversionCourtParams& mental_health_court, const NetworkParams& network)
    : age_threshold_(labour.age_threshold) {
  const auto& in = network.influence;
  for (int k = 0; k <= kShareSteps; ++k)
    antisocial_[static_cast<std::size_t>(k)] = static_cast<float>(
        std::exp(in.antisocial_effect * (static_cast<double>(k) / kShareSteps - in.reference_share)));
  mentor_[1] = static_cast<float>(std::exp(network.mentors.offending_effect));
  for (int k = 0; k <= std::max(0, in.co_offending_cap); ++k)
    co_offending_.push_back(static_cast<float>(std::exp(in.co_offending_effect * k)));
  court_[1] = static_cast<float>(std::exp(drug_court.monitoring_effect));
  court_[2] = static_cast<float>(std::exp(mental_health_court.monitoring_effect));
  const double work[3] = {0.0, labour.employment_effect_younger, labour.employment_effect_older};
  for (int k = 0; k < 3; ++k) {
    for (int h = 0; h <= kHousingStates; ++h) {
      const double home = h == static_cast<int>(Housing::Shelter)  ? housing.shelter_offending
                          : h == static_cast<int>(Housing::Street) ? housing.street_offending
                                                                   : 0.0;
      offending_[k][h] = static_cast<float>(std::exp(work[k] + home));
    }
  }
  for (int h = 0; h <= kHousingStates; ++h) {
    violation_[h] =
        static_cast<float>(unstably_housed(static_cast<std::uint8_t>(h)) ? std::exp(housing.unstable_violation) : 1.0);
  }
}

void SituationEffects::update(std::size_t begin, std::size_t end, int week, const Population& pop,
                              const std::vector<std::uint8_t>& working, const std::vector<std::uint8_t>& housing,
                              const std::vector<std::uint8_t>& court_programme, const TieSummary& ties,
                              Situation& out) const {
  const auto cap = co_offending_.size() - 1;
  const double years = week / 52.0;
  for (std::size_t i = begin; i < end; ++i) {
    const int work = working[i] == 0                                   ? kNotWorking
                     : pop.age_at_release[i] + years >= age_threshold_ ? kWorkingOlder
                                                                       : kWorkingYounger;
    const auto h = std::min<std::size_t>(housing[i], kHousingStates);
    const auto share = static_cast<std::size_t>(ties.antisocial_share(i) * kShareSteps + 0.5f);
    const float network = antisocial_[std::min<std::size_t>(share, kShareSteps)] * mentor_[ties.mentored(i) ? 1 : 0] *
                          co_offending_[std::min<std::size_t>(ties.peers_offended[i], cap)];
    out.offending[i] =
        offending_[static_cast<std::size_t>(work)][h] * court_[std::min<std::size_t>(court_programme[i], 2)] * network;
    out.violation[i] = violation_[h];
  }
}

}  // namespace pw
