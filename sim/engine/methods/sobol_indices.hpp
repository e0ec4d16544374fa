// Sobol first- and total-order sensitivity indices from the outputs of a
// Saltelli design, with bootstrap percentile intervals.
//
// For output f, with f_A, f_B, f_ABi the outputs at the runs of A, B, AB_i
// (saltelli.hpp) over base rows j = 1..N:
//   V     = sample variance of the 2N outputs f_A and f_B (divisor 2N - 1)
//   f0    = mean of the 2N outputs f_A and f_B
//   S_i   = (1/N) sum_j (f_B,j - f0) (f_ABi,j - f_A,j) / V   Saltelli et al. 2010, Comput Phys Commun 181:259
//   ST_i  = (1/(2N)) sum_j (f_A,j - f_ABi,j)^2 / V          Jansen 1999, Comput Phys Commun 117:35
// Centring f_B by f0 leaves the expectation of the Saltelli estimator unchanged
// (E[f_ABi - f_A] = 0) but makes the estimate invariant to a shift of the
// output, which cuts its variance when |mean| is large against the spread.
// Intervals: the base rows are resampled with replacement `bootstrap` times
// (draws keyed by (seed, bootstrap replicate, row) with Purpose::SobolBootstrap),
// all indices are recomputed on each resample, and the interval is the
// (alpha/2, 1 - alpha/2) percentiles of the resampled values. The estimates
// themselves use all rows and are not bias-corrected; they may fall slightly
// outside [0, 1] when N is small. With replicates per design point, pass the
// replicate mean of each point. Runs once per output, after a Sobol sweep.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/methods/saltelli.hpp"

namespace pw::methods {

struct SobolIndexOptions {
  std::size_t bootstrap = 1000;  // resamples of the base rows; 0: no intervals (lo = hi = estimate, se = 0)
  double confidence = 0.95;      // interval level, in (0, 1)
  std::uint64_t seed = 1;        // keys the resampling
};

// One index with its bootstrap summary.
struct SobolIndex {
  double estimate = 0.0;  // from all N base rows
  double lo = 0.0;        // bootstrap percentile interval
  double hi = 0.0;
  double se = 0.0;  // bootstrap standard deviation of the estimate
};

struct SobolIndices {
  std::vector<SobolIndex> first;  // S_i, one per dimension (design order)
  std::vector<SobolIndex> total;  // ST_i
  double mean = 0.0;              // mean of the 2N outputs at A and B
  double variance = 0.0;          // V above
  std::size_t base_rows = 0;      // N used
};

// Indices from `outputs` (one value per run, outputs[r] for run r of the
// design, so outputs.size() == design.runs()). Throws std::invalid_argument if
// the sizes differ, an output is not finite (naming the run and its role), the
// options are out of range, or V == 0 (a constant output has no indices).
[[nodiscard]] SobolIndices sobol_indices(const SaltelliDesign& design, const std::vector<double>& outputs,
                                         const SobolIndexOptions& options = {});

}  // namespace pw::methods
