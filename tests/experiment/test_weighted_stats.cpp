// sim/engine/methods: weighted mean, variance, quantile and effective sample size.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "sim/engine/methods/weighted_stats.hpp"

using namespace pw::methods;

TEST_CASE("methods: weighted summaries of small samples, computed by hand", "[methods][weighted]") {
  const std::vector<double> x{3.0, 1.0, 2.0, 10.0};
  const std::vector<double> w{1.0, 1.0, 2.0, 0.0};
  CHECK(weighted_mean(x, w) == Approx(2.0));      // (3 + 1 + 4) / 4
  CHECK(weighted_variance(x, w) == Approx(0.5));  // (1 + 1 + 0) / 4
  CHECK(weighted_quantile(x, w, 0.0) == 1.0);
  CHECK(weighted_quantile(x, w, 0.25) == 1.0);  // cumulative: 1 -> .25, 2 -> .75, 3 -> 1
  CHECK(weighted_quantile(x, w, 0.26) == 2.0);
  CHECK(weighted_quantile(x, w, 0.75) == 2.0);
  CHECK(weighted_quantile(x, w, 1.0) == 3.0);  // 10 has no weight
  CHECK(effective_sample_size(std::vector<double>(5, 0.3)) == Approx(5.0));
  CHECK(effective_sample_size({1.0, 0.0, 0.0}) == Approx(1.0));
  CHECK(effective_sample_size(w) == Approx(16.0 / 6.0));
  CHECK(quantile({5.0, 1.0, 4.0, 2.0, 3.0}, 0.5) == 3.0);
  CHECK_THROWS_AS(weighted_mean(x, {1.0, 2.0}), std::invalid_argument);
  CHECK_THROWS_AS(weighted_mean(x, {0.0, 0.0, 0.0, 0.0}), std::invalid_argument);
  CHECK_THROWS_AS(weighted_mean(x, {1.0, -1.0, 1.0, 1.0}), std::invalid_argument);
  CHECK_THROWS_AS(weighted_quantile(x, w, 1.5), std::invalid_argument);
}
