#include "sim/app/io/targets.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pw {

std::vector<TargetRow> read_targets(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: missing file: cannot open targets", file.string()));
  std::vector<TargetRow> rows;
  std::string line;
  int line_no = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      if (!line.starts_with("outcome,group,y1")) {
        throw std::runtime_error(
            fmt::format("{}:{}: expected the header outcome,group,y1,...", file.string(), line_no));
      }
      header = true;
      continue;
    }
    std::stringstream ss(line);
    TargetRow r;
    std::string cell;
    std::getline(ss, r.outcome, ',');
    std::getline(ss, r.group, ',');
    while (std::getline(ss, cell, ',')) {
      try {
        r.pct_by_year.push_back(std::stod(cell));
      } catch (const std::exception&) {
        throw std::runtime_error(fmt::format("{}:{}: \"{}\" is not a number", file.string(), line_no, cell));
      }
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

namespace {

// The data lines of a CSV file (comments and blank lines skipped), with line numbers; the first is the header.
std::vector<std::pair<int, std::string>> data_lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: missing file: cannot open targets", file.string()));
  std::vector<std::pair<int, std::string>> out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    out.emplace_back(line_no, line);
  }
  return out;
}

}  // namespace

TargetFileKind target_file_kind(const std::filesystem::path& file) {
  const auto lines = data_lines(file);
  if (lines.empty()) return TargetFileKind::Unknown;
  if (lines.front().second.starts_with("outcome,group,y1")) return TargetFileKind::Cumulative;
  if (lines.front().second.starts_with("target,value")) return TargetFileKind::Scalar;
  return TargetFileKind::Unknown;
}

std::vector<ScalarTarget> read_scalar_targets(const std::filesystem::path& file) {
  const auto lines = data_lines(file);
  if (lines.empty() || !lines.front().second.starts_with("target,value")) {
    throw std::runtime_error(fmt::format("{}:{}: expected the header target,value,unit,source", file.string(),
                                         lines.empty() ? 0 : lines.front().first));
  }
  std::vector<ScalarTarget> rows;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const auto& [line_no, line] = lines[k];
    std::stringstream ss(line);
    ScalarTarget t;
    std::string value;
    std::getline(ss, t.name, ',');
    std::getline(ss, value, ',');
    std::getline(ss, t.unit, ',');
    try {
      std::size_t used = 0;
      t.value = std::stod(value, &used);
      if (used != value.size()) throw std::invalid_argument(value);
    } catch (const std::exception&) {
      throw std::runtime_error(fmt::format("{}:{}: \"{}\" is not a number", file.string(), line_no, value));
    }
    if (t.name.empty()) throw std::runtime_error(fmt::format("{}:{}: empty target name", file.string(), line_no));
    rows.push_back(std::move(t));
  }
  return rows;
}

}  // namespace pw
