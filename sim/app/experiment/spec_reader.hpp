// Reading experiment spec files (sweep and calibration specs, TOML): typed
// getters that collect every problem as a ScenarioIssue naming the file,
// line, column and key, and the parameter schema lookup both specs validate
// parameter paths against. Runs once, when a spec is loaded; all problems are
// reported together (ScenarioError, exit code 2), as the scenario loader does.
#pragma once

#include <fmt/format.h>

#include <toml++/toml.h>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/engine/methods/dimension.hpp"
#include "sim/engine/params/param.hpp"
#include "sim/engine/params/scenario_loader.hpp"

namespace pw {

struct SpecReader {
  std::string file;
  std::vector<ScenarioIssue> issues;
  const toml::table* root = nullptr;  // the spec, once parsed: issue(key, msg) finds the key's line in it

  void issue(const toml::node& n, const std::string& key, std::string msg);
  // At the top-level `key`'s line when the spec has that key, else at line 1.
  void issue(const std::string& key, std::string msg);

  // The value of `key`, if present and of type T (double accepts integers);
  // a value of another type is an issue saying what was `expected`.
  template <class T>
  std::optional<T> get(const toml::table& t, const std::string& key, const char* expected) {
    const auto* n = t.get(key);
    if (n == nullptr) return std::nullopt;
    if constexpr (std::is_same_v<T, double>) {
      if (const auto v = n->value<double>()) return *v;  // integers are accepted as reals
    } else if constexpr (std::is_same_v<T, bool>) {
      if (const auto v = n->value_exact<bool>()) return *v;
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      if (const auto v = n->value_exact<std::int64_t>()) return *v;
    } else {
      if (const auto v = n->value_exact<std::string>()) return *v;
    }
    issue(*n, key, fmt::format("wrong type: expected {}", expected));
    return std::nullopt;
  }

  std::vector<std::string> strings(const toml::table& t, const std::string& key);
  std::vector<double> numbers(const toml::table& t, const std::string& key);
  // An issue at the spec's `scenario` key when the base scenario it names
  // (relative to the spec's folder) is not a readable file; true when it is.
  bool base_scenario_exists(const std::filesystem::path& base);
  void unknown_keys(const toml::table& t, const std::set<std::string>& accepted, const std::string& where);
};

// Parses a spec file within TomlLimits: a missing file, a TOML syntax error or a
// limit exceeded throws ScenarioError naming it (`what` says which kind of spec,
// e.g. "sweep spec").
toml::table parse_spec_file(const std::filesystem::path& file, const std::string& what);

// What a parameter path accepts, from the schema (scalar or programme[NAME].key).
struct PathInfo {
  ParamInfo info;
  bool found = false;
  bool programme = false;  // a programme[NAME].key path
  std::string nearest;     // "did you mean", when not found
};
PathInfo lookup_parameter(const std::string& path);

// One [[parameter]] table's path, lo, hi and log, checked against the schema.
struct RangedParameter {
  methods::Dimension dimension;
  ParamInfo info;
  bool programme = false;  // a programme[NAME].key path
};
// Issues (on rd) for missing keys, an unknown path ("did you mean"), a
// non-numeric parameter (`verb`: "swept", "calibrated"), a range outside the
// parameter's own or an invalid range. Returns nothing when the table names
// no usable parameter; a parameter with a bad range is still returned.
std::optional<RangedParameter> read_parameter_range(SpecReader& rd, const toml::node& node, const toml::table& table,
                                                    const std::string& verb);

}  // namespace pw
