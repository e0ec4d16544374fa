// The budget cap of a scenario (see models/costs/budget.hpp for how it is checked).
#pragma once

#include "sim/engine/params/param.hpp"

namespace pw {

struct BudgetParams {
  double programmes_per_1000 = 0;  // USD 2023 over the horizon, per 1,000 persons released
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(programmes_per_1000, {.path = "budget.programmes_per_1000", .unit = Unit::Money, .def = 0, .lo = 0, .hi = 1e11,
                            .description = "most the programmes and problem-solving courts may spend over the horizon, "
                                           "per 1,000 persons released (0: no cap); checked at load against full "
                                           "occupancy of their places_per_1000. Replaces the absolute "
                                           "`budget.programmes_total`: 150,000,000 USD for 100,000 people is 1,500,000",
                            .source = "scenario setting (resolution para. 1: a comprehensive strategy within resources)",
                            .replaces = "budget.programmes_total"});
    // clang-format on
  }
};

}  // namespace pw
