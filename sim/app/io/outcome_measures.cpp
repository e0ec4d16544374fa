#include "sim/app/io/outcome_measures.hpp"

#include <fmt/format.h>

#include "models/costs/costs.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/reintegration_tables.hpp"
#include "sim/app/io/h5_util.hpp"

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
        for (int r = 0; r < reps; ++r)
          row.per_replicate.push_back(m[static_cast<hsize_t>(r) * cols + static_cast<hsize_t>(month - 1)]);
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
  for (const auto& c : kCostCategories) {
    if (c.name != "victim" && cg.nameExists(std::string(c.name))) {  // victim is a row above
      out.push_back({fmt::format("cost_{}_per_person", c.name), "all", "follow-up", unit, per_person(c.name)});
    }
  }
}

void read_event_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  const auto wg = g.openGroup("weekly");
  const double people = static_cast<double>(h5::read_int_attr(g, "people"));
  for (const auto& e : kEventMeasures) {
    MeasureRow row{std::string(e.name), "all", "follow-up", "per person",
                   std::vector<double>(static_cast<std::size_t>(reps), 0.0)};
    for (const auto series : e.series) {
      if (series.empty()) continue;
      hsize_t rows = 0, cols = 0;
      const auto m = h5::read_matrix_double(wg.openDataSet(std::string(series)), rows, cols);
      for (int r = 0; r < reps; ++r) {
        for (hsize_t t = 0; t < cols; ++t)
          row.per_replicate[static_cast<std::size_t>(r)] += m[static_cast<hsize_t>(r) * cols + t];
      }
    }
    for (auto& v : row.per_replicate) v /= people;
    out.push_back(std::move(row));
  }
}

void read_reintegration_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  if (!g.nameExists("employment") || !g.nameExists("housing")) return;  // files written before issue 4
  const auto eg = g.openGroup("employment");
  const auto hg = g.openGroup("housing");
  const auto matrix = [](const H5::Group& grp, const std::string& name, hsize_t& cols) {
    hsize_t rows = 0;
    return h5::read_matrix_double(grp.openDataSet(name), rows, cols);
  };
  const auto n = static_cast<std::size_t>(reps);
  for (hsize_t k = 0; k < eg.getNumObjs(); ++k) {
    const std::string group = eg.getObjnameByIdx(k);
    const auto e = eg.openGroup(group);
    const auto h = hg.openGroup(group);
    hsize_t months = 0, one = 0, c2 = 0, c3 = 0;
    const auto employed = matrix(e, "employed_pct", months);
    const auto ever = matrix(e, "ever_employed_pct", c2);
    const auto shelter_now = matrix(h, "shelter_pct", c3);
    const auto street_now = matrix(h, "street_pct", c3);
    for (hsize_t m = 12; m <= months; m += 12) {
      const std::string period = fmt::format("y{}", m / 12);
      MeasureRow emp{"employed_pct", group, period, "pct", std::vector<double>(n)};
      MeasureRow evr{"ever_employed_pct", group, period, "pct", std::vector<double>(n)};
      MeasureRow hom{"homeless_pct", group, period, "pct", std::vector<double>(n)};
      for (std::size_t r = 0; r < n; ++r) {
        const auto at = static_cast<hsize_t>(r) * months + m - 1;
        emp.per_replicate[r] = employed[at];
        evr.per_replicate[r] = ever[at];
        hom.per_replicate[r] = shelter_now[at] + street_now[at];
      }
      out.push_back(std::move(emp));
      out.push_back(std::move(evr));
      out.push_back(std::move(hom));
    }
    const auto scalar = [&](const H5::Group& grp, const std::string& dataset, const char* measure) {
      const auto v = matrix(grp, dataset, one);
      MeasureRow row{measure, group, "follow-up", "pct", std::vector<double>(n)};
      for (std::size_t r = 0; r < n; ++r) row.per_replicate[r] = v[static_cast<hsize_t>(r) * one];
      out.push_back(std::move(row));
    };
    scalar(e, "any_earnings_first_full_year_pct", "any_formal_earnings_pct");
    scalar(h, "shelter_within_24m_pct", "shelter_within_24m_pct");
  }
  const auto wg = g.openGroup("weekly");
  if (!wg.nameExists("earnings_usd")) return;
  const double people = static_cast<double>(h5::read_int_attr(g, "people"));
  hsize_t rows = 0, cols = 0;
  const auto m = h5::read_matrix_double(wg.openDataSet("earnings_usd"), rows, cols);
  MeasureRow row{"earnings_per_person", "all", "follow-up", fmt::format("USD {} per person", kPriceBaseYear),
                 std::vector<double>(n, 0.0)};
  for (std::size_t r = 0; r < n; ++r) {
    for (hsize_t t = 0; t < cols; ++t) row.per_replicate[r] += m[static_cast<hsize_t>(r) * cols + t];
    row.per_replicate[r] /= people;
  }
  out.push_back(std::move(row));
}

void read_coordination_measures(const H5::Group& g, int reps, std::vector<MeasureRow>& out) {
  if (!g.nameExists("coordination")) return;  // files written before models/coordination
  const auto c = g.openGroup("coordination").openGroup("all");
  const auto n = static_cast<std::size_t>(reps);
  for (const auto* name : kCoordinationSeries) {
    hsize_t rows = 0, months = 0;
    const auto m = h5::read_matrix_double(c.openDataSet(name), rows, months);
    for (const hsize_t month : {1, 3, 8, 12}) {
      if (month > months) continue;
      MeasureRow row{name, "all", month == 12 ? std::string("y1") : fmt::format("m{}", month), "pct",
                     std::vector<double>(n)};
      for (std::size_t r = 0; r < n; ++r) row.per_replicate[r] = m[static_cast<hsize_t>(r) * months + month - 1];
      out.push_back(std::move(row));
    }
  }
}

std::vector<std::string> known_measures() {
  std::vector<std::string> out;
  for (const auto o : kOutcomes) out.emplace_back(o);
  for (const auto c : kCostMeasures) out.emplace_back(c);
  for (const auto& c : kCostCategories) {
    if (c.name != "victim") out.push_back(fmt::format("cost_{}_per_person", c.name));
  }
  for (const auto& e : kEventMeasures) out.emplace_back(e.name);
  for (const auto r : kReintegrationMeasures) out.emplace_back(r);
  for (const auto* r : kCoordinationSeries) out.emplace_back(r);
  return out;
}

std::vector<MeasureRow> read_measures(const H5::Group& scenario, int reps) {
  std::vector<MeasureRow> out;
  for (const auto& s : kMeasureSources) s.read(scenario, reps, out);
  return out;
}

}  // namespace pw
