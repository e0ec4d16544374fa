#include "models/costs/budget.hpp"

#include <algorithm>
#include <cmath>

namespace pw {

double planned_programme_spending_per_1000(const ModelParams& p) {
  const double weeks = p.run.horizon_weeks();
  double total = 0;
  for (const auto& s : p.programmes) {
    if (s.phase == "pre_release") {
      // Places turn over window / duration times; each course lasts `duration` weeks.
      const double turns = std::max(1.0, std::floor(p.programme_kinds.pre_release_window / std::max(1.0, s.duration)));
      total += s.places_per_1000 * turns * s.duration * s.cost_per_participant_week;
    } else {
      total += s.places_per_1000 * weeks * s.cost_per_participant_week;
    }
  }
  for (const auto* court : {&p.justice.drug_court, &p.justice.mental_health_court}) {
    total += court->places_per_1000 * weeks * court->cost_per_participant_week;
  }
  return total;
}

}  // namespace pw
