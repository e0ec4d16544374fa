#include "sim/engine/stats/paired_stats.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace pw {

double chance_mean_positive(const std::vector<double>& x) {
  const std::size_t r = x.size();
  if (r < 2) return std::numeric_limits<double>::quiet_NaN();
  double mean = 0;
  for (const double v : x) mean += v;
  mean /= static_cast<double>(r);
  double ss = 0;
  for (const double v : x) ss += (v - mean) * (v - mean);
  const double se = std::sqrt(ss / static_cast<double>(r - 1) / static_cast<double>(r));
  if (se == 0) return mean > 0 ? 1.0 : mean < 0 ? 0.0 : 0.5;
  return boost::math::cdf(boost::math::students_t(static_cast<double>(r - 1)), mean / se);
}

PairedDifference paired_difference(const std::vector<double>& a, const std::vector<double>& b, double level) {
  if (a.size() != b.size() || a.empty()) {
    throw std::invalid_argument("paired_difference: need the same, non-zero number of replicates in both");
  }
  PairedDifference d;
  d.n = static_cast<int>(a.size());
  const double n = static_cast<double>(d.n);
  for (std::size_t r = 0; r < a.size(); ++r) {
    d.baseline_mean += a[r];
    d.alternative_mean += b[r];
    d.mean += b[r] - a[r];
  }
  d.baseline_mean /= n;
  d.alternative_mean /= n;
  d.mean /= n;
  if (d.n < 2) {
    d.lo = d.hi = std::numeric_limits<double>::quiet_NaN();
    return d;
  }
  double ss = 0;
  for (std::size_t r = 0; r < a.size(); ++r) {
    const double e = (b[r] - a[r]) - d.mean;
    ss += e * e;
  }
  d.sd = std::sqrt(ss / (n - 1));
  const boost::math::students_t dist(n - 1);
  const double t = boost::math::quantile(dist, 0.5 + level / 2);
  const double half = t * d.sd / std::sqrt(n);
  d.lo = d.mean - half;
  d.hi = d.mean + half;
  return d;
}

}  // namespace pw
