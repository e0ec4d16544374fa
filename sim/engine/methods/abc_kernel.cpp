// The Gaussian mixture perturbation kernel of ABC-SMC (see abc_kernel.hpp).
#include "sim/engine/methods/abc_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/engine/core/distributions.hpp"

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

// Weighted mean and covariance (weights need not be normalised) of the chosen points.
struct Moments {
  Point mean;
  std::vector<double> covariance;  // row-major d x d
};
Moments moments(const std::vector<Point>& points, const std::vector<double>& weights,
                const std::vector<std::size_t>& chosen, std::size_t d) {
  double total = 0.0;
  for (const auto k : chosen) total += weights[k];
  Moments m{Point(d, 0.0), std::vector<double>(d * d, 0.0)};
  for (const auto k : chosen)
    for (std::size_t i = 0; i < d; ++i) m.mean[i] += weights[k] / total * points[k][i];
  for (const auto k : chosen) {
    const double w = weights[k] / total;
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j <= i; ++j)
        m.covariance[i * d + j] += w * (points[k][i] - m.mean[i]) * (points[k][j] - m.mean[j]);
  }
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < i; ++j) m.covariance[j * d + i] = m.covariance[i * d + j];
  return m;
}

}  // namespace

MixtureKernel::MixtureKernel(const std::vector<Point>& working, const std::vector<double>& weights,
                             const std::vector<double>& distances, double next_tolerance, const WorkingScale& scale,
                             AbcKernel kind)
    : d_(scale.size()), centres_(working) {
  const std::size_t n = working.size();
  if (n == 0 || weights.size() != n) throw std::invalid_argument("ABC kernel: empty population or weight mismatch");
  if (kind == AbcKernel::Olcm && distances.size() != n)
    throw std::invalid_argument("ABC kernel: the local covariance needs one distance per particle");
  std::vector<std::size_t> everyone(n);
  for (std::size_t k = 0; k < n; ++k) everyone[k] = k;

  if (kind == AbcKernel::Global) {
    Moments m = moments(working, weights, everyone, d_);
    for (auto& c : m.covariance) c *= 2.0;
    shapes_.push_back(factorise(std::move(m.covariance), scale));
  } else {
    std::vector<std::size_t> near;
    for (std::size_t k = 0; k < n; ++k)
      if (distances[k] <= next_tolerance && weights[k] > 0.0) near.push_back(k);
    const Moments m = moments(working, weights, near.size() >= 2 ? near : everyone, d_);
    shapes_.reserve(n);
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<double> sigma = m.covariance;
      for (std::size_t i = 0; i < d_; ++i)
        for (std::size_t l = 0; l < d_; ++l)
          sigma[i * d_ + l] += (m.mean[i] - working[j][i]) * (m.mean[l] - working[j][l]);
      shapes_.push_back(factorise(std::move(sigma), scale));
    }
  }

  double total = 0.0;
  for (const double w : weights) total += w;
  log_weights_.resize(n);
  cumulative_.resize(n);
  double running = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    log_weights_[k] = weights[k] > 0.0 ? std::log(weights[k] / total) : -std::numeric_limits<double>::infinity();
    running += weights[k] / total;
    cumulative_[k] = running;
  }
}

MixtureKernel::Shape MixtureKernel::factorise(std::vector<double> covariance, const WorkingScale& scale) const {
  auto factor = cholesky(covariance, d_);
  for (double ridge = 1e-12; !factor; ridge *= 10.0) {
    if (ridge > 1.0) throw std::runtime_error("ABC kernel: the population covariance cannot be factorised");
    std::vector<double> ridged = covariance;
    for (std::size_t i = 0; i < d_; ++i) {
      const double width = scale.hi(i) - scale.lo(i);
      ridged[i * d_ + i] += ridge * width * width;
    }
    factor = cholesky(ridged, d_);
    if (factor) covariance = std::move(ridged);
  }
  Shape s{std::move(covariance), std::move(*factor), 0.0};
  for (std::size_t i = 0; i < d_; ++i) s.log_det += 2.0 * std::log(s.chol[i * d_ + i]);
  return s;
}

const std::vector<double>& MixtureKernel::covariance(std::size_t j) const { return shape(j).covariance; }

Point MixtureKernel::propose(ProposalDraws& draws) const {
  const double u = draws.next() * cumulative_.back();
  auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  const std::size_t ancestor = static_cast<std::size_t>(it - cumulative_.begin());
  const auto& chol = shape(ancestor).chol;
  Point z(d_);
  for (auto& zi : z) zi = normal_quantile(draws.next());
  Point x = centres_[ancestor];
  for (std::size_t i = 0; i < d_; ++i)
    for (std::size_t k = 0; k <= i; ++k) x[i] += chol[i * d_ + k] * z[k];
  return x;
}

Point MixtureKernel::perturb(const Point& centre, double scale, ProposalDraws& draws) const {
  const auto& chol = shape(0).chol;
  Point z(d_);
  for (auto& zi : z) zi = normal_quantile(draws.next());
  Point x = centre;
  const double s = std::sqrt(scale);
  for (std::size_t i = 0; i < d_; ++i)
    for (std::size_t k = 0; k <= i; ++k) x[i] += s * chol[i * d_ + k] * z[k];
  return x;
}

double MixtureKernel::log_density(const Point& x) const {
  std::vector<double> terms(centres_.size());
  double largest = -std::numeric_limits<double>::infinity();
  Point y(d_);
  for (std::size_t k = 0; k < centres_.size(); ++k) {
    // y = L_k^-1 (x - theta_k), by forward substitution.
    const auto& s = shape(k);
    double m = 0.0;
    for (std::size_t i = 0; i < d_; ++i) {
      double sum = x[i] - centres_[k][i];
      for (std::size_t l = 0; l < i; ++l) sum -= s.chol[i * d_ + l] * y[l];
      y[i] = sum / s.chol[i * d_ + i];
      m += y[i] * y[i];
    }
    terms[k] = log_weights_[k] - 0.5 * s.log_det - 0.5 * m;
    largest = std::max(largest, terms[k]);
  }
  double sum = 0.0;
  for (const double t : terms) sum += std::exp(t - largest);
  return largest + std::log(sum);
}

}  // namespace pw::methods::abc_detail
