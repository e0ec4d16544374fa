// Reads a TOML scenario file into a ParamTable: every key must be a declared
// parameter (or one of the scenario's own keys: name, description), every value
// must have the declared type, unit and range. All problems in a file are
// collected and reported together; nothing runs on an invalid scenario.
//
// Text parameters whose path ends in "_file" are paths, resolved relative to the
// scenario file that sets them.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/params/param_table.hpp"

namespace pw {

struct ScenarioIssue {
  std::string file;  // "--set" for command-line overrides
  int line = 0;
  int column = 0;
  std::string key;
  std::string message;
  [[nodiscard]] std::string to_string() const;
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<ScenarioIssue> issues);
  [[nodiscard]] const std::vector<ScenarioIssue>& issues() const { return issues_; }

 private:
  std::vector<ScenarioIssue> issues_;
};

struct ScenarioMeta {
  std::string name;         // from `name = ...`, else the file stem
  std::string description;  // from `description = ...`
  std::filesystem::path file;
  std::vector<std::string> overrides;  // the --set arguments applied, in order
};

// Applies the file's values on top of what the table holds. Throws ScenarioError.
ScenarioMeta load_scenario_file(const std::filesystem::path& file, ParamTable& table);

// Applies "path=value" overrides, validated exactly like a file. Throws ScenarioError.
void apply_overrides(const std::vector<std::string>& sets, ParamTable& table, ScenarioMeta& meta);

// The fully resolved scenario as a TOML document: every parameter, with its unit.
std::string resolved_toml(const ScenarioMeta& meta, const ParamTable& table);

// Converts a duration string ("26w", "6mo", "2y", "10d") to weeks; false if malformed.
bool parse_duration_weeks(const std::string& text, double& weeks);
// Converts a rate string ("0.01/w", "0.5/y", "2/mo", "1/d") to per week; false if malformed.
bool parse_rate_per_week(const std::string& text, double& per_week);

}  // namespace pw
