// Writes one experiment to one HDF5 file (layout: results/README.md).
//
// The file is written as "<name>.part" and renamed over the final name only by
// commit(), so a crash or kill never leaves a truncated results file under the
// final name; a writer destroyed without commit() removes its partial file.
// Replicates are written as they finish, so memory does not grow with reps.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "models/costs/costs.hpp"
#include "models/justice/week_counts.hpp"
#include "models/programmes/programme_spec.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/person_table.hpp"
#include "sim/params/param_table.hpp"

namespace pw {

class Simulation;

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
};

class ResultsWriter {
 public:
  explicit ResultsWriter(std::filesystem::path final_path);
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
  // Work and housing tables by group (sim/io/reintegration_results.hpp).
  void write_reintegration(int replicate, const Simulation& sim);
  // Flushes, closes and renames the file into place.
  void commit();

 private:
  std::filesystem::path final_path_, part_path_;
  std::unique_ptr<H5::H5File> file_;
  std::unique_ptr<H5::Group> scenario_;
  ScenarioHeader header_;
  bool committed_ = false;
};

// Program version and git commit, recorded in every file.
std::string program_version();
std::string git_commit();

}  // namespace pw
