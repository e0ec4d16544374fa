#include "sim/app/io/programme_results.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "models/cohort_scale.hpp"
#include "models/simulation.hpp"
#include "sim/app/io/h5_util.hpp"

namespace pw {

namespace {
struct Series {
  const char* name;
  std::int64_t ProgrammeWeek::*member;
};
constexpr std::array<Series, 6> kSeries = {{{"waiting", &ProgrammeWeek::waiting},
                                            {"active", &ProgrammeWeek::active},
                                            {"enrolled", &ProgrammeWeek::enrolled},
                                            {"completed", &ProgrammeWeek::completed},
                                            {"dropped", &ProgrammeWeek::dropped},
                                            {"participant_weeks", &ProgrammeWeek::participant_weeks}}};
constexpr std::array<const char*, 7> kTotals = {
    "enrolled",          "completed",           "dropped", "waitlist_peak", "wait_weeks_of_enrolled",
    "participant_weeks", "pre_release_enrolled"};
}  // namespace

void create_programme_datasets(H5::Group& scenario, const std::vector<ProgrammeSpec>& specs, int replicates, int weeks,
                               int people) {
  auto pg = scenario.createGroup("programmes");
  for (const auto& s : specs) {
    auto g = pg.createGroup(s.name);
    h5::write_attr(g, "kind", s.kind);
    h5::write_attr(g, "phase", s.phase);
    h5::write_attr(g, "priority", s.priority);
    h5::write_attr(g, "capacity", places_for_cohort(s.places_per_1000, static_cast<std::size_t>(people)));
    h5::write_attr(g, "places_per_1000", std::to_string(s.places_per_1000));
    h5::write_attr(g, "duration_weeks", static_cast<std::int64_t>(s.duration + 0.5));
    h5::write_attr(g, "cost_per_participant_week_usd2023", std::to_string(s.cost_per_participant_week));
    for (const auto& series : kSeries) {
      h5::create_matrix(g, series.name, H5::PredType::STD_I64LE, static_cast<hsize_t>(replicates),
                        static_cast<hsize_t>(weeks));
    }
    auto totals =
        h5::create_matrix(g, "totals", H5::PredType::STD_I64LE, static_cast<hsize_t>(replicates), kTotals.size());
    std::string names;
    for (const auto* t : kTotals) names += std::string(names.empty() ? "" : ",") + t;
    h5::write_attr(totals, "columns", names);
  }
}

void write_programme_replicate(H5::Group& scenario, int replicate, const Simulation& sim) {
  const auto& specs = sim.programmes().specs();
  if (specs.empty()) return;
  auto pg = scenario.openGroup("programmes");
  const auto& weekly = sim.programme_weekly();
  for (std::size_t p = 0; p < specs.size(); ++p) {
    auto g = pg.openGroup(specs[p].name);
    std::array<std::int64_t, kTotals.size()> totals{};
    std::vector<std::int64_t> row(weekly.size());
    for (const auto& series : kSeries) {
      for (std::size_t w = 0; w < weekly.size(); ++w) row[w] = weekly[w].by_programme[p].*(series.member);
      auto ds = g.openDataSet(series.name);
      h5::write_row(ds, static_cast<hsize_t>(replicate), row.data(), H5::PredType::NATIVE_INT64, row.size());
    }
    for (const auto& w : weekly) {
      const auto& c = w.by_programme[p];
      totals[0] += c.enrolled;
      totals[1] += c.completed;
      totals[2] += c.dropped;
      totals[3] = std::max(totals[3], c.waiting);
      totals[4] += c.wait_weeks_of_enrolled;
      totals[5] += c.participant_weeks;
    }
    const auto& pre = sim.programmes().pre_release()[p];
    totals[0] += pre.enrolled;
    totals[1] += pre.completed;
    totals[2] += pre.dropped;
    totals[5] += pre.participant_weeks;
    totals[6] = pre.enrolled;
    auto ds = g.openDataSet("totals");
    h5::write_row(ds, static_cast<hsize_t>(replicate), totals.data(), H5::PredType::NATIVE_INT64, totals.size());
  }
}

nlohmann::json summarise_programmes(const H5::Group& scenario, std::int64_t replicates) {
  nlohmann::json out = nlohmann::json::object();
  if (!scenario.nameExists("programmes") || replicates <= 0) return out;
  const auto pg = scenario.openGroup("programmes");
  for (hsize_t k = 0; k < pg.getNumObjs(); ++k) {
    const std::string name = pg.getObjnameByIdx(k);
    const auto g = pg.openGroup(name);
    hsize_t rows = 0, cols = 0;
    const auto t = h5::read_matrix_double(g.openDataSet("totals"), rows, cols);
    std::array<double, kTotals.size()> mean{};
    for (hsize_t r = 0; r < static_cast<hsize_t>(replicates); ++r) {
      for (std::size_t c = 0; c < kTotals.size(); ++c) mean[c] += t[r * cols + c] / static_cast<double>(replicates);
    }
    const double cost_per_week = std::stod(h5::read_string_attr(g, "cost_per_participant_week_usd2023"));
    out[name] = {{"kind", h5::read_string_attr(g, "kind")},
                 {"phase", h5::read_string_attr(g, "phase")},
                 {"capacity", h5::read_int_attr(g, "capacity")},
                 {"enrolled", mean[0]},
                 {"completed", mean[1]},
                 {"dropped", mean[2]},
                 {"waitlist_peak", mean[3]},
                 {"mean_wait_weeks", mean[0] - mean[6] > 0 ? mean[4] / (mean[0] - mean[6]) : 0.0},
                 {"participant_weeks", mean[5]},
                 {"cost_usd", mean[5] * cost_per_week}};
  }
  return out;
}

}  // namespace pw
