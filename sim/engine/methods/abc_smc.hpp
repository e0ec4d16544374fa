// ABC-SMC: approximate Bayesian computation by sequential Monte Carlo
// (population Monte Carlo; Toni et al. 2009, J R Soc Interface 6:187;
// Beaumont, Cornuet, Marin & Robert 2009, Biometrika 96:983).
//
// Generation 0 draws from the prior and keeps `particles` proposals with
// distance <= initial_tolerance (infinite: all). Generation t >= 1 has tolerance
// epsilon_t: the next entry of `tolerances` if given, otherwise the alpha-quantile
// of generation t-1's distances (adaptive; clamped up to target_tolerance).
// A proposal of generation t picks an ancestor j from generation t-1 with
// probability w_j, and perturbs it with a Gaussian kernel of covariance
// Sigma_j (abc_kernel.hpp): by default the optimal local covariance of
// Filippi et al. (2013), built from the particles of generation t-1 that
// already meet epsilon_t; or (kernel = Global) one Sigma = 2 x the weighted
// covariance of generation t-1 (Beaumont et al. 2009). The local kernel keeps
// the acceptance rate up when the posterior is narrow, correlated or curved,
// as calibration posteriors in several dimensions are.
// A proposal outside the prior support is discarded and both ancestor and
// perturbation are drawn again, so the proposal density is the kernel mixture
// truncated to the support and renormalised by a constant; the weight of an
// accepted particle is therefore exactly
//   w_i  proportional to  prior(theta_i) / sum_j w_j N(theta_i; theta_j, Sigma_j),
// with the uniform prior constant over the support. The kernel, the covariance
// and the prior all live on the working scale: log(value) for log_scale
// dimensions, value otherwise (so a log-uniform prior is uniform there).
//
// Acceptance and determinism: proposals are drawn in batches; attempt a of
// generation t is a pure function of (seed, t, a) (Purpose::AbcPrior for t = 0,
// Purpose::AbcProposal after) and so is its simulation seed
// (Purpose::AbcSimulationSeed). Within a generation, the accepted particles are
// the first `particles` acceptable attempts in attempt order, whatever the
// batch size and however the batch is evaluated. The result (population and
// per-generation statistics except `evaluations`) is therefore identical for
// any batch size and thread count.
//
// Stopping: after max_generations generations; after a generation whose
// tolerance is <= target_tolerance; when the adaptive tolerance no longer
// decreases; when a generation would need more than
// ceil(particles / min_acceptance_rate) proposals; or when it would take the
// run past max_evaluations proposals in all (if set). In the last two cases
// the generation is abandoned and the previous generation is the result.
// Generation t's attempts are numbered from 0 and never exceed
// ceil(particles / min_acceptance_rate), so (t, attempt) can index a journal.
//
// When to use it rather than rejection (abc_rejection.hpp): the simulator is
// expensive, there are several parameters, or the posterior is much narrower
// than the prior; each generation concentrates proposals where the posterior
// is. Its generations are sequential (parallelism is within a generation) and
// the weights cost O(particles^2 d^2) per generation. Runs once per calibration.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "sim/engine/methods/abc.hpp"

namespace pw::methods {

struct AbcSmcOptions {
  std::size_t particles = 1000;        // population size per generation (>= 2)
  std::uint32_t max_generations = 10;  // generations including generation 0 (>= 1)
  double alpha = 0.5;                  // adaptive tolerance quantile, in (0, 1)
  AbcKernel kernel = AbcKernel::Olcm;  // perturbation kernel (abc_kernel.hpp)
  std::vector<double> tolerances;      // explicit schedule for generations 1, 2, ... (strictly
                                       // decreasing); when non-empty it replaces the adaptive rule and
                                       // max_generations is capped at tolerances.size() + 1
  double initial_tolerance = std::numeric_limits<double>::infinity();  // generation 0
  double target_tolerance = 0.0;                                       // stop once a generation's tolerance is <= this
  double min_acceptance_rate = 0.01;                                   // in (0, 1]
  std::uint64_t max_evaluations = 0;  // proposals simulated in the whole run, at most; 0: no limit
  std::size_t batch_size = 0;         // proposals per BatchSimulator call; 0: automatic
                                      // (the particles still needed / last acceptance rate, at most
                                      // the generation's remaining budget)
  std::uint64_t seed = 1;
  AbcProgressCallback progress;                                  // optional, after each batch
  std::function<void(const AbcGenerationStats&)> on_generation;  // optional, after each generation
};

// Throws std::invalid_argument on bad dimensions or options, a NaN or negative
// distance, or a batch result of the wrong size; std::runtime_error if
// generation 0 cannot fill its population within its budget (per generation
// or total).
[[nodiscard]] AbcResult abc_smc(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                                const AbcSmcOptions& options);
[[nodiscard]] AbcResult abc_smc(const std::vector<Dimension>& dimensions, const AbcSimulator& simulate,
                                const AbcSmcOptions& options);

}  // namespace pw::methods
