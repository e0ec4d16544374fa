// Cumulative recidivism targets (data/calibration/bjs-2008-24-states.csv):
// rows of outcome, group and the cumulative percent at the end of years 1..5.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pw {

struct TargetRow {
  std::string outcome;
  std::string group;
  std::vector<double> pct_by_year;
};

// Throws std::runtime_error naming file and line on malformed input.
std::vector<TargetRow> read_targets(const std::filesystem::path& file);

}  // namespace pw
