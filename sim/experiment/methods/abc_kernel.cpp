// The Gaussian mixture perturbation kernel of ABC-SMC (see abc_kernel.hpp).
#include "sim/experiment/methods/abc_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/core/distributions.hpp"

namespace pw::methods::abc_detail {
namespace {

// Lower-triangular Cholesky factor of a symmetric d x d matrix, or nothing if
// it is not positive definite.
std::optional<std::vector<double>> cholesky(const std::vector<double>& a, std::size_t d) {
  std::vector<double> l(d * d, 0.0);
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = a[i * d + j];
      for (std::size_t k = 0; k < j; ++k) sum -= l[i * d + k] * l[j * d + k];
      if (i == j) {
        if (!(sum > 0.0)) return std::nullopt;
        l[i * d + i] = std::sqrt(sum);
      } else {
        l[i * d + j] = sum / l[j * d + j];
      }
    }
  }
  return l;
}

}  // namespace

MixtureKernel::MixtureKernel(const std::vector<Point>& working, const std::vector<double>& weights,
                             const WorkingScale& scale)
    : d_(scale.size()), centres_(working) {
  const std::size_t n = working.size();
  if (n == 0 || weights.size() != n) throw std::invalid_argument("ABC kernel: empty population or weight mismatch");
  double total = 0.0;
  for (const double w : weights) total += w;

  // Weighted mean and 2 x weighted covariance (normalised weights).
  Point mean(d_, 0.0);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < d_; ++i) mean[i] += weights[k] / total * working[k][i];
  covariance_.assign(d_ * d_, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    const double w = weights[k] / total;
    for (std::size_t i = 0; i < d_; ++i)
      for (std::size_t j = 0; j <= i; ++j)
        covariance_[i * d_ + j] += 2.0 * w * (working[k][i] - mean[i]) * (working[k][j] - mean[j]);
  }
  for (std::size_t i = 0; i < d_; ++i)
    for (std::size_t j = 0; j < i; ++j) covariance_[j * d_ + i] = covariance_[i * d_ + j];

  // Cholesky, with a growing ridge if Sigma is singular.
  auto factor = cholesky(covariance_, d_);
  for (double ridge = 1e-12; !factor; ridge *= 10.0) {
    if (ridge > 1.0) throw std::runtime_error("ABC kernel: the population covariance cannot be factorised");
    std::vector<double> ridged = covariance_;
    for (std::size_t i = 0; i < d_; ++i) {
      const double width = scale.hi(i) - scale.lo(i);
      ridged[i * d_ + i] += ridge * width * width;
    }
    factor = cholesky(ridged, d_);
    if (factor) covariance_ = ridged;
  }
  chol_ = *factor;

  log_weights_.resize(n);
  cumulative_.resize(n);
  double running = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    log_weights_[k] = weights[k] > 0.0 ? std::log(weights[k] / total) : -std::numeric_limits<double>::infinity();
    running += weights[k] / total;
    cumulative_[k] = running;
  }
  whitened_centres_.reserve(n);
  for (const auto& c : centres_) whitened_centres_.push_back(whiten(c));
}

Point MixtureKernel::whiten(const Point& x) const {
  Point y(d_);
  for (std::size_t i = 0; i < d_; ++i) {
    double sum = x[i];
    for (std::size_t k = 0; k < i; ++k) sum -= chol_[i * d_ + k] * y[k];
    y[i] = sum / chol_[i * d_ + i];
  }
  return y;
}

Point MixtureKernel::propose(ProposalDraws& draws) const {
  const double u = draws.next() * cumulative_.back();
  auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  const std::size_t ancestor = static_cast<std::size_t>(it - cumulative_.begin());
  Point z(d_);
  for (auto& zi : z) zi = normal_quantile(draws.next());
  Point x = centres_[ancestor];
  for (std::size_t i = 0; i < d_; ++i)
    for (std::size_t k = 0; k <= i; ++k) x[i] += chol_[i * d_ + k] * z[k];
  return x;
}

double MixtureKernel::log_density(const Point& x) const {
  const Point y = whiten(x);
  std::vector<double> terms(centres_.size());
  double largest = -std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < centres_.size(); ++k) {
    double m = 0.0;
    for (std::size_t i = 0; i < d_; ++i) {
      const double diff = y[i] - whitened_centres_[k][i];
      m += diff * diff;
    }
    terms[k] = log_weights_[k] - 0.5 * m;
    largest = std::max(largest, terms[k]);
  }
  double sum = 0.0;
  for (const double t : terms) sum += std::exp(t - largest);
  return largest + std::log(sum);
}

}  // namespace pw::methods::abc_detail
