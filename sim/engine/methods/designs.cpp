// Grid, Latin hypercube and Sobol designs on the unit hypercube (see designs.hpp).
#include "sim/engine/methods/designs.hpp"

#include <fmt/format.h>
#include <boost/random/sobol.hpp>

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "sim/engine/core/rng.hpp"

namespace pw::methods {

Design full_factorial(const std::vector<int>& levels, std::size_t max_points) {
  if (levels.empty()) throw std::invalid_argument("full_factorial: no dimensions");
  std::size_t total = 1;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i] < 1)
      throw std::invalid_argument(
          fmt::format("full_factorial: dimension {} has {} levels; at least 1 is needed", i, levels[i]));
    if (total > max_points / static_cast<std::size_t>(levels[i]))
      throw std::invalid_argument(
          fmt::format("full_factorial: the grid has more than {} points; use fewer levels", max_points));
    total *= static_cast<std::size_t>(levels[i]);
  }
  const auto level_value = [](int k, int count) {
    return count == 1 ? 0.5 : static_cast<double>(k) / static_cast<double>(count - 1);
  };
  Design design(total, Point(levels.size()));
  for (std::size_t r = 0; r < total; ++r) {
    std::size_t rest = r;
    for (std::size_t i = levels.size(); i-- > 0;) {  // last dimension fastest
      const auto count = static_cast<std::size_t>(levels[i]);
      design[r][i] = level_value(static_cast<int>(rest % count), levels[i]);
      rest /= count;
    }
  }
  return design;
}

Design latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed, bool centred) {
  if (n == 0 || d == 0) throw std::invalid_argument("latin_hypercube: needs at least one point and one dimension");
  if (n > 0xFFFFFFFFull || d > 0xFFFFFFFFull) throw std::invalid_argument("latin_hypercube: too many points");
  const Rng rng(seed, 0);
  Design design(n, Point(d));
  std::vector<std::uint64_t> sort_key(n);
  std::vector<double> offset(n);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      // Lanes 0-1: 64-bit sort key of point k; lanes 2-3: its position in its stratum.
      const auto w = rng.words(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(i), Purpose::LatinHypercube);
      sort_key[k] = (static_cast<std::uint64_t>(w[0]) << 32) | w[1];
      offset[k] = centred ? 0.5 : Rng::to_open_unit53(w[2], w[3]);
    }
    // Point k goes to stratum rank(k): a uniformly random permutation (ties by index).
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return sort_key[a] != sort_key[b] ? sort_key[a] < sort_key[b] : a < b;
    });
    for (std::size_t stratum = 0; stratum < n; ++stratum) {
      const std::size_t k = order[stratum];
      design[k][i] = (static_cast<double>(stratum) + offset[k]) / static_cast<double>(n);
    }
  }
  return design;
}

std::size_t sobol_max_dimension() { return boost::random::default_sobol_table::max_dimension; }

Design sobol_points(std::size_t n, std::size_t d, std::uint64_t skip) {
  if (d == 0) throw std::invalid_argument("sobol_points: needs at least one dimension");
  if (d > sobol_max_dimension())
    throw std::invalid_argument(
        fmt::format("sobol_points: {} dimensions; the Sobol table supports at most {}", d, sobol_max_dimension()));
  // Point 0 of the sequence is the origin, which boost::random::sobol does not produce: its
  // first output is point 1.
  boost::random::sobol engine(d);
  if (skip > 1) engine.discard((skip - 1) * d);
  // The engine yields 64-bit integers; keep the top 53 bits, so x < 1 exactly.
  Design design(n, Point(d, 0.0));
  for (std::size_t k = (skip == 0 ? 1 : 0); k < n; ++k)
    for (auto& x : design[k]) x = static_cast<double>(engine() >> 11) * 0x1p-53;
  return design;
}

}  // namespace pw::methods
