// The design part of a sweep experiment file, and the answer of a sweep: the
// chosen outputs at every point (means over replicates) and, for a Sobol
// design, first- and total-order Sobol indices with bootstrap intervals.
//
// Layout (results/README.md): /experiment/design/ holds the design (attribute
// design, base_rows, skip, bootstrap, analysis_seed; datasets parameters [d],
// lo, hi, log_scale [d], unit_points and values [points x d], set_values
// [points x d] strings, outputs [k]). Point p is the scenario group named by
// /experiment/scenarios[p]. Analysis runs after the sweep, from the file.
#pragma once

#include <H5Cpp.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/engine/methods/sobol_indices.hpp"

namespace pw {

void write_sweep_design(H5::Group& experiment, const SweepDesign& design);

struct SweepOutput {
  std::string name;  // measure.group.period
  std::string unit;
  std::vector<double> values;                  // per point, mean over replicates
  std::optional<methods::SobolIndices> sobol;  // sobol designs only
};

struct SweepResults {
  std::string design;
  std::vector<methods::Dimension> dimensions;
  methods::Design values;           // [points][d]
  std::vector<std::string> points;  // scenario names
  int replicates = 0;
  std::vector<SweepOutput> outputs;
};

// True if the open file is an experiment of kind "sweep".
bool is_sweep(const H5::H5File& file);
// `outputs` empty: the outputs stored in the file. Throws std::runtime_error
// naming the file when it is not a finished sweep or an output is not found.
SweepResults read_sweep(const std::filesystem::path& file, const std::vector<std::string>& outputs = {});
SweepResults read_sweep(const H5::H5File& file, const std::vector<std::string>& outputs = {});

// {"design", "parameters": [{"path", "lo", "hi", "log"}], "points", "replicates",
//  "outputs": {"<output>": {"unit", "mean", "min", "max",
//               "sobol": {"<path>": {"first": {"estimate", "lo", "hi"}, "total": {...}}}}}}
nlohmann::json sweep_json(const SweepResults& r);
std::string format_sweep(const SweepResults& r);
// One row per point: point, each parameter value, each output.
void write_sweep_csv(const SweepResults& r, const std::filesystem::path& csv);

}  // namespace pw
