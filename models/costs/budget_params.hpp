// The budget cap of a scenario (see models/costs/budget.hpp for how it is checked).
#pragma once

#include "sim/engine/params/param.hpp"

namespace pw {

struct BudgetParams {
  double programmes_total = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(programmes_total, {.path = "budget.programmes_total", .unit = Unit::Money, .def = 0, .lo = 0, .hi = 1e13,
                         .description = "most the programmes and problem-solving courts may spend over the horizon "
                                        "(0: no cap); checked at load against full occupancy",
                         .source = "scenario setting (resolution para. 1: a comprehensive strategy within resources)"});
    // clang-format on
  }
};

}  // namespace pw
