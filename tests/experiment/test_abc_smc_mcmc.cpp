// sim/engine/methods: ABC-SMC with MCMC moves (abc_smc_mcmc.hpp) against a conjugate model whose
// posterior is known, on a narrow ridge where population Monte Carlo weights degenerate, its
// effective sample size, and its determinism across threads.
#include <tbb/parallel_for.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "sim/engine/core/distributions.hpp"
#include "sim/engine/methods/abc_smc.hpp"
#include "sim/engine/methods/abc_smc_mcmc.hpp"
#include "sim/engine/methods/keyed_uniforms.hpp"

using namespace pw::methods;

namespace {

// Normal mean, flat prior: posterior N(1.3, 0.2^2); the simulator draws the sample mean.
constexpr double kObserved = 1.3, kSd = 0.2;
double normal_mean_distance(const std::vector<double>& x, std::uint64_t seed) {
  KeyedUniforms u(seed, pw::Purpose::AbcSimulationSeed, 0, 0);
  return std::abs(x[0] + kSd * pw::normal_quantile(u.next()) - kObserved);
}

// Six parameters, a deterministic distance (as with common random numbers): a narrow ridge.
double ridge_distance(const std::vector<double>& x, std::uint64_t) {
  return std::sqrt((x[0] + x[1] - 1.0) * (x[0] + x[1] - 1.0) + (x[2] - x[3] - 2.0) * (x[2] - x[3] - 2.0) +
                   (x[4] + 2.0 * x[5] - 0.5) * (x[4] + 2.0 * x[5] - 0.5)) +
         0.05 * std::abs(x[0] - x[2]);
}
const std::vector<Dimension> kSixDims{{"a", -5, 5, false}, {"b", -5, 5, false}, {"c", -5, 5, false},
                                      {"d", -5, 5, false}, {"e", -5, 5, false}, {"f", -5, 5, false}};

AbcBatchSimulator serial_of(double (*f)(const std::vector<double>&, std::uint64_t)) {
  return [f](const std::vector<AbcProposal>& batch) {
    std::vector<double> d;
    for (const auto& p : batch) d.push_back(f(p.params, p.seed));
    return d;
  };
}

void check_invariants(const AbcResult& r, std::size_t particles) {
  const auto& pop = r.population;
  double total = 0.0;
  for (std::size_t k = 0; k < pop.size(); ++k) {
    total += pop.weights[k];
    REQUIRE(pop.distances[k] <= pop.tolerance);
    for (std::size_t i = 0; i < r.dimensions.size(); ++i) {
      REQUIRE(pop.samples[k][i] >= r.dimensions[i].lo);
      REQUIRE(pop.samples[k][i] <= r.dimensions[i].hi);
    }
    // Weights are multiplicities out of the population size.
    const double copies = pop.weights[k] * static_cast<double>(particles);
    CHECK(copies == Approx(std::round(copies)).margin(1e-9));
  }
  CHECK(total == Approx(1.0).epsilon(1e-12));
  for (std::size_t t = 1; t < r.generations.size(); ++t)
    CHECK(r.generations[t].tolerance < r.generations[t - 1].tolerance);
}

}  // namespace

TEST_CASE("methods: ABC-SMC-MCMC recovers the posterior of a normal mean", "[methods][abc]") {
  const std::vector<Dimension> dims{{"theta", -10.0, 10.0, false}};
  AbcSmcMcmcOptions o;
  o.particles = 1000;
  o.max_generations = 40;
  o.target_tolerance = 0.02;
  o.moves_per_particle = 2.0;
  o.max_moves = 20;
  o.seed = 5;
  const AbcResult r = abc_smc_mcmc(dims, serial_of(normal_mean_distance), o);
  check_invariants(r, o.particles);
  CHECK(r.stop == AbcStop::ToleranceTarget);
  const double sd_true = std::sqrt(kSd * kSd + r.population.tolerance * r.population.tolerance / 3.0);
  const double ess = r.population.ess();
  const double mean = r.population.mean()[0], sd = r.population.sd()[0];
  INFO(r.generations.size() << " generations, " << r.evaluations << " evaluations, ESS " << ess << ", mean " << mean
                            << ", sd " << sd << "; analytical " << kObserved << ", " << sd_true);
  CHECK(ess >= 0.5 * static_cast<double>(o.particles));
  // MCMC-moved particles are correlated: allow twice the independent-sample standard error, times 3.
  CHECK(std::abs(mean - kObserved) < 6.0 * sd_true / std::sqrt(ess));
  CHECK(std::abs(sd - sd_true) < 6.0 * sd_true / std::sqrt(2.0 * ess));
}

