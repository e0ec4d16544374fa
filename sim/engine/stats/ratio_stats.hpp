// A ratio of two means over paired replicates, with Fieller's confidence
// interval: the cost-effectiveness figures of `pathways compare` (benefit-cost
// ratio, public cost per arrest averted).
//
// For replicates r = 1..R with numerator x_r and denominator y_r (each a
// paired difference between a scenario and the baseline under common random
// numbers), the estimate is theta = mean(x) / mean(y). Fieller's interval is
// the set of theta0 for which mean(x) - theta0 mean(y) is not significantly
// different from zero by a t test with R - 1 degrees of freedom:
//   (xbar - theta0 ybar)^2 <= t^2 (Sxx - 2 theta0 Sxy + theta0^2 Syy) / R,
// a quadratic a theta0^2 + b theta0 + c <= 0 with a = ybar^2 - t^2 Syy / R.
//   a > 0   the denominator's t interval excludes zero: a bounded interval
//           between the two roots ("bounded");
//   a <= 0  the denominator's interval includes zero: the set is the whole
//           line or the outside of two roots, i.e. no finite bounds
//           ("unbounded"; lo = -inf, hi = +inf);
//   R < 2 or ybar = 0: no interval or no estimate ("undefined"; NaN).
// Why Fieller and not a bootstrap: comparisons run 5-20 replicates, too few
// for a bootstrap's percentiles to be trustworthy (5 replicates give 126
// distinct resamples), while Fieller is exact when (xbar, ybar) is
// bivariate normal, which the replicate means are to a good approximation,
// and it says honestly when the denominator could be zero.
// Units: those of x over those of y.
#pragma once

#include <string_view>
#include <vector>

namespace pw {

struct RatioInterval {
  enum class Kind { Bounded, Unbounded, Undefined };
  int n = 0;
  double numerator_mean = 0, denominator_mean = 0;
  // The denominator's own t interval at the same level (NaN with n < 2): a
  // ratio is only meaningful when this excludes zero.
  double denominator_lo = 0, denominator_hi = 0;
  double estimate = 0;  // NaN when the denominator's mean is zero
  double lo = 0, hi = 0;
  Kind kind = Kind::Undefined;
  // The denominator's interval excludes zero by more than `resolution` (its
  // units; e.g. 0.5 USD when spending is shown to whole dollars). False with n < 2.
  [[nodiscard]] bool denominator_excludes_zero(double resolution) const {
    return n >= 2 && (denominator_lo > resolution || denominator_hi < -resolution);
  }
  [[nodiscard]] std::string_view kind_name() const {
    return kind == Kind::Bounded ? "bounded" : kind == Kind::Unbounded ? "unbounded" : "undefined";
  }
};

// Throws std::invalid_argument when the lengths differ or are zero.
RatioInterval fieller_ratio(const std::vector<double>& numerator, const std::vector<double>& denominator,
                            double level = 0.95);

}  // namespace pw
