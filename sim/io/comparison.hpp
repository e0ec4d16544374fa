// The answer of a `compare` experiment: for every alternative scenario and
// every outcome measure (outcome_measures.hpp), the paired difference against
// the baseline over replicates, with its 95% interval (paired_stats.hpp).
//
// Read from a finished experiment file (kind "compare"), so `pathways compare`,
// `pathways inspect` and the CSV all show the same numbers. Units: those of
// the measure (percentage points for the cumulative percents, USD 2023 per
// person for costs).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/experiment/paired_stats.hpp"
#include "sim/io/outcome_measures.hpp"

namespace pw {

struct ComparisonRow {
  std::string scenario;  // the alternative
  std::string measure, group, period, unit;
  PairedDifference diff;  // alternative minus baseline
};

struct Comparison {
  std::string baseline;
  bool common_random_numbers = true;
  int replicates = 0;
  std::int64_t people = 0;
  std::vector<std::string> scenarios;  // [0] is the baseline
  std::vector<ComparisonRow> rows;     // every alternative, every measure
};

// True if the open file is an experiment of kind "compare".
bool is_comparison(const H5::H5File& file);
// Throws std::runtime_error naming the file if it is not a compare experiment.
Comparison read_comparison(const std::filesystem::path& file);
Comparison read_comparison(const H5::H5File& file);

// {"<scenario>": {"<group>": {"<measure>": [{"mean", "lo", "hi"} per period]}}}
// (lo and hi are null with one replicate).
nlohmann::json vs_baseline_json(const Comparison& c);

// The readable terminal table: the main rows for each alternative.
std::string format_comparison(const Comparison& c);

// Every row: scenario, baseline, measure, group, period, unit, replicates,
// baseline_mean, scenario_mean, difference, sd, lo, hi, significant.
void write_comparison_csv(const Comparison& c, const std::filesystem::path& csv);

}  // namespace pw
