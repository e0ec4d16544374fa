// Unit hypercube <-> parameter values (see dimension.hpp).
#include "sim/engine/methods/dimension.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace pw::methods {

void validate(const Dimension& d) {
  const auto where = [&] { return fmt::format("dimension '{}' (lo = {}, hi = {})", d.path, d.lo, d.hi); };
  if (d.path.empty()) throw std::invalid_argument(fmt::format("{}: the parameter path is empty", where()));
  if (!std::isfinite(d.lo) || !std::isfinite(d.hi))
    throw std::invalid_argument(fmt::format("{}: lo and hi must be finite numbers", where()));
  if (!(d.lo < d.hi)) throw std::invalid_argument(fmt::format("{}: lo must be less than hi", where()));
  if (d.log_scale && !(d.lo > 0.0))
    throw std::invalid_argument(fmt::format("{}: a log-scale range needs lo > 0", where()));
}

void validate(const std::vector<Dimension>& dimensions) {
  if (dimensions.empty()) throw std::invalid_argument("an experiment needs at least one dimension");
  std::set<std::string> seen;
  for (const auto& d : dimensions) {
    validate(d);
    if (!seen.insert(d.path).second) throw std::invalid_argument(fmt::format("dimension '{}' is listed twice", d.path));
  }
}

double to_value(const Dimension& d, double u) {
  if (!(u >= 0.0 && u <= 1.0))
    throw std::invalid_argument(fmt::format("dimension '{}': unit coordinate {} is outside [0, 1]", d.path, u));
  if (u == 0.0) return d.lo;
  if (u == 1.0) return d.hi;
  if (d.log_scale) {
    const double log_lo = std::log(d.lo);
    return std::exp(log_lo + u * (std::log(d.hi) - log_lo));
  }
  return d.lo + u * (d.hi - d.lo);
}

double to_unit(const Dimension& d, double value) {
  if (!(value >= d.lo && value <= d.hi))
    throw std::invalid_argument(fmt::format("dimension '{}': value {} is outside [{}, {}]", d.path, value, d.lo, d.hi));
  double u = 0.0;
  if (d.log_scale) {
    const double log_lo = std::log(d.lo);
    u = (std::log(value) - log_lo) / (std::log(d.hi) - log_lo);
  } else {
    u = (value - d.lo) / (d.hi - d.lo);
  }
  return std::clamp(u, 0.0, 1.0);
}

Point to_values(const std::vector<Dimension>& dimensions, const Point& unit) {
  if (unit.size() != dimensions.size())
    throw std::invalid_argument(
        fmt::format("a unit point has {} coordinates but there are {} dimensions", unit.size(), dimensions.size()));
  Point values(unit.size());
  for (std::size_t i = 0; i < unit.size(); ++i) values[i] = to_value(dimensions[i], unit[i]);
  return values;
}

Design to_values(const std::vector<Dimension>& dimensions, const Design& unit) {
  Design values;
  values.reserve(unit.size());
  for (const auto& point : unit) values.push_back(to_values(dimensions, point));
  return values;
}

}  // namespace pw::methods
