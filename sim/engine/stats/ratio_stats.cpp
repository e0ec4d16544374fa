#include "sim/engine/stats/ratio_stats.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace pw {

RatioInterval fieller_ratio(const std::vector<double>& x, const std::vector<double>& y, double level) {
  if (x.size() != y.size() || x.empty()) {
    throw std::invalid_argument("fieller_ratio: need the same, non-zero number of replicates in both");
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr double inf = std::numeric_limits<double>::infinity();
  RatioInterval r;
  r.n = static_cast<int>(x.size());
  const double n = static_cast<double>(r.n);
  for (std::size_t k = 0; k < x.size(); ++k) {
    r.numerator_mean += x[k];
    r.denominator_mean += y[k];
  }
  r.numerator_mean /= n;
  r.denominator_mean /= n;
  r.estimate = r.denominator_mean != 0 ? r.numerator_mean / r.denominator_mean : nan;
  r.lo = r.hi = nan;
  r.denominator_lo = r.denominator_hi = nan;
  if (r.n < 2) return r;
  double sxx = 0, sxy = 0, syy = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double dx = x[k] - r.numerator_mean, dy = y[k] - r.denominator_mean;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  sxx /= n - 1;
  sxy /= n - 1;
  syy /= n - 1;
  const double t = boost::math::quantile(boost::math::students_t(n - 1), 0.5 + level / 2);
  const double q = t * t / n;
  r.denominator_lo = r.denominator_mean - std::sqrt(q * syy);
  r.denominator_hi = r.denominator_mean + std::sqrt(q * syy);
  if (r.denominator_mean == 0) return r;
  const double a = r.denominator_mean * r.denominator_mean - q * syy;
  const double b = -2.0 * (r.numerator_mean * r.denominator_mean - q * sxy);
  const double c = r.numerator_mean * r.numerator_mean - q * sxx;
  if (a <= 0) {
    r.kind = RatioInterval::Kind::Unbounded;
    r.lo = -inf;
    r.hi = inf;
    return r;
  }
  // a > 0 puts the estimate inside the two real roots (the quadratic is <= 0 there).
  const double disc = std::max(0.0, b * b - 4 * a * c);
  const double root = std::sqrt(disc);
  r.lo = (-b - root) / (2 * a);
  r.hi = (-b + root) / (2 * a);
  r.kind = RatioInterval::Kind::Bounded;
  return r;
}

}  // namespace pw
