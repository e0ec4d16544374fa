#include "models/reporting/group_index.hpp"

#include <functional>

#include "models/simulation.hpp"

namespace pw {

namespace {
struct GroupDef {
  std::string name;
  std::function<bool(const Simulation&, std::size_t)> member;
};

std::vector<GroupDef> standard_groups() {
  std::vector<GroupDef> g;
  g.push_back({"all", [](const Simulation&, std::size_t) { return true; }});
  g.push_back({"male", [](const Simulation& s, std::size_t i) { return s.population().sex[i] == 0; }});
  g.push_back({"female", [](const Simulation& s, std::size_t i) { return s.population().sex[i] == 1; }});
  const std::array<std::pair<const char*, std::array<double, 2>>, 6> ages = {{{"age_le24", {0, 25}},
                                                                              {"age_25to39", {25, 40}},
                                                                              {"age_40to54", {40, 55}},
                                                                              {"age_55to64", {55, 65}},
                                                                              {"age_65plus", {65, 1e9}},
                                                                              {"age_40plus", {40, 1e9}}}};
  for (const auto& [name, r] : ages) {
    g.push_back({name, [r](const Simulation& s, std::size_t i) {
                   const double a = s.population().age_at_release[i];
                   return a >= r[0] && a < r[1];
                 }});
  }
  const std::array<std::pair<const char*, std::array<int, 2>>, 5> priors = {{{"prior_arrests_le4", {0, 4}},
                                                                             {"prior_arrests_5to9", {5, 9}},
                                                                             {"prior_arrests_10plus", {10, 1 << 30}},
                                                                             {"prior_arrests_le2", {0, 2}},
                                                                             {"prior_arrests_3to4", {3, 4}}}};
  for (const auto& [name, r] : priors) {
    g.push_back({name, [r](const Simulation& s, std::size_t i) {
                   const int p = s.population().prior_arrests[i];
                   return p >= r[0] && p <= r[1];
                 }});
  }
  // Age at first arrest, in BJS's bands (NCJ 256094, Table 3): years, [lo, hi).
  const std::array<std::pair<const char*, std::array<double, 2>>, 7> onsets = {{{"first_arrest_le17", {0, 18}},
                                                                                {"first_arrest_18to19", {18, 20}},
                                                                                {"first_arrest_20to24", {20, 25}},
                                                                                {"first_arrest_25to29", {25, 30}},
                                                                                {"first_arrest_30to34", {30, 35}},
                                                                                {"first_arrest_35to39", {35, 40}},
                                                                                {"first_arrest_40plus", {40, 1e9}}}};
  for (const auto& [name, r] : onsets) {
    g.push_back({name, [r](const Simulation& s, std::size_t i) {
                   const double a = s.population().age_first_arrest[i];
                   return a >= r[0] && a < r[1];
                 }});
  }
  for (std::uint8_t k = 0; k < 4; ++k) {
    g.push_back({"risk_" + std::string(kRiskNames[k]),
                 [k](const Simulation& s, std::size_t i) { return s.risk().level[i] == k; }});
  }
  for (std::uint8_t k = 0; k < kOffenceTypes; ++k) {
    g.push_back({"offence_" + std::string(kOffenceNames[k]),
                 [k](const Simulation& s, std::size_t i) { return s.population().commitment_offence[i] == k; }});
  }
  g.push_back({"admission_new_court_commitment",
               [](const Simulation& s, std::size_t i) { return s.population().admission[i] == 0; }});
  g.push_back({"admission_supervision_violator",
               [](const Simulation& s, std::size_t i) { return s.population().admission[i] == 1; }});
  g.push_back({"group_0", [](const Simulation& s, std::size_t i) { return s.population().group[i] == 0; }});
  g.push_back({"group_1", [](const Simulation& s, std::size_t i) { return s.population().group[i] == 1; }});
  g.push_back({"released_to_supervision",
               [](const Simulation& s, std::size_t i) { return s.population().released_to_supervision[i] == 1; }});
  g.push_back({"released_unconditionally",
               [](const Simulation& s, std::size_t i) { return s.population().released_to_supervision[i] == 0; }});
  return g;
}

}  // namespace

std::vector<std::string> standard_group_names() {
  std::vector<std::string> names;
  for (const auto& g : standard_groups()) names.push_back(g.name);
  return names;
}

GroupIndex build_group_index(const Simulation& sim) {
  const auto defs = standard_groups();
  const std::size_t n = sim.population().size();
  GroupIndex index;
  index.size.assign(defs.size(), 0);
  for (const auto& d : defs) index.names.push_back(d.name);
  index.offset.reserve(n + 1);
  index.offset.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t g = 0; g < defs.size(); ++g) {
      if (!defs[g].member(sim, i)) continue;
      index.groups.push_back(static_cast<std::uint8_t>(g));
      ++index.size[g];
    }
    index.offset.push_back(static_cast<std::uint32_t>(index.groups.size()));
  }
  return index;
}

MonthCensus& MonthCensus::operator+=(const MonthCensus& o) {
  if (counts.size() < o.counts.size()) counts.resize(o.counts.size(), 0);
  for (std::size_t k = 0; k < o.counts.size(); ++k) counts[k] += o.counts[k];
  return *this;
}

MonthCensus month_census(const Simulation& sim, Parallel& par) {
  const auto& index = sim.groups();
  const auto& custody = sim.justice().custody;
  const auto& working = sim.labour().state().working;
  const auto& housing = sim.housing().states();
  const auto& coordination = sim.coordination();
  const std::size_t width = index.names.size() * kCensusColumns;
  return par.reduce_ranges<MonthCensus>(sim.population().size(), [&](std::size_t b, std::size_t e) {
    MonthCensus m;
    m.counts.assign(width, 0);
    for (std::size_t i = b; i < e; ++i) {
      if (custody[i] != static_cast<std::uint8_t>(Custody::Community)) continue;
      const bool employed = working[i] != 0;
      const std::size_t h = housing[i];
      // Worked this week in a formal job (a programme transitional job is formal too).
      const bool formal = working[i] == kWorkedFormal;
      const bool id = coordination.has_id(i), benefits = coordination.has_benefits(i),
                 enrolled = coordination.enrolled(i);
      for (auto k = index.offset[i]; k < index.offset[i + 1]; ++k) {
        auto* row = &m.counts[index.groups[k] * kCensusColumns];
        ++row[kCensusCommunity];
        row[kCensusEmployed] += employed ? 1 : 0;
        if (h < kHousingStates) ++row[kCensusHousing + h];
        row[kCensusHasId] += id ? 1 : 0;
        row[kCensusBenefits] += benefits ? 1 : 0;
        row[kCensusEnrolled] += enrolled ? 1 : 0;
        row[kCensusFormallyEmployed] += formal ? 1 : 0;
      }
    }
    return m;
  });
}

}  // namespace pw
