#include "models/community/community.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/core/distributions.hpp"

namespace pw {

namespace {}  // namespace

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
  std::vector<double> cum;
  double acc = 0;
  for (const auto& h : c.neighbourhoods) cum.push_back(acc += h.release_weight);
  par.for_ranges(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const auto u = rng.uniform4(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::CommunitySetup);
      const auto it = std::upper_bound(cum.begin(), cum.end(), u[0] * acc);
      c.neighbourhood[i] = static_cast<std::uint16_t>(
          std::min<std::ptrdiff_t>(it - cum.begin(), static_cast<std::ptrdiff_t>(cum.size()) - 1));
    }
  });
  return c;
}

}  // namespace pw
