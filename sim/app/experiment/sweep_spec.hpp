// `pathways sweep SPEC.toml`: the spec file and the experiment plan it makes.
//
// A sweep runs one base scenario at the points of a design over parameter
// ranges (grid, Latin hypercube or the Saltelli design for Sobol indices),
// with R replicates per point; every point and replicate is one task of a
// resumable experiment (experiment_runner.hpp). Points apply their values as
// validated --set overrides, so any scalar parameter path or
// programme[NAME].key can be swept. All points share one seed (common random
// numbers), so differences between points are the parameters', not noise.
// The spec format is documented in docs/sweeps.md; examples in scenarios/sweeps/.
// Bad specs throw ScenarioError naming the spec file, line, key and what is
// accepted (exit code 2).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/app/experiment/experiment_plan.hpp"

namespace pw {

struct SweepOptions {
  std::filesystem::path spec;
  int replicates = 0;      // 0: the spec's
  int people = 0;          // 0: the spec's, else the base scenario's
  int weeks = 0;           // 0: the spec's, else the base scenario's horizon
  std::int64_t seed = -1;  // < 0: the spec's, else the base scenario's
  PersonsOutput persons = PersonsOutput::None;
};

ExperimentPlan plan_sweep(const SweepOptions& options);

// "measure.group.period" split in three; throws std::invalid_argument otherwise.
std::array<std::string, 3> split_output(const std::string& output);

}  // namespace pw
