// The calibration part of a `pathways calibrate` file, and the fit it reports.
//
// A calibration file is a results file (results/README.md) whose one scenario
// is the fit run of the calibrated scenario, with an /experiment group of kind
// "calibrate" and, under it, /experiment/calibration/: the posterior (samples,
// weights, distances of the final population, per-generation tolerance
// schedule and statistics), the fitted parameters (paths, units, prior
// ranges), the point written to the scenario file, the spec and scenario
// texts, and the fit of that point to every target number. Layout in
// results/README.md, "Calibration files". Written once, at the end of a
// calibration (inside the atomic ResultsWriter); read by `pathways inspect`
// and after a run to print the fit.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pw {

struct CalibrationParameter {
  std::string path;
  std::string unit;  // unit_name of the parameter's internal unit
  double lo = 0, hi = 0;
  bool log_scale = false;
  double mean = 0, sd = 0, q05 = 0, median = 0, q95 = 0;  // weighted posterior summaries
  double point = 0;        // the value written to the scenario file (the posterior mean; integers rounded)
  std::string point_text;  // as written, in scenario syntax
};

struct CalibrationGeneration {
  double tolerance = 0;  // RMSE, percentage points
  std::int64_t accepted = 0, attempts = 0, evaluations = 0;
  double acceptance_rate = 0, ess = 0;
};

struct CalibrationFitRow {
  std::string id, file;
  double target = 0, simulated = 0, error = 0, weight = 1;  // percent; error = simulated - target
};

struct CalibrationRecord {
  std::string name;
  std::string method;  // "smc" or "rejection"
  std::string kernel;  // smc: "olcm" or "global" (abc_kernel.hpp); empty for rejection
  std::string stop_reason;
  std::string spec_file, spec_toml;
  std::string base_scenario;
  std::string scenario_file, scenario_toml;  // the scenario written with the posterior point
  std::string point_rule = "weighted posterior mean";
  std::int64_t seed = 0, people = 0, replicates = 0, weeks = 0, particles = 0, evaluations = 0;
  std::vector<CalibrationParameter> parameters;
  std::vector<std::vector<double>> samples;  // [particles][d]
  std::vector<double> weights, distances;    // [particles]
  std::vector<CalibrationGeneration> generations;
  std::vector<CalibrationFitRow> fit;
  double fit_rmse = 0;  // weighted RMSE of the fit run, percentage points
  std::int64_t fit_replicates = 0;
};

void write_calibration(H5::Group& experiment, const CalibrationRecord& record);

// True if the open file is an experiment of kind "calibrate".
bool is_calibration(const H5::H5File& file);
// Throws std::runtime_error when the file holds no calibration.
CalibrationRecord read_calibration(const H5::H5File& file);
CalibrationRecord read_calibration(const std::filesystem::path& file);

// {"name", "method", "stop_reason", "particles", "evaluations", "people", "replicates", "seed",
//  "tolerances": [per generation], "parameters": [{"path", "unit", "lo", "hi", "log", "mean", "sd",
//  "q05", "median", "q95", "point", "point_text"}], "fit": {"rmse", "rows": [{"id", "file",
//  "target", "simulated", "error", "weight"}]}, "scenario_file"}
nlohmann::json calibration_json(const CalibrationRecord& r);
// The posterior table and the fit table with the RMSE, for the terminal.
std::string format_calibration(const CalibrationRecord& r);

}  // namespace pw
