// Rejection ABC from the prior (see abc_rejection.hpp).
#include "sim/engine/methods/abc_rejection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/engine/methods/abc_support.hpp"

namespace pw::methods {

AbcResult abc_rejection(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                        const AbcRejectionOptions& options) {
  const abc_detail::WorkingScale scale(dimensions);
  if (options.proposals == 0 || options.proposals > 0xFFFFFFFFull)
    throw std::invalid_argument(fmt::format("abc_rejection: proposals = {}; must be in [1, 2^32)", options.proposals));
  if (std::isnan(options.tolerance) || options.tolerance < 0.0)
    throw std::invalid_argument(fmt::format("abc_rejection: tolerance = {}; must be >= 0", options.tolerance));
  if (std::isnan(options.accept_fraction) || options.accept_fraction < 0.0 || options.accept_fraction > 1.0)
    throw std::invalid_argument(fmt::format(
        "abc_rejection: accept_fraction = {}; must be in (0, 1], or 0 to use the tolerance", options.accept_fraction));

  const std::size_t n = options.proposals;
  const std::size_t batch_size = options.batch_size == 0 ? n : options.batch_size;
  std::vector<AbcProposal> all;
  std::vector<double> distances;
  all.reserve(n);
  distances.reserve(n);
  std::size_t within = 0;  // for progress: finite distances within the tolerance so far
  for (std::size_t start = 0; start < n; start += batch_size) {
    std::vector<AbcProposal> batch;
    for (std::size_t a = start; a < std::min(n, start + batch_size); ++a) {
      const auto attempt = static_cast<std::uint32_t>(a);
      batch.push_back(abc_detail::make_proposal(scale, abc_detail::prior_draw(scale, options.seed, attempt),
                                                options.seed, 0, attempt));
    }
    const auto d = abc_detail::evaluate(simulate, batch);
    within += static_cast<std::size_t>(
        std::count_if(d.begin(), d.end(), [&](double x) { return std::isfinite(x) && x <= options.tolerance; }));
    distances.insert(distances.end(), d.begin(), d.end());
    all.insert(all.end(), batch.begin(), batch.end());
    if (options.progress) {
      AbcProgress progress;
      progress.wanted = n;
      progress.evaluated = all.size();
      progress.max_evaluations = n;
      progress.tolerance = options.tolerance;
      progress.accepted = within;
      options.progress(progress);
    }
  }

  // Which proposals to keep, in attempt order.
  std::vector<std::size_t> kept;
  double tolerance = options.tolerance;
  if (options.accept_fraction > 0.0) {
    const auto k = static_cast<std::size_t>(std::ceil(options.accept_fraction * static_cast<double>(n)));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return distances[a] != distances[b] ? distances[a] < distances[b] : a < b;
    });
    for (std::size_t r = 0; r < std::min(k, n); ++r)
      if (std::isfinite(distances[order[r]])) kept.push_back(order[r]);
    std::sort(kept.begin(), kept.end());
    tolerance = 0.0;
    for (const auto a : kept) tolerance = std::max(tolerance, distances[a]);
  } else {
    for (std::size_t a = 0; a < n; ++a)
      if (std::isfinite(distances[a]) && distances[a] <= options.tolerance) kept.push_back(a);
  }
  if (kept.empty())
    throw std::runtime_error(fmt::format("abc_rejection: none of {} proposals was within tolerance {}", n, tolerance));

  AbcResult result;
  result.dimensions = dimensions;
  result.stop = AbcStop::Rejection;
  result.evaluations = n;
  auto& pop = result.population;
  pop.tolerance = tolerance;
  for (const auto a : kept) {
    pop.samples.push_back(all[a].params);
    pop.distances.push_back(distances[a]);
  }
  pop.weights.assign(kept.size(), 1.0 / static_cast<double>(kept.size()));
  AbcGenerationStats stats;
  stats.generation = 0;
  stats.tolerance = tolerance;
  stats.accepted = kept.size();
  stats.attempts = n;
  stats.evaluations = n;
  stats.acceptance_rate = static_cast<double>(kept.size()) / static_cast<double>(n);
  stats.ess = static_cast<double>(kept.size());
  result.generations.push_back(stats);
  return result;
}

AbcResult abc_rejection(const std::vector<Dimension>& dimensions, const AbcSimulator& simulate,
                        const AbcRejectionOptions& options) {
  return abc_rejection(dimensions, abc_detail::serial(simulate), options);
}

}  // namespace pw::methods
