#include "sim/io/targets.hpp"

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
        throw std::runtime_error(fmt::format("{}:{}: expected the header outcome,group,y1,...", file.string(), line_no));
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

}  // namespace pw
