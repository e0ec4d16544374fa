#include "models/needs/needs.hpp"

#include "sim/engine/core/distributions.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace pw {

namespace {
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Mean of logistic(mu + s Z), Z standard normal, by Gauss-Hermite-like quadrature on a grid.
double logit_normal_mean(double mu, double s) {
  constexpr int kPoints = 201;
  double sum = 0, wsum = 0;
  for (int k = 0; k < kPoints; ++k) {
    const double z = -6.0 + 12.0 * k / (kPoints - 1);
    const double w = std::exp(-0.5 * z * z);
    sum += w * logistic(mu + s * z);
    wsum += w;
  }
  return sum / wsum;
}

}  // namespace

double logit_location_for_mean(double mean, double spread) {
  double lo = -20, hi = 20;
  mean = std::clamp(mean, 1e-6, 1 - 1e-6);
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (logit_normal_mean(mid, spread) < mean ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Needs draw_needs(const Population& pop, const NeedsParams& p, const Rng& rng, Parallel& par) {
  const std::size_t n = pop.size();
  // History intensity: standardised log(1 + prior arrests) over the cohort.
  double m = 0, m2 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = std::log1p(pop.prior_arrests[i]);
    m += x;
    m2 += x * x;
  }
  m /= std::max<std::size_t>(n, 1);
  const double sd = std::sqrt(std::max(1e-12, m2 / std::max<std::size_t>(n, 1) - m * m));

  const double rho = p.history_loading, rest = std::sqrt(1.0 - rho * rho);
  const std::array<double, 4> mu = {logit_location_for_mean(p.substance_use_mean, p.spread),
                                    logit_location_for_mean(p.mental_health_mean, p.spread),
                                    logit_location_for_mean(p.antisocial_cognition_mean, p.spread),
                                    logit_location_for_mean(p.employability_mean, p.spread)};
  Needs needs;
  needs.substance_use.resize(n);
  needs.mental_health.resize(n);
  needs.antisocial_cognition.resize(n);
  needs.employability.resize(n);
  par.for_ranges(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const double h = (std::log1p(pop.prior_arrests[i]) - m) / sd;
      const auto u = rng.uniform4(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::Needs);
      auto draw = [&](int k, double loading) {
        const double own = std::sqrt(1.0 - loading * loading);  // keeps the logit's spread at p.spread
        return static_cast<float>(logistic(mu[k] + p.spread * (loading * h + own * normal_quantile(u[k]))));
      };
      needs.substance_use[i] = draw(0, rho);
      needs.mental_health[i] = draw(1, rho * 0.5);
      needs.antisocial_cognition[i] = draw(2, rho);
      const double edu = p.education_effect * (pop.education[i] - 1.0);
      needs.employability[i] =
          static_cast<float>(logistic(mu[3] + edu + p.spread * (-rho * h + rest * normal_quantile(u[3]))));
    }
  });
  return needs;
}

}  // namespace pw
