// Paired differences between two scenarios over replicates, with a t interval.
//
// For replicates r = 1..R with values a_r (baseline) and b_r (alternative),
// d_r = b_r - a_r; the interval is mean(d) +- t_{R-1, (1+level)/2} sd(d) / sqrt(R)
// (Student t quantile from Boost.Math). Under common random numbers a_r and b_r
// share every draw, so sd(d) is small; with independent seeds the same formula
// is a valid two-sample interval for equal R (the pairing is then arbitrary).
// Units are those of the inputs. With R < 2 the interval is undefined: lo and
// hi are NaN.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace pw {

struct PairedDifference {
  int n = 0;
  double baseline_mean = 0;
  double alternative_mean = 0;
  double mean = 0;  // mean of b - a
  double sd = 0;    // sample standard deviation of b - a (n - 1 denominator)
  double lo = 0, hi = 0;
  [[nodiscard]] double width() const { return hi - lo; }
  // The interval excludes zero by more than `resolution` (in the units of the
  // inputs): a result shown to d decimals passes 0.5 * 10^-d, so an interval
  // that rounds to [0.0, 0.0] is not called significant. The default treats
  // floating-point noise of common random numbers (|bound| below 1e-9 of the
  // larger mean, or 1e-12) as zero.
  [[nodiscard]] double noise() const {
    return 1e-9 * std::max({std::abs(baseline_mean), std::abs(alternative_mean), 1e-3});
  }
  [[nodiscard]] bool significant() const { return significant(noise()); }
  [[nodiscard]] bool significant(double resolution) const { return n >= 2 && (lo > resolution || hi < -resolution); }
};

// The chance that the true mean of `x` is above zero, given the replicates:
// the Student t distribution function at mean / (sd / sqrt(R)) with R - 1
// degrees of freedom (the posterior of the mean under a flat prior). 1 or 0 when
// every replicate agrees and sd is zero; NaN with R < 2. Used for "the chance
// that benefits exceed costs" from the per-replicate net benefit.
double chance_mean_positive(const std::vector<double>& x);

// Throws std::invalid_argument when the lengths differ or are zero.
PairedDifference paired_difference(const std::vector<double>& baseline, const std::vector<double>& alternative,
                                   double level = 0.95);

}  // namespace pw
