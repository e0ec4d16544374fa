// ABC-SMC with MCMC moves (see abc_smc_mcmc.hpp).
#include "sim/engine/methods/abc_smc_mcmc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "sim/engine/methods/abc_kernel.hpp"
#include "sim/engine/methods/abc_support.hpp"
#include "sim/engine/methods/keyed_uniforms.hpp"
#include "sim/engine/methods/weighted_stats.hpp"

namespace pw::methods {
namespace {

using abc_detail::MixtureKernel;
using abc_detail::WorkingScale;

struct Particles {
  std::vector<Point> working;
  std::vector<Point> values;
  std::vector<double> distances;
};

void check_options(const AbcSmcMcmcOptions& o) {
  const auto fail = [](const std::string& what) { throw std::invalid_argument("abc_smc_mcmc: " + what); };
  if (o.particles < 2) fail(fmt::format("particles = {}; at least 2 are needed", o.particles));
  if (o.max_generations < 1 || o.max_generations > 0xFFFFu) fail("max_generations must be in 1..65535");
  if (!(o.alpha > 0.0 && o.alpha < 1.0)) fail(fmt::format("alpha = {}; must be in (0, 1)", o.alpha));
  if (std::isnan(o.target_tolerance) || o.target_tolerance < 0.0) fail("target_tolerance must be >= 0");
  if (!(o.min_acceptance_rate > 0.0 && o.min_acceptance_rate <= 1.0)) fail("min_acceptance_rate must be in (0, 1]");
  if (o.max_moves < 1) fail("max_moves must be at least 1");
  if (!(o.moves_per_particle > 0.0)) fail("moves_per_particle must be > 0");
  if (static_cast<double>(o.particles) * o.max_moves >= 4294967296.0)
    fail("particles x max_moves must be below 2^32 attempts per generation");
}

// Equal weights 1 / n.
std::vector<double> equal_weights(std::size_t n) { return std::vector<double>(n, 1.0 / static_cast<double>(n)); }

// Systematic resampling of n indices from `alive` (equal weights), with one keyed offset.
std::vector<std::size_t> resample(const std::vector<std::size_t>& alive, std::size_t n, std::uint64_t seed,
                                  std::uint32_t generation) {
  KeyedUniforms u(seed, Purpose::AbcResample, 0, generation);
  const double offset = u.next();
  std::vector<std::size_t> picked(n);
  const double step = static_cast<double>(alive.size()) / static_cast<double>(n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto j = static_cast<std::size_t>((static_cast<double>(k) + offset) * step);
    picked[k] = alive[std::min(j, alive.size() - 1)];
  }
  return picked;
}

// The population as distinct points, each weighted by its multiplicity.
AbcPopulation distinct_population(const Particles& p, double tolerance) {
  std::map<Point, std::size_t> index;
  AbcPopulation pop;
  for (std::size_t k = 0; k < p.values.size(); ++k) {
    const auto [it, fresh] = index.emplace(p.working[k], pop.samples.size());
    if (fresh) {
      pop.samples.push_back(p.values[k]);
      pop.weights.push_back(0.0);
      pop.distances.push_back(p.distances[k]);
    }
    pop.weights[it->second] += 1.0 / static_cast<double>(p.values.size());
  }
  pop.tolerance = tolerance;
  return pop;
}

}  // namespace

std::uint64_t smc_mcmc_attempts_per_generation(const AbcSmcMcmcOptions& o) {
  return static_cast<std::uint64_t>(o.particles) * o.max_moves;
}

AbcResult abc_smc_mcmc(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                       const AbcSmcMcmcOptions& o) {
  check_options(o);
  const WorkingScale scale(dimensions);
  const std::size_t n = o.particles, d = scale.size();
  AbcResult result;
  result.dimensions = dimensions;
  const auto over_budget = [&](std::uint64_t more) {
    return o.max_evaluations > 0 && result.evaluations + more > o.max_evaluations;
  };
  const auto report = [&](std::uint32_t generation, std::size_t accepted, std::uint64_t evaluated, double tolerance) {
    if (!o.progress) return;
    AbcProgress p;
    p.generation = generation;
    p.accepted = accepted;
    p.wanted = generation == 0 ? n : static_cast<std::size_t>(std::ceil(o.moves_per_particle * n));
    p.evaluated = evaluated;
    p.max_evaluations = generation == 0 ? n : smc_mcmc_attempts_per_generation(o);
    p.tolerance = tolerance;
    o.progress(p);
  };

  // Generation 0: the prior.
  if (over_budget(n)) throw std::invalid_argument("abc_smc_mcmc: max_evaluations is below one population");
  Particles cur;
  std::vector<AbcProposal> batch;
  for (std::uint32_t k = 0; k < n; ++k) {
    cur.working.push_back(abc_detail::prior_draw(scale, o.seed, k));
    batch.push_back(abc_detail::make_proposal(scale, cur.working.back(), o.seed, 0, k));
    cur.values.push_back(batch.back().params);
  }
  cur.distances = abc_detail::evaluate(simulate, batch);
  result.evaluations += n;
  double tolerance = std::numeric_limits<double>::infinity();
  {
    AbcGenerationStats s;
    s.generation = 0;
    for (const double x : cur.distances)
      if (std::isfinite(x)) s.tolerance = std::max(s.tolerance, x);
    tolerance = s.tolerance;
    s.accepted = n;
    s.attempts = s.evaluations = n;
    s.acceptance_rate = 1.0;
    s.ess = distinct_population(cur, tolerance).ess();
    result.generations.push_back(s);
    report(0, n, n, tolerance);
    if (o.on_generation) o.on_generation(s);
  }

  double step_scale = 2.38 * 2.38 / (2.0 * static_cast<double>(std::max<std::size_t>(d, 1)));
  result.stop = AbcStop::MaxGenerations;
  for (std::uint32_t t = 1; t < o.max_generations; ++t) {
    const double next = std::max(quantile(cur.distances, o.alpha), o.target_tolerance);
    if (!(next < tolerance)) {
      result.stop = AbcStop::ToleranceStalled;
      break;
    }
    std::vector<std::size_t> alive;
    for (std::size_t k = 0; k < n; ++k)
      if (cur.distances[k] <= next) alive.push_back(k);
    if (alive.size() < 2) {
      result.stop = AbcStop::ToleranceStalled;
      break;
    }
    if (over_budget(n)) {
      result.stop = AbcStop::MaxEvaluations;
      break;
    }
    tolerance = next;
    // Resample the survivors, and the random-walk shape from their spread.
    Particles survivors;
    for (const auto k : alive) {
      survivors.working.push_back(cur.working[k]);
      survivors.values.push_back(cur.values[k]);
      survivors.distances.push_back(cur.distances[k]);
    }
    const MixtureKernel shape(survivors.working, equal_weights(alive.size()), survivors.distances, tolerance, scale,
                              AbcKernel::Global);
    Particles moved;
    for (const auto j : resample(alive, n, o.seed, t)) {
      moved.working.push_back(cur.working[j]);
      moved.values.push_back(cur.values[j]);
      moved.distances.push_back(cur.distances[j]);
    }

    AbcGenerationStats s;
    s.generation = t;
    s.tolerance = tolerance;
    std::uint64_t accepted = 0, proposed = 0;
    const auto wanted = static_cast<std::uint64_t>(std::ceil(o.moves_per_particle * static_cast<double>(n)));
    bool budget_hit = false;
    for (std::uint32_t r = 0; r < o.max_moves && accepted < wanted; ++r) {
      std::vector<AbcProposal> round;
      std::vector<std::size_t> who;
      std::vector<Point> where;
      for (std::size_t k = 0; k < n; ++k) {
        const auto attempt = static_cast<std::uint32_t>(r * n + k);
        abc_detail::ProposalDraws draws(o.seed, Purpose::AbcMove, attempt, t);
        Point w = shape.perturb(moved.working[k], step_scale, draws);
        if (!scale.inside(w)) continue;  // outside the prior support: rejected without simulating
        round.push_back(abc_detail::make_proposal(scale, w, o.seed, t, attempt));
        who.push_back(k);
        where.push_back(std::move(w));
      }
      proposed += n;
      if (over_budget(round.size())) {
        budget_hit = true;
        break;
      }
      const auto dist = round.empty() ? std::vector<double>{} : abc_detail::evaluate(simulate, round);
      result.evaluations += round.size();
      s.evaluations += round.size();
      std::uint64_t round_accepted = 0;
      for (std::size_t m = 0; m < round.size(); ++m) {
        if (!(dist[m] <= tolerance)) continue;
        const std::size_t k = who[m];
        moved.working[k] = where[m];
        moved.values[k] = round[m].params;
        moved.distances[k] = dist[m];
        ++round_accepted;
      }
      accepted += round_accepted;
      const double rate = static_cast<double>(round_accepted) / static_cast<double>(n);
      if (rate < 0.15) step_scale *= 0.5;
      if (rate > 0.40) step_scale = std::min(1.0, step_scale * 2.0);
      report(t, static_cast<std::size_t>(accepted), s.evaluations, tolerance);
    }
    cur = std::move(moved);
    s.accepted = n;
    s.attempts = proposed;
    s.acceptance_rate = proposed > 0 ? static_cast<double>(accepted) / static_cast<double>(proposed) : 0.0;
    s.ess = distinct_population(cur, tolerance).ess();
    result.generations.push_back(s);
    if (o.on_generation) o.on_generation(s);
    if (budget_hit) {
      result.stop = AbcStop::MoveBudget;
      break;
    }
    if (tolerance <= o.target_tolerance) {
      result.stop = AbcStop::ToleranceTarget;
      break;
    }
    if (s.acceptance_rate < o.min_acceptance_rate) {
      result.stop = AbcStop::MoveAcceptance;
      break;
    }
  }
  result.population = distinct_population(cur, tolerance);
  return result;
}

}  // namespace pw::methods
