// Per-person multipliers of the weekly offending hazard and of the rate of
// detected technical violations that come from a person's circumstances this
// week (work, housing). Written each week, per person, by the "situation"
// phase (models/reintegration/situation_effects.hpp) after the labour and
// housing phases and before offending; read by the justice model. Dimensionless.
#pragma once

#include <cstddef>
#include <vector>

namespace pw {

struct Situation {
  std::vector<float> offending;  // hazard multiplier, 1 = no effect
  std::vector<float> violation;  // technical-violation multiplier, 1 = no effect
  void resize(std::size_t n) {
    offending.assign(n, 1.0f);
    violation.assign(n, 1.0f);
  }
};

}  // namespace pw