TEST_CASE("methods: on a narrow six-parameter ridge ABC-SMC-MCMC keeps half its particles effective",
          "[methods][abc]") {
  AbcSmcMcmcOptions o;
  o.particles = 200;
  o.max_generations = 30;
  o.target_tolerance = 0.1;
  o.min_acceptance_rate = 0.01;
  o.max_moves = 12;
  o.seed = 9;
  const AbcResult r = abc_smc_mcmc(kSixDims, serial_of(ridge_distance), o);
  check_invariants(r, o.particles);
  REQUIRE(r.stop == AbcStop::ToleranceTarget);
  const auto mean = r.population.mean();
  CHECK(mean[0] + mean[1] == Approx(1.0).margin(0.1));
  CHECK(mean[2] - mean[3] == Approx(2.0).margin(0.1));
  CHECK(mean[4] + 2.0 * mean[5] == Approx(0.5).margin(0.1));
  INFO("ESS " << r.population.ess() << " of " << o.particles << " after " << r.evaluations << " evaluations");
  CHECK(r.population.ess() >= 0.5 * static_cast<double>(o.particles));
  for (const auto& g : r.generations) CHECK(g.ess >= 0.5 * static_cast<double>(o.particles));

  // Population Monte Carlo on the same problem, to the same tolerance, for contrast: its weights
  // degenerate (the failure this method exists to avoid). Recorded, not required.
  AbcSmcOptions p;
  p.particles = 200;
  p.max_generations = 30;
  p.target_tolerance = 0.1;
  p.min_acceptance_rate = 0.001;
  p.seed = 9;
  const AbcResult pmc = abc_smc(kSixDims, AbcSimulator(ridge_distance), p);
  WARN("ridge: smc-mcmc ESS " << r.population.ess() << " (" << r.evaluations << " evaluations); smc ESS "
                              << pmc.population.ess() << " (" << pmc.evaluations << " evaluations)");
}

TEST_CASE("methods: ABC-SMC-MCMC is identical for any thread count", "[methods][abc]") {
  AbcSmcMcmcOptions o;
  o.particles = 60;
  o.max_generations = 6;
  o.seed = 17;
  const AbcResult serial = abc_smc_mcmc(kSixDims, serial_of(ridge_distance), o);
  const AbcBatchSimulator parallel = [](const std::vector<AbcProposal>& batch) {
    std::vector<double> d(batch.size());
    tbb::parallel_for(std::size_t{0}, batch.size(),
                      [&](std::size_t k) { d[k] = ridge_distance(batch[k].params, batch[k].seed); });
    return d;
  };
  const AbcResult par = abc_smc_mcmc(kSixDims, parallel, o);
  CHECK(serial.population.samples == par.population.samples);
  CHECK(serial.population.weights == par.population.weights);
  CHECK(serial.evaluations == par.evaluations);
  REQUIRE(serial.generations.size() == par.generations.size());
  for (std::size_t t = 0; t < serial.generations.size(); ++t) {
    CHECK(serial.generations[t].tolerance == par.generations[t].tolerance);
    CHECK(serial.generations[t].ess == par.generations[t].ess);
  }
  // Attempt keys stay inside the journal's range.
  const AbcBatchSimulator checking = [&](const std::vector<AbcProposal>& batch) {
    for (const auto& p : batch) REQUIRE(p.attempt < smc_mcmc_attempts_per_generation(o));
    return serial_of(ridge_distance)(batch);
  };
  (void)abc_smc_mcmc(kSixDims, checking, o);
}

TEST_CASE("methods: ABC-SMC-MCMC budget and bad options", "[methods][abc]") {
  AbcSmcMcmcOptions o;
  o.particles = 50;
  o.max_generations = 50;
  o.max_evaluations = 400;
  o.seed = 2;
  const AbcResult r = abc_smc_mcmc(kSixDims, serial_of(ridge_distance), o);
  CHECK(r.evaluations <= 400);
  CHECK((r.stop == AbcStop::MoveBudget || r.stop == AbcStop::MaxEvaluations));
  check_invariants(r, o.particles);

  AbcSmcMcmcOptions bad = o;
  bad.particles = 1;
  CHECK_THROWS_AS(abc_smc_mcmc(kSixDims, serial_of(ridge_distance), bad), std::invalid_argument);
  bad = o;
  bad.alpha = 1.0;
  CHECK_THROWS_AS(abc_smc_mcmc(kSixDims, serial_of(ridge_distance), bad), std::invalid_argument);
  bad = o;
  bad.max_moves = 0;
  CHECK_THROWS_AS(abc_smc_mcmc(kSixDims, serial_of(ridge_distance), bad), std::invalid_argument);
  bad = o;
  bad.max_evaluations = 10;
  CHECK_THROWS_AS(abc_smc_mcmc(kSixDims, serial_of(ridge_distance), bad), std::invalid_argument);
}
