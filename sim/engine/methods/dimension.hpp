// Parameter dimensions of an experiment, and the map from the unit hypercube
// to parameter values.
//
// Every design in pw::methods (grid, Latin hypercube, Sobol, Saltelli) is made
// on the unit hypercube [0, 1]^d and then mapped, coordinate by coordinate, to
// the parameter ranges named here. ABC priors are uniform over the same ranges
// (log-uniform when log_scale). Units are those of the parameter the path
// names; this unit does no I/O and knows nothing of scenarios. Runs when a
// sweep or calibration is set up and when results are analysed.
#pragma once

#include <string>
#include <vector>

namespace pw::methods {

// One point in the unit hypercube, or in parameter space: one value per dimension.
using Point = std::vector<double>;
// A design: one Point per run, in run order.
using Design = std::vector<Point>;

// One parameter that an experiment varies.
struct Dimension {
  std::string path;        // the scenario parameter path, e.g. "justice.arrest_rate" (a label here)
  double lo = 0.0;         // smallest value, in the parameter's unit
  double hi = 1.0;         // largest value, in the parameter's unit; lo < hi
  bool log_scale = false;  // true: uniform in log(value) (needs 0 < lo); false: uniform in value
};

// Throws std::invalid_argument naming the dimension (path, lo, hi) unless
// lo and hi are finite, lo < hi and, for log_scale, lo > 0.
void validate(const Dimension& dimension);
// Validates every dimension and throws std::invalid_argument if `dimensions`
// is empty or two dimensions share a path.
void validate(const std::vector<Dimension>& dimensions);

// The parameter value at unit coordinate u in [0, 1]:
//   lo + u (hi - lo)                    linear scale,
//   lo (hi / lo)^u = exp(log lo + u (log hi - log lo))   log scale.
// u = 0 gives lo and u = 1 gives hi exactly. Throws std::invalid_argument if
// u is outside [0, 1] or not finite.
[[nodiscard]] double to_value(const Dimension& dimension, double u);

// The inverse of to_value: the unit coordinate of a value in [lo, hi].
// Throws std::invalid_argument if the value is outside [lo, hi].
[[nodiscard]] double to_unit(const Dimension& dimension, double value);

// Maps one unit point (size = dimensions.size()) to parameter values.
[[nodiscard]] Point to_values(const std::vector<Dimension>& dimensions, const Point& unit);

// Maps every point of a unit design to parameter values (same order).
[[nodiscard]] Design to_values(const std::vector<Dimension>& dimensions, const Design& unit);

}  // namespace pw::methods
