// Calibration target tables (data/calibration/), read once when a table is
// printed or a calibration starts:
//  - cumulative recidivism targets (bjs-2008-24-states.csv): rows of outcome,
//    group and the cumulative percent at the end of years 1..5 (header
//    "outcome,group,y1,...");
//  - scalar targets (other-targets.csv): rows of target name, value, unit and
//    source (header "target,value,unit,source"; the source may be quoted).
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

struct ScalarTarget {
  std::string name;
  double value = 0;
  std::string unit;  // e.g. "percent"
};

// Throws std::runtime_error naming file and line on malformed input.
std::vector<ScalarTarget> read_scalar_targets(const std::filesystem::path& file);

// Which kind of table a targets file holds, from its header line.
enum class TargetFileKind { Cumulative, Scalar, Unknown };
TargetFileKind target_file_kind(const std::filesystem::path& file);

}  // namespace pw
