// Internal to ABC-SMC: the perturbation kernel that moves generation t-1's
// particles into generation t's proposals.
//
// A mixture of Gaussians, one per particle j of the previous generation
// (working-scale point theta_j, normalised weight w_j), with covariance:
//  - Global (Beaumont et al. 2009): Sigma_j = Sigma = 2 x the weighted
//    covariance of the whole population, the same for every component;
//  - Olcm, the optimal local covariance matrix (Filippi, Barnes, Cornebise &
//    Stumpf 2013, Stat Appl Genet Mol Biol 12:87): Sigma_j = sum_k w~_k
//    (theta~_k - theta_j)(theta~_k - theta_j)^T over the particles theta~_k
//    of the previous generation that already meet the new tolerance (d_k <=
//    epsilon_t), with their weights renormalised; that is their covariance
//    plus the outer product of (their mean - theta_j). Each component then
//    points at the region the new tolerance accepts, and is narrow where the
//    posterior is (a curved or correlated posterior keeps a far higher
//    acceptance rate than under one global Sigma). If fewer than two
//    particles meet the new tolerance, the whole population stands in for them.
// It draws proposals (ancestor j with probability w_j, then theta_j + L_j z
// with L_j L_j^T = Sigma_j and z standard normal) and evaluates the mixture
// density sum_j w_j N(x; theta_j, Sigma_j), up to a constant, for the
// importance weights. A singular Sigma_j (e.g. a parameter on which all
// particles agree) gets a ridge of 1e-12 x (prior width)^2 on its diagonal,
// growing tenfold until the Cholesky factorisation succeeds.
#pragma once

#include <vector>

#include "sim/engine/methods/abc.hpp"
#include "sim/engine/methods/abc_support.hpp"

namespace pw::methods::abc_detail {

class MixtureKernel {
 public:
  // `distances` and `next_tolerance` are used by AbcKernel::Olcm only.
  MixtureKernel(const std::vector<Point>& working, const std::vector<double>& weights,
                const std::vector<double>& distances, double next_tolerance, const WorkingScale& scale, AbcKernel kind);

  // One perturbed draw (not yet checked against the prior support).
  [[nodiscard]] Point propose(ProposalDraws& draws) const;

  // centre + sqrt(scale) L_0 z, z standard normal: a random-walk move with
  // covariance scale x Sigma_0 around a given point (ABC-MCMC moves).
  [[nodiscard]] Point perturb(const Point& centre, double scale, ProposalDraws& draws) const;

  // log sum_j w_j |Sigma_j|^(-1/2) exp(-|L_j^-1 (x - theta_j)|^2 / 2): the mixture density up to a constant.
  [[nodiscard]] double log_density(const Point& x) const;

  // Sigma_j (row-major d x d) of component j, as used after any ridge.
  [[nodiscard]] const std::vector<double>& covariance(std::size_t j = 0) const;

 private:
  struct Shape {                     // one Gaussian shape, shared by every component under Global
    std::vector<double> covariance;  // row-major d x d, after any ridge
    std::vector<double> chol;        // lower-triangular L, row-major d x d
    double log_det = 0.0;            // log |Sigma|
  };
  [[nodiscard]] Shape factorise(std::vector<double> covariance, const WorkingScale& scale) const;
  [[nodiscard]] const Shape& shape(std::size_t j) const { return shapes_.size() == 1 ? shapes_[0] : shapes_[j]; }

  std::size_t d_;
  std::vector<Point> centres_;
  std::vector<Shape> shapes_;  // one (Global) or one per component (Olcm)
  std::vector<double> log_weights_;
  std::vector<double> cumulative_;  // cumulative normalised weights, for picking ancestors
};

}  // namespace pw::methods::abc_detail
