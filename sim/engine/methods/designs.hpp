// Space-filling designs on the unit hypercube [0, 1]^d: full-factorial grid,
// Latin hypercube and Sobol low-discrepancy points.
//
// A design is a list of unit points (one per run, in run order); map it to
// parameter values with to_values() (dimension.hpp). Every design here is a
// pure function of its arguments: the same arguments (and seed) give the same
// design, bit for bit. Runs once, when a sweep is set up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/methods/dimension.hpp"

namespace pw::methods {

// Full-factorial grid with levels[i] >= 1 equally spaced levels in dimension i:
// level k of L sits at k / (L - 1), so both ends of the range are included;
// a dimension with one level sits at 0.5. Points are in row-major order: the
// first dimension varies slowest and the last fastest. The size is the product
// of the levels; throws std::invalid_argument if a level count is < 1, if
// `levels` is empty, or if the product exceeds max_points.
[[nodiscard]] Design full_factorial(const std::vector<int>& levels, std::size_t max_points = 100'000'000);

// Latin hypercube sample of n points in d dimensions (McKay, Beckman & Conover
// 1979): in every dimension each of the n strata [j/n, (j+1)/n) holds exactly
// one point. The stratum order of each dimension is an independent random
// permutation, and each point is uniform within its stratum (or at the stratum
// centre, (j + 0.5)/n, when centred). Draws are keyed by (seed, dimension,
// point) with Purpose::LatinHypercube, so the same seed gives the same design.
// Throws std::invalid_argument if n == 0 or d == 0.
[[nodiscard]] Design latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed, bool centred = false);

// Points skip .. skip + n - 1 of the d-dimensional Sobol sequence (Joe-Kuo
// direction numbers, boost::random::sobol, in Gray-code order). Point 0 is the
// origin, point 1 is (1/2, ..., 1/2). Every block of 2^k consecutive points
// starting at a multiple of 2^k (e.g. skip = 0 and n = 2^k) puts exactly one
// point in each interval [j 2^-k, (j+1) 2^-k) of every coordinate; so use
// powers of two for n and skip. Coordinates lie in [0, 1). Deterministic, no
// seed. Throws std::invalid_argument if d == 0 or d exceeds the Boost table
// (sobol_max_dimension()).
[[nodiscard]] Design sobol_points(std::size_t n, std::size_t d, std::uint64_t skip = 0);

// The largest dimension boost::random::sobol supports.
[[nodiscard]] std::size_t sobol_max_dimension();

}  // namespace pw::methods
