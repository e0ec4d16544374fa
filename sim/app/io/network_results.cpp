#include "sim/app/io/network_results.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "models/reporting/outcome_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/io/h5_util.hpp"

namespace pw {

namespace {
constexpr double kTopSixth = 0.161;  // BJS NCJ 244205: 16.1% of released prisoners made 48.4% of the arrests

std::string ties_dataset(std::size_t type) { return fmt::format("{}_ties_by_month", kTieNames[type]); }

struct Scalar {
  const char* name;
  double share;
  const char* description;
};
constexpr Scalar kScalars[] = {
    {"top_decile_share_of_arrests_pct", 0.10,
     "percent of all follow-up arrests held by the 10% of the cohort with the most arrests"},
    {"top_sixth_share_of_arrests_pct", kTopSixth,
     "percent of all follow-up arrests held by the 16.1% of the cohort with the most arrests (BJS NCJ 244205: 48.4%)"},
};

// Per month m, f(week counts of the last week of month m) for the months run.
std::vector<double> by_month(const std::vector<WeekCounts>& weekly, int months,
                             const std::function<double(const WeekCounts&)>& f) {
  std::vector<double> out(static_cast<std::size_t>(months), 0.0);
  for (int m = 1; m <= months; ++m) {
    const auto w = static_cast<std::size_t>(week_ending_month(m) - 1);
    if (w < weekly.size()) out[static_cast<std::size_t>(m - 1)] = f(weekly[w]);
  }
  return out;
}

double per_person(std::int64_t v, std::int64_t n) {
  return n > 0 ? static_cast<double>(v) / static_cast<double>(n) : 0.0;
}

}  // namespace

double top_share_of_arrests_pct(const Simulation& sim, double share) {
  std::vector<std::uint16_t> arrests = sim.justice().arrests;
  const std::int64_t total = std::accumulate(arrests.begin(), arrests.end(), std::int64_t{0});
  if (total == 0 || arrests.empty()) return 0.0;
  const auto top = static_cast<std::size_t>(std::ceil(share * static_cast<double>(arrests.size())));
  std::nth_element(arrests.begin(), arrests.begin() + static_cast<std::ptrdiff_t>(top - 1), arrests.end(),
                   std::greater<>());
  const std::int64_t held =
      std::accumulate(arrests.begin(), arrests.begin() + static_cast<std::ptrdiff_t>(top), std::int64_t{0});
  return 100.0 * static_cast<double>(held) / static_cast<double>(total);
}

void create_network_datasets(H5::Group& scenario, int replicates, int months) {
  const auto reps = static_cast<hsize_t>(replicates);
  const auto cols = static_cast<hsize_t>(months);
  auto g = scenario.createGroup("network");
  const auto monthly = [&](const std::string& name, const std::string& description) {
    auto ds = h5::create_matrix(g, name, H5::PredType::IEEE_F64LE, reps, cols);
    h5::write_attr(ds, "description", description);
  };
  monthly("antisocial_share_by_month",
          "mean antisocial share (strength of antisocial ties over all ties) of persons in the community, last week of "
          "each month");
  monthly("mentored_pct_by_month",
          "percent of persons in the community with a volunteer mentor, last week of each month");
  for (std::size_t t = 0; t < kTieTypes; ++t)
    monthly(ties_dataset(t),
            fmt::format("mean {} ties per person in the community, last week of each month", kTieNames[t]));
  for (const auto& s : kScalars) {
    auto ds = h5::create_matrix(g, s.name, H5::PredType::IEEE_F64LE, reps, 1);
    h5::write_attr(ds, "description", std::string(s.description));
  }
}

void write_network_replicate(H5::Group& scenario, int replicate, const Simulation& sim) {
  auto g = scenario.openGroup("network");
  const auto r = static_cast<hsize_t>(replicate);
  const int months = months_in_horizon(sim.horizon());
  const auto row = [&](const std::string& name, const std::vector<double>& v) {
    auto ds = g.openDataSet(name);
    h5::write_row(ds, r, v.data(), H5::PredType::NATIVE_DOUBLE, v.size());
  };
  const auto& weekly = sim.weekly();
  row("antisocial_share_by_month", by_month(weekly, months, [](const WeekCounts& w) {
        return per_person(w.antisocial_share_micro, w.in_community) / 1e6;
      }));
  row("mentored_pct_by_month",
      by_month(weekly, months, [](const WeekCounts& w) { return 100.0 * per_person(w.mentored, w.in_community); }));
  constexpr std::int64_t WeekCounts::*kTies[kTieTypes] = {&WeekCounts::family_ties, &WeekCounts::prosocial_ties,
                                                          &WeekCounts::antisocial_ties, &WeekCounts::mentor_ties,
                                                          &WeekCounts::coworker_ties};
  for (std::size_t t = 0; t < kTieTypes; ++t) {
    const auto member = kTies[t];
    row(ties_dataset(t),
        by_month(weekly, months, [member](const WeekCounts& w) { return per_person(w.*member, w.in_community); }));
  }
  for (const auto& s : kScalars) row(s.name, {top_share_of_arrests_pct(sim, s.share)});
}

void write_network_snapshot(H5::Group& scenario, const Simulation& sim) {
  auto root = scenario.nameExists("network_snapshots") ? scenario.openGroup("network_snapshots")
                                                       : scenario.createGroup("network_snapshots");
  auto g = root.createGroup(fmt::format("week_{}", sim.week() - 1));
  h5::write_attr(g, "week", static_cast<std::int64_t>(sim.week() - 1));
  const auto& graph = sim.network().graph();
  const auto edges = boost::num_edges(graph);
  std::vector<std::uint32_t> source, target;
  std::vector<std::uint8_t> type;
  std::vector<float> strength;
  std::vector<std::int16_t> formed;
  source.reserve(edges);
  target.reserve(edges);
  type.reserve(edges);
  strength.reserve(edges);
  formed.reserve(edges);
  // Vertex by vertex (only released persons have out-edges), in storage order.
  for (std::size_t v = 0; v < boost::num_vertices(graph); ++v) {
    for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
      const auto& t = graph[*e];
      source.push_back(static_cast<std::uint32_t>(v));
      target.push_back(static_cast<std::uint32_t>(boost::target(*e, graph)));
      type.push_back(static_cast<std::uint8_t>(t.type));
      strength.push_back(t.strength);
      formed.push_back(t.formed_week);
    }
  }
  const auto n = boost::num_vertices(graph);
  std::vector<std::uint8_t> kind(n);
  std::vector<std::uint16_t> hood(n);
  for (std::size_t v = 0; v < n; ++v) {
    kind[v] = static_cast<std::uint8_t>(graph[v].kind);
    hood[v] = graph[v].neighbourhood;
  }
  h5::write_vector(g, "source", H5::PredType::STD_U32LE, H5::PredType::NATIVE_UINT32, source.data(), source.size(),
                   "vertex the tie is stored from (a released person: vertex id = person id)");
  h5::write_vector(g, "target", H5::PredType::STD_U32LE, H5::PredType::NATIVE_UINT32, target.data(), target.size(),
                   "vertex tied to (below the cohort size: another released person, stored both ways)");
  h5::write_vector(g, "type", H5::PredType::STD_U8LE, H5::PredType::NATIVE_UINT8, type.data(), type.size(),
                   "0 family, 1 prosocial, 2 antisocial, 3 mentor, 4 co-worker");
  h5::write_vector(g, "strength", H5::PredType::IEEE_F32LE, H5::PredType::NATIVE_FLOAT, strength.data(),
                   strength.size(), "tie strength (1 = a full tie)");
  h5::write_vector(g, "formed_week", H5::PredType::STD_I16LE, H5::PredType::NATIVE_INT16, formed.data(), formed.size(),
                   "week the tie formed, -1 at release");
  h5::write_vector(g, "node_kind", H5::PredType::STD_U8LE, H5::PredType::NATIVE_UINT8, kind.data(), kind.size(),
                   "0 released, 1 family, 2 prosocial, 3 antisocial, 4 mentor, 5 workplace");
  h5::write_vector(g, "node_neighbourhood", H5::PredType::STD_U16LE, H5::PredType::NATIVE_UINT16, hood.data(),
                   hood.size(), "neighbourhood of the node");
}

NetworkSummary summarise_network(const H5::Group& scenario, std::int64_t reps) {
  NetworkSummary out;
  if (!scenario.nameExists("network")) return out;
  const auto g = scenario.openGroup("network");
  out.network["antisocial_share_by_month"] = h5::column_means(g, "antisocial_share_by_month", reps);
  out.network["mentored_pct_by_month"] = h5::column_means(g, "mentored_pct_by_month", reps);
  nlohmann::json ties;
  for (std::size_t t = 0; t < kTieTypes; ++t)
    ties[std::string(kTieNames[t])] = h5::column_means(g, ties_dataset(t), reps);
  out.network["ties_per_person_by_month"] = ties;
  for (const auto& s : kScalars) out.concentration[s.name] = h5::column_means(g, s.name, reps).at(0);
  return out;
}

}  // namespace pw
