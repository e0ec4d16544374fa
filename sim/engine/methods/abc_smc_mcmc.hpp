// ABC-SMC with MCMC moves: the adaptive sequential Monte Carlo sampler of
// Del Moral, Doucet & Jasra (2012), An adaptive sequential Monte Carlo method
// for approximate Bayesian computation, Stat Comput 22:1009, with one
// simulation per particle.
//
// Why it exists beside abc_smc (population Monte Carlo): PMC importance
// weights, prior over the kernel mixture, degenerate when the posterior is
// narrow in many dimensions (the baseline's ten-parameter justice stage ended
// with an effective sample size of 2.8 of 100). Here every generation is an
// equally weighted population at its tolerance, and its diversity is restored
// by Metropolis-Hastings moves that leave the ABC posterior invariant, so no
// importance weight can collapse.
//
// Generation 0: `particles` draws from the prior (Purpose::AbcPrior, attempt k).
// Generation t >= 1:
//  1. tolerance epsilon_t = the alpha-quantile of generation t-1's distances
//     (clamped up to target_tolerance); stop (ToleranceStalled) if it does not
//     fall;
//  2. the particles with distance <= epsilon_t survive; `particles` of them are
//     drawn by systematic resampling (one offset, Purpose::AbcResample);
//  3. move rounds r = 0, 1, ...: particle k proposes theta' = theta_k +
//     sqrt(s) L z (Purpose::AbcMove, attempt r x particles + k), L L^T = 2 x the
//     covariance of the survivors on the working scale, s a step scale; theta'
//     is accepted when it lies in the prior support and its simulated distance
//     is <= epsilon_t (the ABC-MCMC acceptance of Marjoram et al. 2003, PNAS
//     100:15324, with a uniform prior and a symmetric proposal). s starts at
//     2.38^2 / (2 d) (Roberts, Gelman & Gilks 1997) and is halved after a round
//     accepting under 15% and doubled (at most to 1) after one accepting over
//     40%. Rounds go on until the accepted moves of the generation reach
//     moves_per_particle x particles, or max_moves rounds.
// Stopping: after max_generations; after a generation whose tolerance is <=
// target_tolerance; when a generation's move acceptance rate falls below
// min_acceptance_rate (MoveAcceptance; that generation is kept: its particles
// are valid draws at its tolerance, only more correlated); or when the next move round would
// take the run past max_evaluations (MoveBudget; the generation is kept with
// the rounds it had), or before a generation could start (MaxEvaluations).
//
// The result population lists each distinct particle once, weighted by its
// multiplicity / particles, so its Kish effective sample size counts distinct
// points: duplicates left by resampling do not inflate it.
//
// Determinism: every draw is keyed by (seed, generation, attempt); proposals
// are evaluated in batches of one move round, and the result is identical for
// any thread count or batching of the simulator. Attempt indices of generation
// t stay below particles x max_moves, so (t, attempt) can index a journal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "sim/engine/methods/abc.hpp"

namespace pw::methods {

struct AbcSmcMcmcOptions {
  std::size_t particles = 100;         // population size (>= 2)
  std::uint32_t max_generations = 20;  // including generation 0 (>= 1)
  double alpha = 0.5;                  // share of particles surviving each tolerance step, in (0, 1)
  double target_tolerance = 0.0;       // stop once a generation's tolerance is <= this
  double min_acceptance_rate = 0.02;   // stop after a generation whose moves accept less, in (0, 1]
  std::uint32_t max_moves = 8;         // move rounds per generation, at most (>= 1)
  double moves_per_particle = 1.0;     // accepted moves per particle wanted in each generation (> 0)
  std::uint64_t max_evaluations = 0;   // proposals simulated in the whole run, at most; 0: no limit
  std::uint64_t seed = 1;
  AbcProgressCallback progress;                                  // optional, after each batch
  std::function<void(const AbcGenerationStats&)> on_generation;  // optional, after each generation
};

// Attempts per generation, at most: the journal's index range per generation.
[[nodiscard]] std::uint64_t smc_mcmc_attempts_per_generation(const AbcSmcMcmcOptions& options);

// Throws std::invalid_argument on bad options or simulator output.
[[nodiscard]] AbcResult abc_smc_mcmc(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                                     const AbcSmcMcmcOptions& options);

}  // namespace pw::methods
