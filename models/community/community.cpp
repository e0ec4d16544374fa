#include "models/community/community.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/distributions.hpp"

namespace pw {

namespace {
constexpr double kReferenceAge = 35.0, kReferenceSqrtPriors = 3.0;
constexpr int kMaxTies = 60;
}  // namespace

std::vector<Neighbourhood> make_neighbourhoods(const CommunityParams& p) {
  const int k = std::max(1, p.neighbourhoods);
  std::vector<Neighbourhood> hoods(static_cast<std::size_t>(k));
  double release_sum = 0, density_sum = 0;
  for (int j = 0; j < k; ++j) {
    auto& h = hoods[static_cast<std::size_t>(j)];
    h.disadvantage = k == 1 ? 0.0 : p.disadvantage_sd * normal_quantile((j + 0.5) / k);
    h.release_weight = std::exp(p.return_concentration * h.disadvantage);
    h.job_density = std::exp(p.job_density_gradient * h.disadvantage);
    // Stigma is stronger where returning people concentrate (logistic in disadvantage).
    const double local = 2.0 / (1.0 + std::exp(-h.disadvantage));
    h.stigma = std::clamp(p.stigma * local * (1.0 - p.awareness), 0.0, 1.0);
    release_sum += h.release_weight;
    density_sum += h.job_density;
  }
  for (auto& h : hoods) {
    h.release_weight /= release_sum;
    h.job_density /= density_sum;
  }
  return hoods;
}

Community make_community(const Population& pop, const CommunityParams& p, const Rng& rng, Parallel& par) {
  Community c;
  c.neighbourhoods = make_neighbourhoods(p);
  const std::size_t n = pop.size();
  c.neighbourhood.resize(n);
  c.family_ties.resize(n);
  c.prosocial_ties.resize(n);
  std::vector<double> cum;
  double acc = 0;
  for (const auto& h : c.neighbourhoods) cum.push_back(acc += h.release_weight);
  par.for_ranges(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const auto u = rng.uniform4(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::CommunitySetup);
      const auto it = std::upper_bound(cum.begin(), cum.end(), u[0] * acc);
      c.neighbourhood[i] = static_cast<std::uint16_t>(std::min<std::ptrdiff_t>(
          it - cum.begin(), static_cast<std::ptrdiff_t>(cum.size()) - 1));
      const double history = p.ties_history_effect * (std::sqrt(static_cast<double>(pop.prior_arrests[i])) -
                                                      kReferenceSqrtPriors);
      const double age = p.family_ties_age_effect * (pop.age_at_release[i] - kReferenceAge) / 10.0;
      const double family_mean = p.family_ties_mean * std::exp(age + history);
      const double prosocial_mean = p.prosocial_ties_mean * std::exp(history);
      c.family_ties[i] = static_cast<std::uint8_t>(poisson_inverse(family_mean, u[1], kMaxTies));
      c.prosocial_ties[i] = static_cast<std::uint8_t>(poisson_inverse(prosocial_mean, u[2], kMaxTies));
    }
  });
  return c;
}

}  // namespace pw
