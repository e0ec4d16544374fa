// Rejection ABC (Pritchard et al. 1999): draw parameters from the prior,
// simulate each, keep those within a tolerance of the targets.
//
// When to use it rather than ABC-SMC (abc_smc.hpp):
//  - the simulator is cheap, or the parameters are few (1-3) and the posterior
//    is not much narrower than the prior, so most prior draws are useful;
//  - a fixed, known budget of runs is wanted, all independent of each other
//    (one batch: the whole experiment is a plain sweep, trivially parallel and
//    resumable);
//  - as a reference to check an ABC-SMC run against.
// Its cost grows like 1 / (posterior volume / prior volume): with several
// informative parameters almost every draw is wasted, and ABC-SMC is the
// better choice.
//
// Proposal k is prior draw (generation 0, attempt k), keyed with
// Purpose::AbcPrior, and its simulation seed is keyed with
// Purpose::AbcSimulationSeed; these are the same proposals as generation 0 of
// abc_smc with the same seed. Accepted samples get equal weights. Runs once per
// calibration.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "sim/engine/methods/abc.hpp"

namespace pw::methods {

struct AbcRejectionOptions {
  std::size_t proposals = 10'000;  // prior draws to simulate
  // Keep proposals with distance <= tolerance (infinite: keep all finite distances) ...
  double tolerance = std::numeric_limits<double>::infinity();
  // ... or, when > 0, keep the ceil(accept_fraction * proposals) nearest proposals
  // (ties broken by attempt index); the population's tolerance is then the
  // largest distance kept. In (0, 1]; overrides `tolerance`.
  double accept_fraction = 0.0;
  std::size_t batch_size = 0;  // proposals per BatchSimulator call; 0: all in one batch
  std::uint64_t seed = 1;
  AbcProgressCallback progress;  // optional
};

// Throws std::invalid_argument on bad dimensions or options, a NaN or negative
// distance, or a batch result of the wrong size; std::runtime_error if no
// proposal is accepted.
[[nodiscard]] AbcResult abc_rejection(const std::vector<Dimension>& dimensions, const AbcBatchSimulator& simulate,
                                      const AbcRejectionOptions& options);
[[nodiscard]] AbcResult abc_rejection(const std::vector<Dimension>& dimensions, const AbcSimulator& simulate,
                                      const AbcRejectionOptions& options);

}  // namespace pw::methods
