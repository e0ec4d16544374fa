// `pathways calibrate SPEC.toml`: the calibration spec file (format:
// docs/calibration.md, "Calibration spec"; examples in scenarios/calibration/).
//
// A spec names a base scenario, the parameters to fit (each a scenario
// parameter path with a prior range [lo, hi], uniform or log-uniform, inside
// the range the parameter schema allows), the target rows to fit them to
// (default: every row of the base scenario's report.targets_file and of
// other-targets.csv beside it), an ABC method (ABC-SMC or rejection), its
// kernel and budget, the size of each evaluation (people, replicates, weeks),
// the seed, and whether every evaluation simulates that one seed (common
// random numbers). Parameter values are in each parameter's internal unit (rates per
// week, durations in weeks, probabilities in [0, 1], money in USD 2023).
// Read once, when the command starts; every problem in the file is reported
// together as a ScenarioError naming file, line, column, key and what is
// accepted (exit code 2).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/engine/methods/abc.hpp"
#include "sim/engine/methods/dimension.hpp"
#include "sim/engine/params/param.hpp"

namespace pw {

// Rows of one target file to fit, and the weight of each of their numbers.
struct TargetSelection {
  std::filesystem::path file;     // resolved (relative to the spec, or the base scenario's report.targets_file)
  std::vector<std::string> rows;  // empty: every row; else "outcome.group" or a scalar target's name
  double weight = 1.0;            // > 0
};

// smc: population Monte Carlo (abc_smc.hpp); smc-mcmc: ABC-SMC with MCMC moves (abc_smc_mcmc.hpp).
enum class CalibrationMethod { Smc, SmcMcmc, Rejection };

struct CalibrationSpec {
  std::filesystem::path file;  // the spec file
  std::string text;            // its bytes, recorded in the output
  std::string name;            // default: the spec file's stem
  std::string description;
  std::filesystem::path scenario;              // the base scenario, resolved against the spec's folder
  std::vector<std::string> sets;               // path=value overrides applied to every evaluation
  std::vector<methods::Dimension> dimensions;  // the fitted parameters and their prior ranges
  std::vector<ParamInfo> parameter_info;       // schema of each fitted parameter (unit, type)
  std::vector<TargetSelection> targets;        // resolved; never empty after reading

  CalibrationMethod method = CalibrationMethod::Smc;
  std::size_t particles = 100;                           // smc: population size; rejection: draws kept (nearest)
  std::uint32_t generations = 8;                         // smc: at most, including generation 0
  double alpha = 0.5;                                    // smc: adaptive tolerance quantile
  methods::AbcKernel kernel = methods::AbcKernel::Olcm;  // smc: perturbation kernel
  std::vector<double> tolerances;                        // smc: explicit schedule for generations 1, 2, ... (RMSE, pp)
  double tolerance = 0.0;                                // smc: stop once a generation's tolerance <= this (pp);
                           // rejection: keep draws within it instead of the nearest `particles`
  double min_acceptance_rate = 0.02;  // smc: a generation needing more than particles / this proposals stops the run
  std::uint64_t max_evaluations = 0;  // smc: total proposals simulated, at most (0: no limit);
                                      // rejection: prior draws simulated (required)
  std::uint32_t max_moves = 8;        // smc-mcmc: move rounds per generation, at most
  double moves_per_particle = 1.0;    // smc-mcmc: accepted moves per particle wanted per generation

  int people = 0;          // per evaluation; 0: the base scenario's
  int replicates = 1;      // per evaluation (the distance uses the mean over replicates)
  int weeks = 0;           // 0: the base scenario's horizon
  std::uint64_t seed = 1;  // keys every proposal and every simulation seed
  // Every evaluation simulates with the same seed (`seed`), so distances differ only through the
  // parameters: the distance is a smooth function of them and the tolerance can fall to the fit of
  // the best point instead of stalling at the cohort's sampling noise. Off: each evaluation its own seed.
  bool common_random_numbers = false;

  // Proposals per generation at most (smc), or in all (rejection): the journal's index range per generation.
  [[nodiscard]] std::uint64_t attempts_per_generation() const;
  [[nodiscard]] std::uint32_t max_generations() const;
};

// Reads and validates a spec; `people` > 0 overrides the spec's (command line).
// Throws ScenarioError with every problem found.
CalibrationSpec read_calibration_spec(const std::filesystem::path& file, int people = 0);

std::string to_string(CalibrationMethod m);

}  // namespace pw
