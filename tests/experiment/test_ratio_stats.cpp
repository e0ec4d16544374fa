// sim/engine/stats/ratio_stats: Fieller's interval for a ratio of paired means
// covers the true ratio at about its nominal rate (a simulation study with a
// fixed seed), collapses on an exact ratio, and is reported as unbounded or
// undefined, never as a number, when the denominator may be zero.
#include <catch2/catch.hpp>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "sim/engine/stats/ratio_stats.hpp"
#include "tests/test_support.hpp"

using pw::RatioInterval;

TEST_CASE("ratio: Fieller's 95% interval covers a known ratio at about the nominal rate", "[experiment][stats]") {
  // Replicates of a comparison: the denominator (e.g. arrests averted per
  // person) is 0.08 +- 0.02 per replicate, the numerator (cost) is theta times
  // it plus independent noise, so the ratio of means estimates theta.
  const double theta = 5000, mu_y = 0.08, sd_y = 0.02, sd_noise = 150;
  boost::random::mt19937 gen(20261128u);
  boost::random::normal_distribution<double> normal;
  for (const int reps : {5, 20}) {
    INFO(reps << " replicates");
    const int trials = 4000;
    int covered = 0, bounded = 0;
    for (int k = 0; k < trials; ++k) {
      std::vector<double> x(static_cast<std::size_t>(reps)), y(x.size());
      for (std::size_t r = 0; r < x.size(); ++r) {
        y[r] = mu_y + sd_y * normal(gen);
        x[r] = theta * y[r] + sd_noise * normal(gen);
      }
      const auto ci = pw::fieller_ratio(x, y);
      bounded += ci.kind == RatioInterval::Kind::Bounded ? 1 : 0;
      covered += ci.lo <= theta && theta <= ci.hi ? 1 : 0;  // an unbounded interval covers everything
      REQUIRE(ci.kind != RatioInterval::Kind::Undefined);
      if (ci.kind == RatioInterval::Kind::Bounded) {
        REQUIRE(ci.lo <= ci.estimate);
        REQUIRE(ci.estimate <= ci.hi);
      }
    }
    pwt::check_proportion("coverage", covered, trials, 0.95);
    CHECK(bounded > trials * 9 / 10);
  }
}

TEST_CASE("ratio: an exact ratio gives a zero-width interval at it", "[experiment][stats]") {
  const std::vector<double> y = {1.0, 2.0, 3.0, 4.5};
  std::vector<double> x;
  for (const double v : y) x.push_back(-2.5 * v);
  const auto ci = pw::fieller_ratio(x, y);
  REQUIRE(ci.kind == RatioInterval::Kind::Bounded);
  CHECK(ci.estimate == Approx(-2.5));
  CHECK(ci.lo == Approx(-2.5));
  CHECK(ci.hi == Approx(-2.5));
}

TEST_CASE("ratio: a denominator that may be zero gives an unbounded or undefined interval", "[experiment][stats]") {
  SECTION("the denominator's interval includes zero: unbounded, not a number") {
    const std::vector<double> y = {0.10, -0.08, 0.05, -0.02, 0.01};
    const std::vector<double> x = {300, 250, 100, 120, 310};
    const auto ci = pw::fieller_ratio(x, y);
    CHECK(ci.kind == RatioInterval::Kind::Unbounded);
    CHECK(ci.kind_name() == "unbounded");
    CHECK(std::isinf(ci.lo));
    CHECK(ci.lo < 0);
    CHECK(std::isinf(ci.hi));
    CHECK(ci.hi > 0);
  }
  SECTION("a zero mean denominator has no estimate") {
    const auto ci = pw::fieller_ratio({1, 2, 3}, {1, -1, 0});
    CHECK(ci.kind == RatioInterval::Kind::Undefined);
    CHECK(std::isnan(ci.estimate));
    CHECK(std::isnan(ci.lo));
  }
  SECTION("one replicate: an estimate but no interval") {
    const auto ci = pw::fieller_ratio({3}, {2});
    CHECK(ci.kind == RatioInterval::Kind::Undefined);
    CHECK(ci.estimate == Approx(1.5));
    CHECK(std::isnan(ci.hi));
  }
  SECTION("mismatched lengths are an error") { CHECK_THROWS_AS(pw::fieller_ratio({1, 2}, {1}), std::invalid_argument); }
}
