#include "sim/engine/params/toml_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace pw {

std::string input_file_problem(const std::filesystem::path& file, const std::string& what) {
  std::error_code ec;
  const auto st = std::filesystem::status(file, ec);
  if (st.type() == std::filesystem::file_type::not_found || ec) return fmt::format("missing file: no such {}", what);
  if (std::filesystem::is_directory(st)) return fmt::format("\"{}\" is a directory, not a {}", file.string(), what);
  if (!std::filesystem::is_regular_file(st)) {
    return fmt::format("\"{}\" is not a regular file (a device, FIFO or socket); a {} must be a file", file.string(),
                       what);
  }
  return {};
}

namespace {

// The first key nested deeper or named longer than the limits, depth-bounded.
struct KeyLimitCheck {
  std::string file;
  std::vector<ScenarioIssue>& issues;

  void issue(const toml::node& n, const std::string& key, std::string msg) {
    const std::string shown = key.size() > 80 ? key.substr(0, 80) + "..." : key;
    issues.push_back({file, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column), shown,
                      std::move(msg)});
  }

  // Returns false once a limit is hit (the rest of the document is not checked).
  bool check(const toml::node& node, const std::string& path, std::size_t depth) {
    if (const auto* t = node.as_table()) {
      for (auto&& [k, child] : *t) {
        const std::string sub = path.empty() ? std::string(k.str()) : path + "." + std::string(k.str());
        if (sub.size() > TomlLimits::kMaxKeyChars) {
          issue(child, sub,
                fmt::format("key too long: {} characters as a dotted path; the limit is {}", sub.size(),
                            TomlLimits::kMaxKeyChars));
          return false;
        }
        if (depth + 1 > TomlLimits::kMaxKeyDepth) {
          issue(child, sub,
                fmt::format("key nested too deep: the limit is {} levels of tables and dotted key parts",
                            TomlLimits::kMaxKeyDepth));
          return false;
        }
        if (!check(child, sub, depth + 1)) return false;
      }
    } else if (const auto* a = node.as_array()) {
      // toml++ bounds array and inline-table nesting (256); tables inside arrays count as levels.
      for (const auto& e : *a) {
        if (!check(e, path, depth)) return false;
      }
    }
    return true;
  }
};

}  // namespace

std::optional<toml::table> read_toml_file(const std::filesystem::path& file, const std::string& what,
                                          const ScenarioIssue& context, std::vector<ScenarioIssue>& issues) {
  const std::string name = file.string();
  if (std::string why = input_file_problem(file, what); !why.empty()) {
    ScenarioIssue i = context;
    if (why.starts_with("missing file") && context.line > 0) why += " \"" + name + "\"";
    i.message = std::move(why);
    issues.push_back(std::move(i));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) {
    // At most one byte past the limit: the size is known without reading a huge file (or /dev/zero).
    text.resize(TomlLimits::kMaxFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    issues.push_back({name, 0, 0, "(file)", fmt::format("cannot read the {}", what)});
    return std::nullopt;
  }
  if (text.size() > TomlLimits::kMaxFileBytes) {
    const auto line = std::count(text.begin(), text.end() - 1, '\n') + 1;
    issues.push_back({name, static_cast<int>(line), 1, "(file)",
                      fmt::format("file too large: the limit for a {} is {} bytes, reached on this line", what,
                                  TomlLimits::kMaxFileBytes)});
    return std::nullopt;
  }
  int line = 1;
  for (std::size_t start = 0; start <= text.size(); ++line) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end - start > TomlLimits::kMaxLineChars) {
      issues.push_back(
          {name, line, 1, "(syntax)",
           fmt::format("line too long: {} characters; the limit is {}", end - start, TomlLimits::kMaxLineChars)});
      return std::nullopt;
    }
    start = end + 1;
  }
  toml::table doc;
  try {
    doc = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    issues.push_back({name, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                      "(syntax)", std::string(e.description())});
    return std::nullopt;
  }
  KeyLimitCheck check{name, issues};
  if (!check.check(doc, "", 0)) return std::nullopt;
  return doc;
}

}  // namespace pw
