// Internal to ABC-SMC: the perturbation kernel of Beaumont et al. (2009).
//
// Built from the previous generation (working-scale points and normalised
// weights): a mixture of Gaussians, one per particle, with common covariance
// Sigma = 2 x the weighted covariance of the population. It draws proposals
// (ancestor j with probability w_j, then theta_j + L z with L L^T = Sigma and z
// standard normal) and evaluates the unnormalised mixture density used in the
// importance weights. If Sigma is singular (e.g. a parameter on which all
// particles agree), a ridge of 1e-12 x (prior width)^2, growing tenfold until
// the Cholesky factorisation succeeds, is added to its diagonal.
#pragma once

#include <vector>

#include "sim/experiment/methods/abc_support.hpp"

namespace pw::methods::abc_detail {

class MixtureKernel {
 public:
  MixtureKernel(const std::vector<Point>& working, const std::vector<double>& weights, const WorkingScale& scale);

  // One perturbed draw (not yet checked against the prior support).
  [[nodiscard]] Point propose(ProposalDraws& draws) const;

  // log sum_j w_j exp(-|L^-1 (x - theta_j)|^2 / 2): the mixture density up to a constant.
  [[nodiscard]] double log_density(const Point& x) const;

  // Sigma (row-major d x d), as used after any ridge.
  [[nodiscard]] const std::vector<double>& covariance() const { return covariance_; }

 private:
  [[nodiscard]] Point whiten(const Point& x) const;  // L^-1 x

  std::size_t d_;
  std::vector<Point> centres_;
  std::vector<Point> whitened_centres_;
  std::vector<double> log_weights_;
  std::vector<double> cumulative_;  // cumulative normalised weights, for picking ancestors
  std::vector<double> covariance_;
  std::vector<double> chol_;        // lower-triangular L, row-major d x d
};

}  // namespace pw::methods::abc_detail
