// Weighted means, variances, quantiles and effective sample size (see weighted_stats.hpp).
#include "sim/engine/methods/weighted_stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace pw::methods {
namespace {

// Sum of the weights, after checking them against the values.
double checked_total(std::size_t n_values, const std::vector<double>& weights) {
  if (n_values != weights.size())
    throw std::invalid_argument(fmt::format("{} values but {} weights", n_values, weights.size()));
  double total = 0.0;
  for (const double w : weights) {
    if (!std::isfinite(w) || w < 0.0) throw std::invalid_argument(fmt::format("weight {} is not finite and >= 0", w));
    total += w;
  }
  if (!(total > 0.0)) throw std::invalid_argument("the weights are all zero");
  return total;
}

}  // namespace

double weighted_mean(const std::vector<double>& values, const std::vector<double>& weights) {
  const double total = checked_total(values.size(), weights);
  double sum = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) sum += weights[k] * values[k];
  return sum / total;
}

double weighted_variance(const std::vector<double>& values, const std::vector<double>& weights) {
  const double mean = weighted_mean(values, weights);
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double sum = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) sum += weights[k] * (values[k] - mean) * (values[k] - mean);
  return sum / total;
}

double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights, double q) {
  if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument(fmt::format("quantile level {} is outside [0, 1]", q));
  const double total = checked_total(values.size(), weights);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] != values[b] ? values[a] < values[b] : a < b; });
  const double target = q * total;
  double cumulative = 0.0;
  std::size_t last_positive = order.front();
  for (const std::size_t k : order) {
    if (weights[k] <= 0.0) continue;
    cumulative += weights[k];
    last_positive = k;
    if (cumulative >= target) return values[k];
  }
  return values[last_positive];  // rounding left the cumulative sum just short of q * total
}

double effective_sample_size(const std::vector<double>& weights) {
  const double total = checked_total(weights.size(), weights);
  double squares = 0.0;
  for (const double w : weights) squares += (w / total) * (w / total);
  return 1.0 / squares;
}

double quantile(const std::vector<double>& values, double q) {
  return weighted_quantile(values, std::vector<double>(values.size(), 1.0), q);
}

}  // namespace pw::methods
