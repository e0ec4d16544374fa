// sim/engine/methods: Sobol first- and total-order indices with bootstrap intervals,
// against models whose indices are known analytically.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "sim/engine/methods/saltelli.hpp"
#include "sim/engine/methods/sobol_indices.hpp"

using namespace pw::methods;

namespace {

// The outputs of f at every run of the design, after mapping to the dimensions.
template <class F>
std::vector<double> run_design(const SaltelliDesign& design, const std::vector<Dimension>& dims, F f) {
  std::vector<double> y;
  y.reserve(design.runs());
  for (const auto& u : design.points) y.push_back(f(to_values(dims, u)));
  return y;
}

// Estimate within 4 bootstrap standard errors of the truth, truth inside the interval,
// and the interval narrow enough for the check to mean something.
void check_index(const char* what, std::size_t i, const SobolIndex& s, double truth, double max_se) {
  INFO(what << "[" << i << "] = " << s.estimate << " [" << s.lo << ", " << s.hi << "], se " << s.se << "; analytical "
            << truth);
  CHECK(std::abs(s.estimate - truth) <= 4.0 * s.se + 1e-12);
  CHECK(s.lo <= truth + 1e-12);
  CHECK(truth <= s.hi + 1e-12);
  CHECK(s.lo <= s.estimate);
  CHECK(s.estimate <= s.hi);
  CHECK(s.se <= max_se);
}

}  // namespace

TEST_CASE("methods: Sobol indices of the Ishigami function match the analytical values", "[methods][sobol]") {
  const double a = 7.0, b = 0.1, pi = std::numbers::pi;
  const std::vector<Dimension> dims{{"x1", -pi, pi, false}, {"x2", -pi, pi, false}, {"x3", -pi, pi, false}};
  // Analytical variance decomposition of the Ishigami function (Ishigami & Homma 1990).
  const double v1 = 0.5 * std::pow(1.0 + b * std::pow(pi, 4) / 5.0, 2);
  const double v2 = a * a / 8.0;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18.0 - 1.0 / 50.0);
  const double v = v1 + v2 + v13;
  const std::vector<double> first{v1 / v, v2 / v, 0.0};
  const std::vector<double> total{(v1 + v13) / v, v2 / v, v13 / v};
  CHECK(first[0] == Approx(0.3139).margin(1e-4));
  CHECK(first[1] == Approx(0.4424).margin(1e-4));
  CHECK(total[0] == Approx(0.5576).margin(1e-4));
  CHECK(total[2] == Approx(0.2437).margin(1e-4));

  const SaltelliDesign design = saltelli_design(8192, 3);
  const auto y = run_design(design, dims, [&](const Point& x) {
    return std::sin(x[0]) + a * std::pow(std::sin(x[1]), 2) + b * std::pow(x[2], 4) * std::sin(x[0]);
  });
  SobolIndexOptions options;
  options.bootstrap = 500;
  options.seed = 2024;
  const SobolIndices s = sobol_indices(design, y, options);
  CHECK(s.variance == Approx(v).epsilon(0.02));
  CHECK(s.mean == Approx(a / 2.0).margin(0.05));
  for (std::size_t i = 0; i < 3; ++i) {
    check_index("S", i, s.first[i], first[i], 0.03);
    check_index("ST", i, s.total[i], total[i], 0.03);
  }
  // Same seed, same intervals; another seed, other intervals around the same estimates.
  const SobolIndices again = sobol_indices(design, y, options);
  CHECK(again.first[0].lo == s.first[0].lo);
  CHECK(again.total[2].hi == s.total[2].hi);
  options.seed = 7;
  const SobolIndices other = sobol_indices(design, y, options);
  CHECK(other.first[0].estimate == s.first[0].estimate);
  CHECK(other.first[0].lo != s.first[0].lo);
}

TEST_CASE("methods: Sobol indices of a linear model are proportional to coefficient^2 x variance", "[methods][sobol]") {
  // y = 2 x1 + 3 x2 + 0 x3 + 1 x4 with x1 ~ U(0, 1), x2 log-uniform on [0.1, 1], x3 ~ U(5, 9), x4 ~ U(-1, 1).
  const std::vector<Dimension> dims{
      {"x1", 0.0, 1.0, false}, {"x2", 0.1, 1.0, true}, {"x3", 5.0, 9.0, false}, {"x4", -1.0, 1.0, false}};
  const std::vector<double> coef{2.0, 3.0, 0.0, 1.0};
  const double log_range = std::log(10.0);
  const double mean2 = 0.9 / log_range, square2 = (1.0 - 0.01) / (2.0 * log_range);
  const std::vector<double> var{1.0 / 12.0, square2 - mean2 * mean2, 16.0 / 12.0, 4.0 / 12.0};
  double total_var = 0.0;
  for (std::size_t i = 0; i < 4; ++i) total_var += coef[i] * coef[i] * var[i];

  const SaltelliDesign design = saltelli_design(4096, 4);
  const auto y = run_design(
      design, dims, [&](const Point& x) { return coef[0] * x[0] + coef[1] * x[1] + coef[2] * x[2] + coef[3] * x[3]; });
  SobolIndexOptions options;
  options.bootstrap = 400;
  const SobolIndices s = sobol_indices(design, y, options);
  CHECK(s.variance == Approx(total_var).epsilon(0.03));
  for (std::size_t i = 0; i < 4; ++i) {
    const double truth = coef[i] * coef[i] * var[i] / total_var;
    check_index("S", i, s.first[i], truth, 0.03);
    check_index("ST", i, s.total[i], truth, 0.03);
  }
  // A parameter that does not enter the model has indices exactly 0: f(AB_3) = f(A) run by run.
  CHECK(s.first[2].estimate == 0.0);
  CHECK(s.total[2].estimate == 0.0);
  CHECK(s.total[2].hi == 0.0);
}

TEST_CASE("methods: Sobol indices refuse outputs that do not fit the design", "[methods][sobol]") {
  const SaltelliDesign design = saltelli_design(8, 2);
  std::vector<double> y(design.runs(), 1.0);
  CHECK_THROWS_WITH(sobol_indices(design, y), Catch::Contains("constant"));
  y.pop_back();
  CHECK_THROWS_WITH(sobol_indices(design, y), Catch::Contains("31 outputs") && Catch::Contains("32 runs"));
  std::vector<double> z(design.runs());
  for (std::size_t r = 0; r < z.size(); ++r) z[r] = static_cast<double>(r % 5);
  z[design.run_ab(3, 1)] = std::nan("");
  CHECK_THROWS_WITH(sobol_indices(design, z), Catch::Contains("AB row 3, column 1"));
  z[design.run_ab(3, 1)] = 0.0;
  SobolIndexOptions bad;
  bad.confidence = 1.0;
  CHECK_THROWS_AS(sobol_indices(design, z, bad), std::invalid_argument);
  SobolIndexOptions none;
  none.bootstrap = 0;
  const auto s = sobol_indices(design, z, none);
  CHECK(s.first[0].lo == s.first[0].estimate);
  CHECK(s.first[0].se == 0.0);
}
