// Writes one experiment to one HDF5 file (layout: results/README.md).
//
// The file is written as "<name>.part.<pid>" and renamed over the final name
// only by commit(), so a crash or kill never leaves a truncated results file
// under the final name; a writer destroyed without commit() removes its
// partial file. Unless the caller holds it already (an experiment's journal
// does), the writer holds the output's lock (sim/app/io/output_lock.hpp), so a
// second process writing the same file is refused before it simulates.
// Replicates are written as they finish, so memory does not grow with reps.
//
// Every HDF5 failure while writing (disk full, I/O error) becomes one
// WriteFailure (sim/app/io/io_errors.hpp) saying what was being written, the
// system's reason and that the earlier file under the final name is intact;
// the partial file is removed and HDF5 prints nothing of its own.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "models/costs/costs.hpp"
#include "models/justice/week_counts.hpp"
#include "models/programmes/programme_spec.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/person_table.hpp"
#include "sim/app/io/output_lock.hpp"
#include "sim/engine/params/param_table.hpp"

namespace pw {

class Simulation;

// The /experiment group of a multi-task experiment (absent in `pathways run` files).
struct ExperimentInfo {
  std::string kind;      // "compare" or "sweep"
  std::string baseline;  // name of the baseline scenario
  bool common_random_numbers = true;
  std::string inputs_hash;  // hash of every resolved input (experiment_plan.hpp)
  int replicates = 0;
  std::vector<std::string> scenarios;  // in command-line order; [0] is the baseline
  std::vector<std::int64_t> seeds;     // the seed each scenario ran with
};

struct ScenarioHeader {
  std::string name;
  std::string description;
  std::string scenario_file;
  std::string resolved_toml;
  std::uint64_t seed = 0;
  int people = 0;
  int weeks = 0;
  int replicates = 0;
  std::vector<std::string> groups;
  std::vector<ProgrammeSpec> programmes;
  // The parameters/ table; experiment task files leave it out (the experiment
  // file gets it from the plan), which halves the cost of writing a task.
  bool parameter_table = true;
};

// Why `path` cannot be a results file, checked before any work starts: it
// exists and is not a regular file (a directory, device, FIFO or socket, which
// is never replaced), or the folder it would be created in is not a writable
// folder (missing folders are created). Empty when it can.
std::string output_target_problem(const std::filesystem::path& path);

class ResultsWriter {
 public:
  // `compact`: write with the HDF5 1.10 file format (smaller object headers and
  // chunk indexes, about a quarter of the size for many small scenarios;
  // readable by HDF5 1.10 and later). Experiments use it; `pathways run` does not.
  // `lock_output`: take the output's lock (false when the caller holds it, or
  // for the task files inside a journal, which the experiment's lock covers).
  explicit ResultsWriter(std::filesystem::path final_path, bool compact = false, bool lock_output = true);
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;

  void begin_scenario(const ScenarioHeader& header, const ParamTable& params);
  void write_replicate(int replicate, const std::vector<WeekCounts>& weekly, const CumulativeTables& tables);
  // Streams the per-person columns of `sim` (one column in memory at a time).
  void write_persons(int replicate, const Simulation& sim);
  // The weekly cost series of one replicate (costs/<category> and costs/total).
  void write_costs(int replicate, const CostSeries& costs);
  void write_programmes(int replicate, const Simulation& sim);
  // Work and housing tables by group (sim/app/io/reintegration_results.hpp).
  // Work, housing and network outcomes of one replicate.
  void write_reintegration(int replicate, const Simulation& sim);
  // The network's edge list as it stands now (network_snapshots/week_<W>).
  void write_network_snapshot(const Simulation& sim);
  // Copies replicate 0 of a one-replicate results file of the same scenario
  // (a task file) into row `replicate` of the current scenario: every
  // [replicates x n] dataset, and persons/replicate_0 as persons/replicate_<replicate>
  // (not person_outcomes, which only the experiment's assembly reads).
  void copy_replicate(const std::filesystem::path& task_file, int replicate);
  void set_replicates_written(int n);
  void write_experiment(const ExperimentInfo& info);
  // The /experiment group written by write_experiment, for kind-specific additions.
  H5::Group experiment_group() { return file_->openGroup("/experiment"); }
  // The current scenario's group, for additions of an experiment's task files
  // (person_outcomes: sim/app/experiment/treated_effects.hpp).
  H5::Group scenario_group() { return *scenario_; }
  // Kind-specific additions to /experiment, with the failure handling of every
  // other write (prefer this to experiment_group()).
  void write_experiment_section(const std::string& doing, const std::function<void(H5::Group&)>& body);
  // Flushes, closes, fsyncs and renames the file into place.
  void commit();
  [[nodiscard]] const std::filesystem::path& part_path() const { return part_path_; }

 private:
  // Runs `body`; an HDF5 or file-system failure in it closes and removes the
  // partial file and throws WriteFailure saying it happened while `doing`.
  template <class Body>
  void guarded(const std::string& doing, Body&& body);
  [[noreturn]] void fail(const std::string& doing, const std::string& reason);
  void close_and_remove();

  std::filesystem::path final_path_, part_path_;
  std::unique_ptr<OutputLock> lock_;
  std::unique_ptr<H5::H5File> file_;
  std::unique_ptr<H5::Group> scenario_;
  ScenarioHeader header_;
  bool committed_ = false;
};

// Program version and git commit, recorded in every file.
std::string program_version();
std::string git_commit();

}  // namespace pw
