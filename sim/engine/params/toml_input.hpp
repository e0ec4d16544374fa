// Reading a TOML input file (a scenario, a sweep or calibration spec) within
// fixed limits, before and after toml++ parses it, so that absurd input is an
// error with file:line instead of a crash or a hang:
//   - the file must be a regular file (not a directory, device or FIFO) of at
//     most kMaxFileBytes;
//   - no line may be longer than kMaxLineChars (this also bounds how deep a
//     dotted table header such as [a.a.a....] can make toml++ nest tables);
//   - no key may be nested deeper than kMaxKeyDepth tables, nor be longer than
//     kMaxKeyChars as a dotted path. The check walks the parsed document with a
//     depth-bounded recursion, so callers may then walk it recursively.
// Runs once per file, when it is loaded.
#pragma once

#include <toml++/toml.h>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/params/scenario_loader.hpp"

namespace pw {

struct TomlLimits {
  static constexpr std::size_t kMaxFileBytes = 1 << 20;  // 1 MiB; the shipped scenarios are under 4 KB
  static constexpr std::size_t kMaxLineChars = 10000;    // bytes per line
  static constexpr std::size_t kMaxKeyDepth = 8;         // tables; the deepest parameter has 3 parts
  static constexpr std::size_t kMaxKeyChars = 200;       // dotted path; the longest parameter is under 60
  static constexpr std::size_t kMaxIssues = 100;         // problems reported per file before the rest are cut
};

// Why `file` cannot be read as a `what` (e.g. "scenario file"): missing, a
// directory, or not a regular file; empty when it is a regular file.
std::string input_file_problem(const std::filesystem::path& file, const std::string& what);

// Parses `file`. On any problem appends issues (naming `file`, or `context`'s
// file, line and key when the file itself cannot be opened) and returns nothing.
std::optional<toml::table> read_toml_file(const std::filesystem::path& file, const std::string& what,
                                          const ScenarioIssue& context, std::vector<ScenarioIssue>& issues);

}  // namespace pw
