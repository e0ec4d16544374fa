// `pathways run`: one scenario, R replicates, one results file.
//
// Replicates run one after another, each on all threads, and are written to the
// file as they finish. Command-line settings (--people, --seed...) are applied
// as validated overrides, exactly like --set, and recorded in the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/model_params.hpp"
#include "sim/engine/params/scenario_loader.hpp"

namespace pw {

enum class PersonsOutput { FirstReplicate, All, None };

struct RunOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;  // empty: results/<scenario name>.h5
  std::vector<std::string> sets;
  int threads = 0;  // 0: all cores
  PersonsOutput persons = PersonsOutput::FirstReplicate;
  bool progress = false;  // done/total, rate and ETA on stderr when it is a terminal
};

struct LoadedScenario {
  ModelParams params;
  ScenarioMeta meta;
  std::string resolved;
};

// Defaults, then the file, then the overrides. Throws ScenarioError.
LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& sets);

class Simulation;

// Programme, problem-solving-court and volunteer-mentor spending per week so
// far (USD 2023): participant-weeks (mentee-weeks) times the cost per
// participant-week (network.mentors.cost_per_mentee_week); pre-release courses,
// delivered before release, count in week 0. Also used by the viewer.
std::vector<double> programme_costs_by_week(const Simulation& sim);

// docs/parameters.md: every scalar parameter and every [[programme]] key.
std::string parameter_reference_markdown();

struct ScenarioHeader;
class ResultsWriter;

// Writes row `replicate` of a finished simulation: programmes, work and
// housing, costs, the weekly series and cumulative tables (not the persons).
void write_replicate_results(ResultsWriter& writer, int replicate, const Simulation& sim);

// The results-file header of a loaded scenario with `replicates` rows.
ScenarioHeader scenario_header(const LoadedScenario& s, const std::filesystem::path& file, int replicates);

// Runs and writes the results file; returns its path.
std::filesystem::path run_scenario(const RunOptions& options);

}  // namespace pw
