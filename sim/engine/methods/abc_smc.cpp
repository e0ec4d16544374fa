// ABC-SMC / population Monte Carlo (see abc_smc.hpp).
#include "sim/engine/methods/abc_smc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/engine/methods/abc_kernel.hpp"
#include "sim/engine/methods/abc_support.hpp"
#include "sim/engine/methods/weighted_stats.hpp"

namespace pw::methods {
namespace {

using abc_detail::MixtureKernel;
using abc_detail::WorkingScale;

// Proposals rejected for leaving the prior support before an attempt gives up.
constexpr std::uint32_t kMaxTriesPerAttempt = 1'000'000;

// A generation's particles, with their working-scale coordinates.
struct Generation {
  std::vector<Point> working;
  std::vector<Point> values;
  std::vector<double> distances;
  std::vector<double> weights;  // normalised
  double tolerance = 0.0;
  AbcGenerationStats stats;
};

void check_options(const AbcSmcOptions& o) {
  const auto fail = [](const std::string& what) { throw std::invalid_argument("abc_smc: " + what); };
  if (o.particles < 2) fail(fmt::format("particles = {}; at least 2 are needed", o.particles));
  if (o.max_generations < 1) fail("max_generations must be at least 1");
  if (o.max_generations > 0xFFFFu) fail("max_generations must be at most 65535");
  if (!(o.alpha > 0.0 && o.alpha < 1.0)) fail(fmt::format("alpha = {}; must be in (0, 1)", o.alpha));
  if (std::isnan(o.initial_tolerance) || o.initial_tolerance < 0.0)
    fail(fmt::format("initial_tolerance = {}; must be >= 0", o.initial_tolerance));
  if (std::isnan(o.target_tolerance) || o.target_tolerance < 0.0)
    fail(fmt::format("target_tolerance = {}; must be >= 0", o.target_tolerance));
  if (!(o.min_acceptance_rate > 0.0 && o.min_acceptance_rate <= 1.0))
    fail(fmt::format("min_acceptance_rate = {}; must be in (0, 1]", o.min_acceptance_rate));
  if (std::ceil(static_cast<double>(o.particles) / o.min_acceptance_rate) >= 4294967296.0)
    fail("particles / min_acceptance_rate must be below 2^32 proposals per generation");
  double previous = o.initial_tolerance;
  for (std::size_t k = 0; k < o.tolerances.size(); ++k) {
    const double t = o.tolerances[k];
    if (std::isnan(t) || t < 0.0 || !(t < previous))
      fail(
          fmt::format("tolerances[{}] = {}; the schedule must be >= 0 and strictly decreasing (after "
                      "initial_tolerance {})",
                      k, t, o.initial_tolerance));
    previous = t;
  }
}

// The working point of attempt `attempt` of generation `generation`.
Point draw_working(const WorkingScale& scale, const MixtureKernel* kernel, std::uint64_t seed, std::uint32_t generation,
                   std::uint32_t attempt) {
  if (generation == 0) return abc_detail::prior_draw(scale, seed, attempt);
  abc_detail::ProposalDraws draws(seed, Purpose::AbcProposal, attempt, generation);
  for (std::uint32_t tries = 0; tries < kMaxTriesPerAttempt; ++tries) {
    Point w = kernel->propose(draws);
    if (scale.inside(w)) return w;  // outside: draw ancestor and perturbation again
  }
  throw std::runtime_error(
      fmt::format("abc_smc: generation {}, attempt {}: {} kernel draws all fell outside the "
                  "prior support",
                  generation, attempt, kMaxTriesPerAttempt));
}

// Runs one generation at the given tolerance. Returns nothing if the budget
// of proposals ran out before the population was full.
std::optional<Generation> run_generation(const WorkingScale& scale, const AbcBatchSimulator& simulate,
                                         const AbcSmcOptions& o, std::uint32_t generation, double tolerance,
                                         const Generation* previous, std::uint64_t& evaluations,
                                         bool& total_budget_ran_out) {
  std::optional<MixtureKernel> kernel;
  if (previous) kernel.emplace(previous->working, previous->weights, previous->distances, tolerance, scale, o.kernel);
  auto budget = static_cast<std::uint64_t>(std::ceil(static_cast<double>(o.particles) / o.min_acceptance_rate));
  total_budget_ran_out = false;
  bool total_limited = false;
  if (o.max_evaluations > 0) {
    const std::uint64_t remaining = o.max_evaluations > evaluations ? o.max_evaluations - evaluations : 0;
    if (remaining < budget) {
      budget = remaining;
      total_limited = true;
    }
  }
  const double expected_rate = previous ? std::max(previous->stats.acceptance_rate, o.min_acceptance_rate) : 1.0;

  Generation g;
  g.tolerance = tolerance;
  std::uint64_t next_attempt = 0;
  std::uint64_t last_kept = 0;
  while (g.values.size() < o.particles) {
    if (next_attempt >= budget) {
      total_budget_ran_out = total_limited;
      return std::nullopt;
    }
    const std::size_t needed = o.particles - g.values.size();
    std::uint64_t size = o.batch_size;
    if (size == 0) size = static_cast<std::uint64_t>(std::ceil(static_cast<double>(needed) / expected_rate));
    size = std::clamp<std::uint64_t>(size, 1, budget - next_attempt);

    std::vector<AbcProposal> batch;
    std::vector<Point> working;
    batch.reserve(size);
    working.reserve(size);
    for (std::uint64_t a = next_attempt; a < next_attempt + size; ++a) {
      const auto attempt = static_cast<std::uint32_t>(a);
      working.push_back(draw_working(scale, kernel ? &*kernel : nullptr, o.seed, generation, attempt));
      batch.push_back(abc_detail::make_proposal(scale, working.back(), o.seed, generation, attempt));
    }
    const auto distances = abc_detail::evaluate(simulate, batch);
    evaluations += size;
    // Keep the first acceptable attempts in attempt order: independent of the batch size.
    for (std::size_t k = 0; k < batch.size() && g.values.size() < o.particles; ++k) {
      if (std::isfinite(distances[k]) && distances[k] <= tolerance) {
        g.working.push_back(working[k]);
        g.values.push_back(batch[k].params);
        g.distances.push_back(distances[k]);
        last_kept = batch[k].attempt;
      }
    }
    g.stats.evaluations += size;
    next_attempt += size;
    if (o.progress) {
      AbcProgress p;
      p.generation = generation;
      p.accepted = g.values.size();
      p.wanted = o.particles;
      p.evaluated = g.stats.evaluations;
      p.max_evaluations = budget;
      p.tolerance = tolerance;
      o.progress(p);
    }
  }

  // Importance weights: prior (constant on the support) over the kernel mixture.
  const std::size_t n = g.values.size();
  if (!kernel) {
    g.weights.assign(n, 1.0 / static_cast<double>(n));
  } else {
    std::vector<double> log_w(n);
    for (std::size_t k = 0; k < n; ++k) log_w[k] = -kernel->log_density(g.working[k]);
    const double largest = *std::max_element(log_w.begin(), log_w.end());
    double total = 0.0;
    g.weights.resize(n);
    for (std::size_t k = 0; k < n; ++k) total += g.weights[k] = std::exp(log_w[k] - largest);
    for (auto& w : g.weights) w /= total;
  }
  g.stats.generation = generation;
  g.stats.tolerance = tolerance;
  g.stats.accepted = n;
  g.stats.attempts = last_kept + 1;
  g.stats.acceptance_rate = static_cast<double>(n) / static_cast<double>(g.stats.attempts);
  g.stats.ess = effective_sample_size(g.weights);
  return g;
}

}  // namespace

AbcResult abc_smc(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                  const AbcSmcOptions& options) {
  const WorkingScale scale(dimensions);
  check_options(options);
  std::uint32_t max_generations = options.max_generations;
  if (!options.tolerances.empty())
    max_generations =
        std::min<std::uint32_t>(max_generations, static_cast<std::uint32_t>(options.tolerances.size() + 1));

  AbcResult result;
  result.dimensions = dimensions;
  std::optional<Generation> current;
  result.stop = AbcStop::MaxGenerations;
  for (std::uint32_t t = 0; t < max_generations; ++t) {
    double tolerance = options.initial_tolerance;
    if (t > 0) {
      if (!options.tolerances.empty()) {
        tolerance = options.tolerances[t - 1];
      } else {
        tolerance = std::max(quantile(current->distances, options.alpha), options.target_tolerance);
        if (!(tolerance < current->tolerance)) {
          result.stop = AbcStop::ToleranceStalled;
          break;
        }
      }
    }
    bool total_budget_ran_out = false;
    auto next = run_generation(scale, simulate, options, t, tolerance, current ? &*current : nullptr,
                               result.evaluations, total_budget_ran_out);
    if (!next) {
      if (t == 0)
        throw std::runtime_error(
            fmt::format("abc_smc: generation 0 accepted fewer than {} of {} prior draws at tolerance {}; raise "
                        "initial_tolerance{}",
                        options.particles, result.evaluations, tolerance,
                        total_budget_ran_out ? " or max_evaluations" : " or lower min_acceptance_rate"));
      result.stop = total_budget_ran_out ? AbcStop::MaxEvaluations : AbcStop::MinAcceptanceRate;
      break;
    }
    current = std::move(next);
    result.generations.push_back(current->stats);
    if (options.on_generation) options.on_generation(current->stats);
    if (tolerance <= options.target_tolerance) {
      result.stop = AbcStop::ToleranceTarget;
      break;
    }
  }

  auto& pop = result.population;
  pop.samples = current->values;
  pop.weights = current->weights;
  pop.distances = current->distances;
  pop.tolerance = current->tolerance;
  return result;
}

AbcResult abc_smc(const std::vector<Dimension>& dimensions, const AbcSimulator& simulate,
                  const AbcSmcOptions& options) {
  return abc_smc(dimensions, abc_detail::serial(simulate), options);
}

}  // namespace pw::methods
