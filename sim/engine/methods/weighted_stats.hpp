// Summaries of weighted samples (ABC populations, bootstrap replicates).
//
// Weights need not sum to one; they must be finite, non-negative and not all
// zero (std::invalid_argument otherwise). Sizes must match. Pure functions.
#pragma once

#include <cstddef>
#include <vector>

namespace pw::methods {

// sum w_k x_k / sum w_k.
[[nodiscard]] double weighted_mean(const std::vector<double>& values, const std::vector<double>& weights);

// sum w_k (x_k - mean)^2 / sum w_k (the weighted population variance, no bias correction).
[[nodiscard]] double weighted_variance(const std::vector<double>& values, const std::vector<double>& weights);

// The q-quantile (q in [0, 1]) of the weighted empirical distribution: the
// smallest value x whose cumulative normalised weight, over values sorted
// ascending, reaches q (the inverse of the step CDF; q = 0 gives the minimum of
// the values with positive weight). With equal weights this is the type-1
// sample quantile.
[[nodiscard]] double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights, double q);

// Kish's effective sample size (sum w)^2 / sum w^2: n for equal weights, 1 when
// one sample holds all the weight.
[[nodiscard]] double effective_sample_size(const std::vector<double>& weights);

// Unweighted type-1 quantile (weights all equal).
[[nodiscard]] double quantile(const std::vector<double>& values, double q);

}  // namespace pw::methods
