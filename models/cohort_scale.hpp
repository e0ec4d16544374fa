// Scale-free capacities: a scenario gives places per 1,000 persons of the
// release cohort, so the same file is the same policy at any --people. This
// turns such a rate into whole places for a cohort of `people`, the same
// rounding as the housing stocks (models/housing) and mentors (models/network).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace pw {

inline std::int64_t places_for_cohort(double per_1000, std::size_t people) {
  return static_cast<std::int64_t>(std::llround(per_1000 * static_cast<double>(people) / 1000.0));
}

}  // namespace pw
