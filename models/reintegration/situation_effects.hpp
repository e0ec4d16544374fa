// Named mechanisms by which work and housing change offending and technical
// violations (docs/ODD.md §7.18). Per person, week t, after the labour and housing
// phases and before offending:
//   offending multiplier = exp(employment effect) x exp(housing effect)
//     employment effect: labour.effects.employment_offending_older while
//       working this week (a job or a transitional job) at or above labour.effects.age_threshold (current age),
//       employment_offending_younger below it (Uggen 2000);
//     housing effect: housing.effects.shelter_offending in a shelter,
//       street_offending on the street (Metraux & Culhane 2004);
//   violation multiplier = exp(housing.effects.unstable_violation) in a
//     shelter or on the street;
//   and, while a person takes part in a problem-solving court, the offending
//     multiplier also includes exp(justice.<court>.monitoring_effect) (drug
//     testing, status hearings and sanctions);
//   network (models/network, the ties left by last week's batch): times
//     exp(antisocial_effect x (antisocial share - reference_share))
//     (differential association; the share is read to 1/1024),
//     x exp(mentors.offending_effect) with a volunteer mentor,
//     x exp(co_offending_effect x min(peers who offended last week, cap)).
//     Nothing here reads weeks since release.
// Writes only the person's row of Situation.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "models/housing/housing_params.hpp"
#include "models/housing/housing_state.hpp"
#include "models/justice/justice_params.hpp"
#include "models/justice/situation.hpp"
#include "models/labour/labour_params.hpp"
#include "models/network/network_graph.hpp"
#include "models/network/network_params.hpp"
#include "models/population/attributes.hpp"

namespace pw {

class SituationEffects {
 public:
  SituationEffects(const LabourEffectParams& labour, const HousingEffectParams& housing,
                   const DiversionCourtParams& drug_court, const DiversionCourtParams& mental_health_court,
                   const NetworkParams& network);
  // Updates rows [begin, end) for week t.
  void update(std::size_t begin, std::size_t end, int week, const Population& pop,
              const std::vector<std::uint8_t>& working, const std::vector<std::uint8_t>& housing,
              const std::vector<std::uint8_t>& court_programme, const TieSummary& ties, Situation& out) const;

 private:
  double age_threshold_;
  // [employed and old enough][housing state incl. None]
  std::array<std::array<float, kHousingStates + 1>, 3> offending_{};
  std::array<float, kHousingStates + 1> violation_{};
  std::array<float, 3> court_{1.0f, 1.0f, 1.0f};  // by court_programme: none, drug court, mental-health court
  static constexpr int kShareSteps = 1024;
  std::array<float, kShareSteps + 1> antisocial_{};  // by antisocial share x kShareSteps
  std::array<float, 2> mentor_{1.0f, 1.0f};          // by mentored
  std::vector<float> co_offending_;                  // by peers who offended last week, up to the cap
};

}  // namespace pw
