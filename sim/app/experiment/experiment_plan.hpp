// What an experiment runs: its scenarios (or design points), the replicates of
// each, the seed stream of each, and a hash of every resolved input.
//
// A task is one (scenario, replicate) run; task t is scenario t / R, replicate
// t % R (R replicates per scenario). The plan is built identically on every MPI
// rank from the command line, so ranks agree on the task list without talking.
//
// Seeds. With common random numbers (the default for `compare`) every scenario
// runs with the baseline's seed S, so the draw for (replicate, person, week,
// purpose) is the same in every scenario and so is the synthetic cohort.
// Without them (`--independent`) scenario k runs with
//     S_k = (S + k * 0x9E3779B1) mod 2^31,
// an odd multiplier, so S_k differs from S_j for every j != k < 2^31; Philox
// streams under different keys are independent.
//
// The inputs hash (FNV-1a 64 over the experiment kind, replicates, seeds, the
// persons option, the program version and git commit, and for each scenario
// its name, its resolved TOML without comment lines and the bytes of its
// population profile) guards resumption: a journal is only resumed by the same
// experiment.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/app/experiment/run_scenario.hpp"
#include "sim/engine/methods/dimension.hpp"

namespace pw {

struct ExperimentScenario {
  std::filesystem::path file;  // as given on the command line
  LoadedScenario loaded;       // with the experiment's overrides applied
  [[nodiscard]] const std::string& name() const { return loaded.meta.name; }
  [[nodiscard]] std::uint32_t seed() const { return static_cast<std::uint32_t>(loaded.params.run.seed); }
};

// The design of a sweep (sweep_spec.hpp): point p of the experiment is
// scenario p of the plan, the base scenario with values[p] applied.
struct SweepDesign {
  std::string design;  // "grid", "lhs" or "sobol"
  std::vector<methods::Dimension> dimensions;
  methods::Design unit_points;          // [points][d], in [0, 1]
  methods::Design values;               // [points][d], in each parameter's internal unit
  std::vector<std::string> set_values;  // [points * d]: the --set value text applied
  std::size_t base_rows = 0;            // sobol: N of the Saltelli design (points = N (d + 2))
  std::uint64_t skip = 0;               // sobol: first Sobol point used
  std::vector<std::string> outputs;     // "measure.group.period", e.g. "return_prison.all.y3"
  std::size_t bootstrap = 1000;
  std::uint64_t analysis_seed = 1;
};

struct ExperimentPlan {
  std::string kind;                           // "compare" or "sweep"
  std::vector<ExperimentScenario> scenarios;  // [0] is the baseline
  int replicates = 1;
  bool common_random_numbers = true;
  PersonsOutput persons = PersonsOutput::FirstReplicate;
  std::string inputs_hash;           // 16 hex digits
  std::optional<SweepDesign> sweep;  // for kind "sweep"

  [[nodiscard]] int tasks() const { return static_cast<int>(scenarios.size()) * replicates; }
  [[nodiscard]] int scenario_of(int task) const { return task / replicates; }
  [[nodiscard]] int replicate_of(int task) const { return task % replicates; }
  [[nodiscard]] bool writes_persons(int task) const {
    return persons == PersonsOutput::All || (persons == PersonsOutput::FirstReplicate && replicate_of(task) == 0);
  }
};

struct CompareOptions {
  std::vector<std::filesystem::path> scenarios;  // first = baseline
  int replicates = 0;                            // 0: the baseline's simulation.replicates
  int people = 0;                                // 0: the baseline's simulation.people
  int weeks = 0;                                 // 0: the baseline's horizon
  long long seed = -1;                           // <0: the baseline's simulation.seed
  bool independent = false;
  std::vector<std::string> sets;  // applied to every scenario
  PersonsOutput persons = PersonsOutput::FirstReplicate;
};

// Loads every scenario (throws ScenarioError naming the file on bad input, and
// when two scenarios share a name or fewer than two are given).
ExperimentPlan plan_compare(const CompareOptions& options);

// S_k above.
std::uint32_t independent_seed(std::uint32_t base, int k);

// Sets plan.inputs_hash from the plan's scenarios and settings.
void hash_inputs(ExperimentPlan& plan);

// A resolved scenario (LoadedScenario::resolved) without its comment lines, which
// name the file as it was typed: what an inputs hash sees, so that resuming does
// not depend on how a path was spelled on the command line.
std::string without_comment_lines(const std::string& resolved_toml);

// FNV-1a 64 of `bytes`, continuing from `h`.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL);

}  // namespace pw
