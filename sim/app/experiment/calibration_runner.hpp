// `pathways calibrate SPEC.toml`: approximate Bayesian computation of the
// spec's parameters against its targets, resumable, in parallel, and the
// calibration file and scenario file it ends with (docs/calibration.md).
//
// Every MPI rank reads the spec and runs the same ABC algorithm
// (sim/engine/methods: abc_smc or abc_rejection), which asks for the
// distances of a batch of proposals at a time. For each batch, rank 0 looks
// the proposals up in the journal (<output>.tasks/task_<t>.json, t =
// generation x attempts_per_generation + attempt; task_journal.hpp) and
// broadcasts what it found; the proposals not yet evaluated are shared out
// (the j-th missing one to rank j mod K) and each rank evaluates its share in
// parallel under TBB (one proposal per thread, each simulation on one
// thread). Rank 0 journals every distance as it arrives (.part, fsync,
// rename) and broadcasts the batch's distances, so every rank continues
// identically. An evaluation is the base scenario with the spec's `set`, the
// proposal's values as --set overrides and simulation.seed taken from the
// proposal's key, run in-process exactly as `pathways run` runs it, for the
// spec's replicates; its distance is the weighted RMSE over the targets of
// the mean over replicates (calibration_targets.hpp). A proposal's values and
// seed depend only on (spec seed, generation, attempt), so the posterior is
// bit-identical for any thread count, rank count and interruption.
//
// At the end rank 0 writes the scenario file (extends the base scenario; the
// spec's `set` and the weighted posterior mean of each fitted parameter),
// runs it once more at the spec's size (the fit) and writes the calibration
// file (calibration_results.hpp) atomically, then deletes the journal. A
// rerun of a finished calibration (same inputs hash) runs nothing.
#pragma once

#include <cstdint>
#include <filesystem>

#include "sim/app/experiment/mpi_tasks.hpp"

namespace pw {

struct CalibrateOptions {
  std::filesystem::path spec;
  std::filesystem::path output;        // empty: results/calibrate-<spec stem>.h5
  std::filesystem::path scenario_out;  // empty: <output without .h5>.scenario.toml
  int people = 0;                      // > 0 overrides the spec's people
  int threads = 0;                     // per rank; 0: all cores
  bool restart = false;                // discard an unfinished journal
  bool progress = true;                // drawn only when stderr is a terminal
  // Testing aid: after this many evaluations finished by this process, stop at
  // once with exit status 75, as if killed. 0: never.
  int stop_after = 0;
};

struct CalibrationRun {
  bool root = true;               // false on MPI workers, which print nothing
  int exit_code = 0;              // for workers
  bool already_complete = false;  // the output held this calibration already
  std::uint64_t evaluated = 0;    // proposals simulated by this invocation (all ranks)
  std::uint64_t resumed = 0;      // distances found in the journal
  double seconds = 0;             // wall time of the ABC phase
  double fit_seconds = 0;         // wall time of the fit run and writing the file
  std::filesystem::path output, scenario_out;
};

// Throws ScenarioError / ExperimentInputError (exit 2) on bad input, on rank 0.
CalibrationRun run_calibration(const CalibrateOptions& options, MpiSession& mpi);

std::filesystem::path default_calibration_output(const std::filesystem::path& spec);
std::filesystem::path default_scenario_out(const std::filesystem::path& output);

}  // namespace pw
