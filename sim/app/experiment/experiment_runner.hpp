// Runs the tasks of an experiment plan, resumably, on one process or over MPI
// ranks, and writes the experiment file (layout: results/README.md).
//
// Steps (rank 0): if the output already holds this experiment (same inputs
// hash), nothing is run (unless `restart`); an output of another kind, or a
// damaged one, is refused unless `restart`. Otherwise open the journal
// (task_journal.hpp), run the pending tasks (each on all threads of its rank),
// store each as it finishes, then assemble "<output>.part.<pid>" from the task files
// in task order, fsync, rename it to <output> and delete the journal. A task's
// numbers never depend on which rank or how many threads ran it, or on whether
// the experiment was interrupted, so the assembled datasets are bit-identical.
#pragma once

#include <filesystem>

#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/mpi_tasks.hpp"

namespace pw {

struct ExperimentRunOptions {
  std::filesystem::path output;
  int threads = 0;       // per rank; 0: all cores
  bool restart = false;  // discard an existing journal
  bool progress = true;  // drawn only when stderr is a terminal
  // Testing aid: after this many tasks finished by this process, stop at once
  // with exit status 75, as if killed (no clean-up). 0: never.
  int stop_after = 0;
};

struct ExperimentResult {
  bool root = true;               // false on MPI workers, which print nothing
  int exit_code = 0;              // for workers: what the process should return
  bool already_complete = false;  // the output held this experiment already
  int tasks_total = 0;
  int tasks_run = 0;            // by all ranks in this invocation
  int tasks_resumed = 0;        // found finished in the journal
  double seconds = 0;           // wall time of the task phase
  double assemble_seconds = 0;  // wall time of writing the experiment file from the journal
};

// Throws ExperimentInputError (journal of other inputs) on rank 0.
ExperimentResult run_experiment(const ExperimentPlan& plan, const ExperimentRunOptions& options, MpiSession& mpi);

// Unless `restart`, an existing output must be a readable file of this kind
// (then it is replaced by a run of other inputs): a damaged file or one of
// another kind (a sweep where a compare is written) throws ExperimentInputError
// naming it and what it is, so a mistyped -o does not destroy other work.
void check_replaceable(const std::filesystem::path& output, const std::string& kind);

// True if `file` is a complete experiment file with this inputs hash.
bool experiment_file_matches(const std::filesystem::path& file, const std::string& inputs_hash);

}  // namespace pw
