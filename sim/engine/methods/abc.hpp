// Approximate Bayesian computation: what the caller supplies and what comes back.
//
// The caller owns the model. For a proposed parameter vector (in the units of
// the Dimensions, design order) and a seed, it runs the simulation and returns
// the distance between simulated and target statistics: a finite number >= 0,
// or +infinity to say "reject this proposal" (e.g. the run failed). NaN or a
// negative distance is an error (std::invalid_argument).
//
// The prior is uniform over each Dimension's [lo, hi] (log-uniform when
// log_scale), independent across dimensions.
//
// Two ways to evaluate: a Simulator (one proposal at a time, called serially)
// or a BatchSimulator (a list of proposals, evaluated however the caller likes,
// e.g. in parallel or over MPI ranks; it returns one distance per proposal, in
// the same order). Each proposal carries its (generation, attempt) key and its
// own seed, both pure functions of the run's seed: a caller may cache
// distances by key and so resume an interrupted calibration exactly.
//
// Which algorithm: see abc_rejection.hpp and abc_smc.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/methods/dimension.hpp"

namespace pw::methods {

// One parameter vector to simulate.
struct AbcProposal {
  Point params;                  // parameter values, design order
  std::uint64_t seed = 0;        // seed for the simulation: keyed by (run seed, generation, attempt)
  std::uint32_t generation = 0;  // 0 = draws from the prior
  std::uint32_t attempt = 0;     // index of the proposal within its generation, from 0
};

// Distance for one proposal (params, seed).
using AbcSimulator = std::function<double(const std::vector<double>& params, std::uint64_t seed)>;
// Distances for a batch of proposals, one per proposal, same order.
using AbcBatchSimulator = std::function<std::vector<double>(const std::vector<AbcProposal>& batch)>;

// Reported after every batch, e.g. for a progress bar.
struct AbcProgress {
  std::uint32_t generation = 0;
  std::size_t accepted = 0;           // so far in this generation
  std::size_t wanted = 0;             // particles per generation
  std::uint64_t evaluated = 0;        // proposals simulated so far in this generation
  std::uint64_t max_evaluations = 0;  // the generation is abandoned beyond this
  double tolerance = 0.0;
};
using AbcProgressCallback = std::function<void(const AbcProgress&)>;

// A weighted sample of the (approximate) posterior.
struct AbcPopulation {
  std::vector<Point> samples;     // parameter values, design order
  std::vector<double> weights;    // normalised importance weights (sum 1)
  std::vector<double> distances;  // distance of each sample (<= tolerance)
  double tolerance = 0.0;         // acceptance threshold of this population

  [[nodiscard]] std::size_t size() const { return samples.size(); }
  // Weighted posterior mean of each parameter, in parameter units.
  [[nodiscard]] Point mean() const;
  // Weighted posterior standard deviation of each parameter (population formula).
  [[nodiscard]] Point sd() const;
  // Weighted q-quantile of each parameter (weighted_quantile, weighted_stats.hpp).
  [[nodiscard]] Point quantile(double q) const;
  // Kish effective sample size of the weights.
  [[nodiscard]] double ess() const;
};

// One generation of ABC-SMC (or the single step of rejection ABC).
struct AbcGenerationStats {
  std::uint32_t generation = 0;
  double tolerance = 0.0;         // epsilon_t
  std::size_t accepted = 0;       // particles kept
  std::uint64_t attempts = 0;     // proposals up to and including the last one kept
  std::uint64_t evaluations = 0;  // proposals simulated (>= attempts: the last batch may overshoot;
                                  // the only figure that depends on the batch size)
  double acceptance_rate = 0.0;   // accepted / attempts
  double ess = 0.0;               // effective sample size of the weights
};

enum class AbcStop {
  Rejection,          // rejection ABC: one step, by design
  MaxGenerations,     // ran max_generations generations
  ToleranceTarget,    // reached target_tolerance
  MinAcceptanceRate,  // the next generation needed more than particles / min_acceptance_rate
                      // proposals; it was abandoned and the previous population is returned
  ToleranceStalled,   // the adaptive tolerance stopped decreasing
  MaxEvaluations,     // the next generation would have exceeded the run's total budget of proposals
                      // (AbcSmcOptions::max_evaluations); it was abandoned, the previous population is returned
  MoveAcceptance,     // ABC-SMC-MCMC: the last generation's moves accepted less than min_acceptance_rate;
                      // that generation is the result
  MoveBudget,         // ABC-SMC-MCMC: the budget of evaluations ran out during the last generation's moves;
                      // that generation is the result, with the moves it had
};
[[nodiscard]] std::string to_string(AbcStop stop);

// The perturbation kernel of ABC-SMC (abc_kernel.hpp): one covariance for every
// particle (Beaumont et al. 2009), or a local one per particle (Filippi et al. 2013).
enum class AbcKernel { Olcm, Global };
[[nodiscard]] std::string to_string(AbcKernel kernel);  // "olcm" or "global"

struct AbcResult {
  std::vector<Dimension> dimensions;
  AbcPopulation population;                     // the final population
  std::vector<AbcGenerationStats> generations;  // every completed generation, in order
  AbcStop stop = AbcStop::MaxGenerations;
  std::uint64_t evaluations = 0;  // all proposals simulated, including any abandoned generation
};

}  // namespace pw::methods
