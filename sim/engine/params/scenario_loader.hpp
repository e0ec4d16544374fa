// Reads a TOML scenario file into a ParamTable: every key must be a declared
// parameter (or one of the scenario's own keys: name, description), every value
// must have the declared type, unit and range. All problems in a file are
// collected and reported together; nothing runs on an invalid scenario.
//
// Text parameters whose path ends in "_file" are paths, resolved relative to the
// scenario file that sets them.
//
// Inheritance: `extends = "baseline.toml"` (relative to the file) loads that
// scenario first, then this file's values on top; chains are allowed and a
// cycle is an error. `name` and `description` are not inherited.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/params/collection.hpp"
#include "sim/engine/params/param_table.hpp"

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
  // `source` names what the files are in the first line ("2 problems in scenario:"):
  // "scenario", or "spec file" for sweep and calibration specs.
  explicit ScenarioError(std::vector<ScenarioIssue> issues, std::string_view source = "scenario");
  [[nodiscard]] const std::vector<ScenarioIssue>& issues() const { return issues_; }

 private:
  std::vector<ScenarioIssue> issues_;
};

struct ScenarioMeta {
  std::string name;         // from `name = ...`, else the file stem
  std::string description;  // from `description = ...`
  std::filesystem::path file;
  std::vector<std::filesystem::path> chain;  // files extended, root first (e.g. baseline.toml)
  std::vector<std::string> overrides;        // the --set arguments applied, in order
  // Where each *_file key was last set: file (or "--set"), line, column and key.
  // A *_file parameter missing here still holds its default.
  std::map<std::string, ScenarioIssue> file_keys;
};

// Applies the file's values on top of what the table holds. Throws ScenarioError.
ScenarioMeta load_scenario_file(const std::filesystem::path& file, ParamTable& table,
                                const std::vector<Collection*>& collections = {});

// Applies "path=value" overrides, validated exactly like a file. Throws ScenarioError.
// "programme[NAME].key=value" sets a key of an existing collection entry.
void apply_overrides(const std::vector<std::string>& sets, ParamTable& table, ScenarioMeta& meta,
                     const std::vector<Collection*>& collections = {});

// The fully resolved scenario as a TOML document: every parameter, with its unit.
std::string resolved_toml(const ScenarioMeta& meta, const ParamTable& table,
                          const std::vector<Collection*>& collections = {});

}  // namespace pw
