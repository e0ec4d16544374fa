// models/needs: baseline criminogenic needs.
#include <cmath>

#include "models/needs/needs.hpp"
#include "models/population/synthesis.hpp"
#include "tests/test_support.hpp"

namespace {
struct Sample {
  double mean = 0, sd = 0;
};
Sample moments(const std::vector<float>& v) {
  double s = 0, s2 = 0;
  for (float x : v) {
    s += x;
    s2 += static_cast<double>(x) * x;
  }
  const double n = static_cast<double>(v.size());
  return {s / n, std::sqrt(s2 / n - (s / n) * (s / n))};
}
}  // namespace

TEST_CASE("needs: the logit location reproduces the requested mean", "[needs]") {
  for (double mean : {0.05, 0.37, 0.5, 0.8}) {
    for (double spread : {0.0, 0.6, 1.2, 3.0}) {
      INFO("mean " << mean << ", spread " << spread);
      const double mu = pw::logit_location_for_mean(mean, spread);
      // Monte Carlo-free check: integrate logistic(mu + s z) against the normal density.
      double sum = 0, wsum = 0;
      for (int k = 0; k <= 4000; ++k) {
        const double z = -8.0 + 16.0 * k / 4000.0;
        const double w = std::exp(-0.5 * z * z);
        sum += w / (1.0 + std::exp(-(mu + spread * z)));
        wsum += w;
      }
      CHECK(sum / wsum == Approx(mean).margin(1e-4));
    }
  }
  // With no spread the location is the plain logit.
  CHECK(pw::logit_location_for_mean(0.25, 0.0) == Approx(std::log(0.25 / 0.75)).margin(1e-6));
}

TEST_CASE("needs: population means match the declared means when needs do not load on history", "[needs][stats]") {
  auto params = pwt::small_params();
  params.needs.history_loading = 0.0;
  params.needs.education_effect = 0.0;
  const std::size_t n = static_cast<std::size_t>(pwt::sized(100000, 40000));
  const pw::Rng rng(31337, 0);
  pw::Parallel par(2);
  const auto pop = pw::synthesise_population(n, pwt::profile(), params.population, rng, par);
  const auto needs = pw::draw_needs(pop, params.needs, rng, par);
  REQUIRE(needs.size() == n);
  const double rn = std::sqrt(static_cast<double>(n));
  const std::pair<const std::vector<float>*, double> cases[] = {
      {&needs.substance_use, params.needs.substance_use_mean},
      {&needs.mental_health, params.needs.mental_health_mean},
      {&needs.antisocial_cognition, params.needs.antisocial_cognition_mean},
      {&needs.employability, params.needs.employability_mean}};
  int k = 0;
  for (const auto& [v, target] : cases) {
    const auto m = moments(*v);
    pwt::check_within_se("need " + std::to_string(k++), m.mean, target, m.sd / rn);
    for (float x : *v) {
      REQUIRE(x >= 0.0f);
      REQUIRE(x <= 1.0f);
    }
  }
}

TEST_CASE("needs: employability_mean is the mean of people with secondary education", "[needs][stats]") {
  auto params = pwt::small_params();
  params.needs.history_loading = 0.0;  // keep the default education effect
  REQUIRE(params.needs.education_effect > 0.0);
  const std::size_t n = static_cast<std::size_t>(pwt::sized(100000, 40000));
  const pw::Rng rng(2718, 0);
  pw::Parallel par(2);
  const auto pop = pw::synthesise_population(n, pwt::profile(), params.population, rng, par);
  const auto needs = pw::draw_needs(pop, params.needs, rng, par);
  std::vector<float> secondary;
  for (std::size_t i = 0; i < n; ++i) {
    if (pop.education[i] == static_cast<std::uint8_t>(pw::Education::Secondary))
      secondary.push_back(needs.employability[i]);
  }
  const auto m = moments(secondary);
  pwt::check_within_se("employability, secondary education", m.mean, params.needs.employability_mean,
                       m.sd / std::sqrt(static_cast<double>(secondary.size())));
}

TEST_CASE("needs: history loading and education shift needs in the declared direction", "[needs]") {
  auto params = pwt::small_params();
  params.needs.history_loading = 0.8;
  params.needs.education_effect = 1.5;
  const std::size_t n = 30000;
  const pw::Rng rng(5, 0);
  pw::Parallel par(2);
  const auto pop = pw::synthesise_population(n, pwt::profile(), params.population, rng, par);
  const auto needs = pw::draw_needs(pop, params.needs, rng, par);
  double su_hi = 0, su_lo = 0, emp_none = 0, emp_post = 0;
  int n_hi = 0, n_lo = 0, n_none = 0, n_post = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (pop.prior_arrests[i] >= 10) {
      su_hi += needs.substance_use[i];
      ++n_hi;
    } else if (pop.prior_arrests[i] <= 4) {
      su_lo += needs.substance_use[i];
      ++n_lo;
    }
    if (pop.education[i] == 0) {
      emp_none += needs.employability[i];
      ++n_none;
    } else if (pop.education[i] == 2) {
      emp_post += needs.employability[i];
      ++n_post;
    }
  }
  REQUIRE((n_hi > 1000 && n_lo > 1000 && n_none > 1000 && n_post > 1000));
  CHECK(su_hi / n_hi > su_lo / n_lo + 0.05);
  CHECK(emp_post / n_post > emp_none / n_none + 0.1);
}
TEST_CASE("needs: population means match the declared means with the default history loading", "[needs][stats]") {
  // needs.hpp: each need is logit-normal "whose mean is the declared population
  // mean", correlated with criminal history. The loading must not shift the mean.
  auto params = pwt::small_params();
  REQUIRE(params.needs.history_loading > 0.0);
  const std::size_t n = 200000;
  const pw::Rng rng(777, 0);
  pw::Parallel par(2);
  const auto pop = pw::synthesise_population(n, pwt::profile(), params.population, rng, par);
  const auto needs = pw::draw_needs(pop, params.needs, rng, par);
  const double rn = std::sqrt(static_cast<double>(n));
  const auto su = moments(needs.substance_use), mh = moments(needs.mental_health),
             ac = moments(needs.antisocial_cognition);
  pwt::check_within_se("substance use", su.mean, params.needs.substance_use_mean, su.sd / rn);
  pwt::check_within_se("mental health", mh.mean, params.needs.mental_health_mean, mh.sd / rn);
  pwt::check_within_se("antisocial cognition", ac.mean, params.needs.antisocial_cognition_mean, ac.sd / rn);
}
