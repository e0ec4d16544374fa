// sim/engine/methods: unit <-> parameter maps, grid, Latin hypercube, Sobol and Saltelli designs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <vector>

#include "sim/engine/methods/designs.hpp"
#include "sim/engine/methods/dimension.hpp"
#include "sim/engine/methods/saltelli.hpp"

using namespace pw::methods;

TEST_CASE("methods: a dimension maps [0, 1] onto its range, linearly or log-uniformly", "[methods][designs]") {
  const Dimension lin{"a.linear", -2.0, 6.0, false};
  const Dimension log{"a.log", 0.01, 100.0, true};
  CHECK(to_value(lin, 0.0) == -2.0);
  CHECK(to_value(lin, 1.0) == 6.0);
  CHECK(to_value(lin, 0.25) == Approx(0.0).margin(1e-15));
  CHECK(to_value(log, 0.0) == 0.01);
  CHECK(to_value(log, 1.0) == 100.0);
  CHECK(to_value(log, 0.5) == Approx(1.0).epsilon(1e-14));  // geometric midpoint
  CHECK(to_value(log, 0.75) == Approx(10.0).epsilon(1e-14));
  for (const double u : {0.0, 0.1, 0.37, 0.5, 0.99, 1.0}) {
    CHECK(to_unit(lin, to_value(lin, u)) == Approx(u).margin(1e-14));
    CHECK(to_unit(log, to_value(log, u)) == Approx(u).margin(1e-14));
  }
  const Point values = to_values({lin, log}, Point{0.5, 0.25});
  CHECK(values == Point{to_value(lin, 0.5), to_value(log, 0.25)});
}

