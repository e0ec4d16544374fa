#include "sim/app/experiment/calibration_targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/reintegration_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/io/targets.hpp"

namespace pw {

namespace {

struct ScalarReader {
  int min_weeks;
  std::function<double(const GroupReintegration&)> read;
};

// other-targets.csv name -> the model's statistic for the whole cohort (reintegration_tables.hpp).
const std::map<std::string, ScalarReader>& scalar_readers() {
  static const std::map<std::string, ScalarReader> readers = {
      {"any_formal_earnings_first_full_year",
       {78, [](const GroupReintegration& g) { return g.any_earnings_first_full_year_pct; }}},
      {"ever_employed_by_month_8",
       {week_ending_month(8), [](const GroupReintegration& g) { return g.ever_employed_pct.at(7); }}},
      {"employed_at_month_8", {week_ending_month(8), [](const GroupReintegration& g) { return g.employed_pct.at(7); }}},
      {"entered_shelter_within_24_months", {104, [](const GroupReintegration& g) { return g.shelter_within_24m_pct; }}},
      {"reincarcerated_among_shelter_entrants",
       {104, [](const GroupReintegration& g) { return g.reincarcerated_among_shelter_entrants_pct; }}},
  };
  return readers;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::vector<std::string> scalar_target_names() {
  std::vector<std::string> out;
  for (const auto& [name, reader] : scalar_readers()) out.push_back(name);
  return out;
}

std::vector<TargetPoint> target_points(const TargetSelection& sel) {
  const std::string fname = sel.file.filename().string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(sel.file, ec)) {
    throw std::invalid_argument(fmt::format("{}: missing file: no such target file", sel.file.string()));
  }
  std::vector<TargetPoint> points;
  std::vector<std::string> available;
  std::set<std::string> wanted(sel.rows.begin(), sel.rows.end());
  const auto chosen = [&](const std::string& row) { return sel.rows.empty() || wanted.count(row) > 0; };
  try {
    switch (target_file_kind(sel.file)) {
      case TargetFileKind::Cumulative: {
        const auto groups = standard_group_names();
        for (const auto& r : read_targets(sel.file)) {
          const std::string row = r.outcome + "." + r.group;
          available.push_back(row);
          if (!chosen(row)) continue;
          const auto o = std::find(kOutcomes.begin(), kOutcomes.end(), r.outcome);
          if (o == kOutcomes.end()) {
            throw std::invalid_argument(
                fmt::format("{}: row {}: unknown outcome \"{}\"; the model reports arrest, "
                            "conviction, return_prison",
                            sel.file.string(), row, r.outcome));
          }
          if (std::find(groups.begin(), groups.end(), r.group) == groups.end()) {
            throw std::invalid_argument(fmt::format("{}: row {}: the model has no group \"{}\"; groups: {}",
                                                    sel.file.string(), row, r.group, joined(groups)));
          }
          for (std::size_t y = 0; y < r.pct_by_year.size(); ++y) {
            TargetPoint p;
            p.id = fmt::format("{}.y{}", row, y + 1);
            p.file = fname;
            p.target = r.pct_by_year[y];
            p.weight = sel.weight;
            p.year = static_cast<int>(y + 1);
            p.min_weeks = week_ending_month(12 * p.year);
            p.group = r.group;
            p.outcome = static_cast<std::size_t>(o - kOutcomes.begin());
            points.push_back(std::move(p));
          }
        }
        break;
      }
      case TargetFileKind::Scalar: {
        for (const auto& t : read_scalar_targets(sel.file)) {
          available.push_back(t.name);
          if (!chosen(t.name)) continue;
          const auto it = scalar_readers().find(t.name);
          if (it == scalar_readers().end()) {
            throw std::invalid_argument(
                fmt::format("{}: target \"{}\" has no model counterpart; understood: {} (list "
                            "the rows to fit with rows = [...])",
                            sel.file.string(), t.name, joined(scalar_target_names())));
          }
          TargetPoint p;
          p.id = t.name;
          p.file = fname;
          p.target = t.value;
          p.weight = sel.weight;
          p.cumulative = false;
          p.scalar = t.name;
          p.min_weeks = it->second.min_weeks;
          points.push_back(std::move(p));
        }
        break;
      }
      case TargetFileKind::Unknown:
        throw std::invalid_argument(
            fmt::format("{}: not a target table: the header must be outcome,group,y1,... "
                        "(cumulative percentages) or target,value,unit,source",
                        sel.file.string()));
    }
  } catch (const std::runtime_error& e) {
    throw std::invalid_argument(e.what());
  }
  std::vector<std::string> missing;
  for (const auto& r : sel.rows) {
    if (std::find(available.begin(), available.end(), r) == available.end()) missing.push_back("\"" + r + "\"");
  }
  if (!missing.empty()) {
    throw std::invalid_argument(
        fmt::format("{}: no row {} in this file; rows: {}", sel.file.string(), joined(missing), joined(available)));
  }
  if (points.empty()) throw std::invalid_argument(fmt::format("{}: no target rows", sel.file.string()));
  return points;
}

std::vector<TargetPoint> target_points(const std::vector<TargetSelection>& selections) {
  std::vector<TargetPoint> all;
  for (const auto& s : selections) {
    auto p = target_points(s);
    all.insert(all.end(), p.begin(), p.end());
  }
  return all;
}

std::vector<double> simulated_values(const std::vector<TargetPoint>& points, const Simulation& sim) {
  const bool any_cumulative = std::any_of(points.begin(), points.end(), [](const auto& p) { return p.cumulative; });
  const bool any_scalar = std::any_of(points.begin(), points.end(), [](const auto& p) { return !p.cumulative; });
  CumulativeTables cum;
  ReintegrationTables reint;
  if (any_cumulative) cum = cumulative_tables(sim);
  if (any_scalar) reint = reintegration_tables(sim);
  std::vector<double> out;
  out.reserve(points.size());
  for (const auto& p : points) {
    if (p.cumulative) {
      const auto g = std::find(cum.groups.begin(), cum.groups.end(), p.group);
      if (g == cum.groups.end()) throw std::runtime_error("calibration: no group " + p.group + " in the model tables");
      const auto& curve = cum.pct[static_cast<std::size_t>(g - cum.groups.begin())][p.outcome];
      out.push_back(curve.at(static_cast<std::size_t>(12 * p.year - 1)));
    } else {
      const auto g = std::find(reint.groups.begin(), reint.groups.end(), "all");
      if (g == reint.groups.end())
        throw std::runtime_error("calibration: no group \"all\" in the work and housing tables");
      out.push_back(
          scalar_readers().at(p.scalar).read(reint.by_group[static_cast<std::size_t>(g - reint.groups.begin())]));
    }
  }
  return out;
}

double target_distance(const std::vector<TargetPoint>& points, const std::vector<double>& model) {
  if (model.size() != points.size())
    throw std::invalid_argument("target_distance: one model value per target is needed");
  double sum = 0, weights = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double e = model[i] - points[i].target;
    sum += points[i].weight * e * e;
    weights += points[i].weight;
  }
  return std::sqrt(sum / weights);
}

}  // namespace pw
