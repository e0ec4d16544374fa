#include "sim/io/outcome_measures.hpp"

#include <fmt/format.h>

#include "models/costs/costs.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "sim/io/h5_util.hpp"

namespace pw {


void read_cumulative_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  const auto months = h5::read_int_attr(g, "months");
  const auto cg = g.openGroup("cumulative_pct");
  for (const auto& group : h5::read_strings(g, "groups")) {
    const auto gg = cg.openGroup(group);
    for (const auto outcome : kOutcomes) {
      hsize_t rows = 0, cols = 0;
      const auto m = h5::read_matrix_double(gg.openDataSet(std::string(outcome)), rows, cols);
      for (std::int64_t month = 12; month <= months; month += 12) {
        MeasureRow row{std::string(outcome), group, fmt::format("y{}", month / 12), "pct", {}};
        for (int r = 0; r < reps; ++r) row.per_replicate.push_back(m[static_cast<hsize_t>(r) * cols + static_cast<hsize_t>(month - 1)]);
        out.push_back(std::move(row));
      }
    }
  }
}

void read_cost_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  if (!g.nameExists("costs")) return;
  const auto cg = g.openGroup("costs");
  const double people = static_cast<double>(h5::read_int_attr(g, "people"));
  // Per replicate, the follow-up sum of one category, per released person.
  const auto per_person = [&](std::string_view name) {
    hsize_t rows = 0, cols = 0;
    const auto m = h5::read_matrix_double(cg.openDataSet(std::string(name)), rows, cols);
    std::vector<double> v(static_cast<std::size_t>(reps), 0.0);
    for (int r = 0; r < reps; ++r) {
      for (hsize_t t = 0; t < cols; ++t) v[static_cast<std::size_t>(r)] += m[static_cast<hsize_t>(r) * cols + t];
      v[static_cast<std::size_t>(r)] /= people;
    }
    return v;
  };
  const std::string unit = fmt::format("USD {} per person", kPriceBaseYear);
  std::vector<double> pub(static_cast<std::size_t>(reps), 0.0);
  for (const auto& c : kCostCategories) {
    if (c.name == "victim") continue;
    const auto v = per_person(c.name);
    for (std::size_t r = 0; r < pub.size(); ++r) pub[r] += v[r];
  }
  out.push_back({std::string(kCostMeasures[0]), "all", "follow-up", unit, pub});
  out.push_back({std::string(kCostMeasures[1]), "all", "follow-up", unit, per_person("victim")});
  out.push_back({std::string(kCostMeasures[2]), "all", "follow-up", unit, per_person(kCostTotalName)});
}

void read_event_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  const auto wg = g.openGroup("weekly");
  const double people = static_cast<double>(h5::read_int_attr(g, "people"));
  for (const auto& e : kEventMeasures) {
    MeasureRow row{std::string(e.name), "all", "follow-up", "per person", std::vector<double>(static_cast<std::size_t>(reps), 0.0)};
    for (const auto series : e.series) {
      if (series.empty()) continue;
      hsize_t rows = 0, cols = 0;
      const auto m = h5::read_matrix_double(wg.openDataSet(std::string(series)), rows, cols);
      for (int r = 0; r < reps; ++r) {
        for (hsize_t t = 0; t < cols; ++t) row.per_replicate[static_cast<std::size_t>(r)] += m[static_cast<hsize_t>(r) * cols + t];
      }
    }
    for (auto& v : row.per_replicate) v /= people;
    out.push_back(std::move(row));
  }
}

std::vector<std::string> known_measures() {
  std::vector<std::string> out;
  for (const auto o : kOutcomes) out.emplace_back(o);
  for (const auto c : kCostMeasures) out.emplace_back(c);
  for (const auto& e : kEventMeasures) out.emplace_back(e.name);
  return out;
}

std::vector<MeasureRow> read_measures(const H5::Group& scenario, int reps) {
  std::vector<MeasureRow> out;
  for (const auto& s : kMeasureSources) s.read(scenario, reps, out);
  return out;
}

}  // namespace pw