TEST_CASE("methods: bad dimensions and coordinates are refused, naming the dimension", "[methods][designs]") {
  CHECK_THROWS_WITH(validate(Dimension{"x", 1.0, 1.0, false}),
                    Catch::Contains("'x'") && Catch::Contains("lo must be less"));
  CHECK_THROWS_WITH(validate(Dimension{"y", 0.0, 1.0, true}), Catch::Contains("'y'") && Catch::Contains("lo > 0"));
  CHECK_THROWS_AS(validate(Dimension{"z", 0.0, std::numeric_limits<double>::infinity(), false}), std::invalid_argument);
  CHECK_THROWS_AS(validate(Dimension{"", 0.0, 1.0, false}), std::invalid_argument);
  CHECK_THROWS_WITH(validate(std::vector<Dimension>{{"p", 0, 1, false}, {"p", 0, 2, false}}), Catch::Contains("twice"));
  CHECK_THROWS_AS(validate(std::vector<Dimension>{}), std::invalid_argument);
  CHECK_THROWS_AS(to_value(Dimension{"x", 0, 1, false}, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(to_value(Dimension{"x", 0, 1, false}, std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(to_unit(Dimension{"x", 0, 1, false}, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(to_values({Dimension{"x", 0, 1, false}}, Point{0.1, 0.2}), std::invalid_argument);
}

TEST_CASE("methods: full-factorial grid, first dimension slowest, ends included", "[methods][designs]") {
  const Design g = full_factorial({3, 2});
  REQUIRE(g.size() == 6);
  const Design expected{{0.0, 0.0}, {0.0, 1.0}, {0.5, 0.0}, {0.5, 1.0}, {1.0, 0.0}, {1.0, 1.0}};
  CHECK(g == expected);
  CHECK(full_factorial({1}) == Design{{0.5}});
  const Design big = full_factorial({4, 5, 3});
  CHECK(big.size() == 60);
  CHECK(std::set<Point>(big.begin(), big.end()).size() == 60);
  CHECK_THROWS_AS(full_factorial({3, 0}), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial({}), std::invalid_argument);
  CHECK_THROWS_WITH(full_factorial({100, 100, 100}, 10'000), Catch::Contains("more than 10000"));
}

TEST_CASE("methods: Latin hypercube has one point per stratum in every dimension", "[methods][designs]") {
  const std::size_t n = 200, d = 5;
  const Design lhs = latin_hypercube(n, d, 11);
  REQUIRE(lhs.size() == n);
  for (std::size_t i = 0; i < d; ++i) {
    std::vector<int> count(n, 0);
    for (const auto& p : lhs) {
      REQUIRE(p[i] > 0.0);
      REQUIRE(p[i] < 1.0);
      ++count[static_cast<std::size_t>(p[i] * static_cast<double>(n))];
    }
    CHECK(std::all_of(count.begin(), count.end(), [](int c) { return c == 1; }));
  }
  const Design centred = latin_hypercube(n, d, 11, true);
  for (const auto& p : centred)
    for (const double x : p) CHECK(std::fmod(x * static_cast<double>(n), 1.0) == Approx(0.5));
}

TEST_CASE("methods: Latin hypercube is keyed by its seed, with independent columns", "[methods][designs]") {
  CHECK(latin_hypercube(64, 3, 5) == latin_hypercube(64, 3, 5));
  CHECK(latin_hypercube(64, 3, 5) != latin_hypercube(64, 3, 6));
  CHECK_THROWS_AS(latin_hypercube(0, 3, 1), std::invalid_argument);
  // Rank correlation between columns: for independent permutations of n = 2000 strata it has
  // standard deviation 1/sqrt(n - 1) = 0.022; a shared permutation would give 1.
  const std::size_t n = 2000;
  const Design lhs = latin_hypercube(n, 3, 99);
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t b = a + 1; b < 3; ++b) {
      double sxy = 0.0;
      for (const auto& p : lhs) sxy += (p[a] - 0.5) * (p[b] - 0.5);
      const double corr = sxy / static_cast<double>(n) * 12.0;  // Var(U) = 1/12
      INFO("columns " << a << ", " << b << ": correlation " << corr);
      CHECK(std::abs(corr) < 4.0 / std::sqrt(static_cast<double>(n - 1)));
    }
  }
}

TEST_CASE("methods: Sobol points start at the origin and fill dyadic strata exactly", "[methods][designs]") {
  const Design s = sobol_points(4, 2);
  CHECK(s == Design{{0.0, 0.0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}});
  const std::size_t k = 10, n = std::size_t{1} << k, d = 8;
  // Blocks of 2^k points starting at a multiple of 2^k each put one point in every stratum.
  for (const std::uint64_t skip : {std::uint64_t{0}, std::uint64_t{1} << k, std::uint64_t{3} << k}) {
    const Design net = sobol_points(n, d, skip);
    for (std::size_t i = 0; i < d; ++i) {
      std::vector<int> count(n, 0);
      for (const auto& p : net) {
        REQUIRE(p[i] >= 0.0);
        REQUIRE(p[i] < 1.0);
        ++count[static_cast<std::size_t>(p[i] * static_cast<double>(n))];
      }
      INFO("skip " << skip << ", dimension " << i);
      CHECK(std::all_of(count.begin(), count.end(), [](int c) { return c == 1; }));
    }
  }
  // Skipping is the same as dropping the first points.
  const Design all = sobol_points(12, 3);
  const Design skipped = sobol_points(4, 3, 8);
  CHECK(Design(all.begin() + 8, all.end()) == skipped);
  CHECK_THROWS_AS(sobol_points(4, 0), std::invalid_argument);
  CHECK_THROWS_AS(sobol_points(4, sobol_max_dimension() + 1), std::invalid_argument);
  CHECK(sobol_max_dimension() >= 1000);
}

TEST_CASE("methods: Saltelli design rows are A, AB_1..AB_d, B of a 2d-dimensional Sobol sequence",
          "[methods][designs]") {
  const std::size_t n = 16, d = 3;
  const SaltelliDesign s = saltelli_design(n, d);
  REQUIRE(s.runs() == n * (d + 2));
  REQUIRE(s.points.size() == s.runs());
  CHECK(s.skip == 16);  // default: the power of two >= N, a balanced block that avoids the origin
  CHECK(saltelli_design(20, d).skip == 32);
  const Design base = sobol_points(n, 2 * d, 16);
  for (std::size_t j = 0; j < n; ++j) {
    const Point a(base[j].begin(), base[j].begin() + 3);
    const Point b(base[j].begin() + 3, base[j].end());
    CHECK(s.points[s.run_a(j)] == a);
    CHECK(s.points[s.run_b(j)] == b);
    for (std::size_t i = 0; i < d; ++i) {
      Point ab = a;
      ab[i] = b[i];
      CHECK(s.points[s.run_ab(j, i)] == ab);
      const auto role = s.role(s.run_ab(j, i));
      CHECK(role.matrix == SaltelliMatrix::AB);
      CHECK(role.base_row == j);
      CHECK(role.column == static_cast<int>(i));
    }
    CHECK(s.role(s.run_a(j)).matrix == SaltelliMatrix::A);
    CHECK(s.role(s.run_b(j)).matrix == SaltelliMatrix::B);
    CHECK(s.role(s.run_b(j)).base_row == j);
  }
  CHECK(saltelli_design(8, 2, 0).points[0] == Point{0.0, 0.0});
  CHECK(saltelli_design(8, 2, 8).points[0] == Point{sobol_points(16, 4)[8][0], sobol_points(16, 4)[8][1]});
  CHECK_THROWS_AS(saltelli_design(1, 3), std::invalid_argument);
  CHECK_THROWS_AS(saltelli_design(8, 0), std::invalid_argument);
  CHECK_THROWS_AS(s.role(s.runs()), std::out_of_range);
}
