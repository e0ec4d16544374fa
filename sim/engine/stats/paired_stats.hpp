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
  // The interval excludes zero.
  [[nodiscard]] bool significant() const { return n >= 2 && (lo > 0 || hi < 0); }
};

// Throws std::invalid_argument when the lengths differ or are zero.
PairedDifference paired_difference(const std::vector<double>& baseline, const std::vector<double>& alternative,
                                   double level = 0.95);

}  // namespace pw
