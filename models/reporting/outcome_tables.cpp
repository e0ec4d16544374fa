#include "models/reporting/outcome_tables.hpp"

#include <cmath>
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
  const std::array<std::pair<const char*, std::array<double, 2>>, 5> ages = {{{"age_le24", {0, 25}},
                                                                            {"age_25to39", {25, 40}},
                                                                            {"age_40to54", {40, 55}},
                                                                            {"age_55to64", {55, 65}},
                                                                            {"age_65plus", {65, 1e9}}}};
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

int months_in_horizon(int weeks) { return static_cast<int>(std::floor(weeks * 12.0 / 52.0 + 1e-9)); }
int week_ending_month(int month) { return static_cast<int>(std::lround(month * 52.0 / 12.0)); }

CumulativeTables cumulative_tables(const Simulation& sim) {
  const auto groups = standard_groups();
  const auto& js = sim.justice();
  const int weeks = sim.week();
  CumulativeTables t;
  t.months = months_in_horizon(weeks);
  const std::array<const std::vector<std::int16_t>*, kOutcomes.size()> events = {
      &js.first_arrest_week, &js.first_conviction_week, &js.first_return_week};
  for (const auto& g : groups) {
    // Histogram of first-event weeks, then cumulative sums read at month ends.
    std::array<std::vector<std::int64_t>, kOutcomes.size()> by_week;
    for (auto& h : by_week) h.assign(static_cast<std::size_t>(weeks) + 1, 0);
    std::int64_t size = 0;
    for (std::size_t i = 0; i < sim.population().size(); ++i) {
      if (!g.member(sim, i)) continue;
      ++size;
      for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
        const int w = (*events[o])[i];
        if (w != kNever && w < weeks) ++by_week[o][static_cast<std::size_t>(w)];
      }
    }
    std::array<std::vector<double>, kOutcomes.size()> pct;
    for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
      std::int64_t cum = 0;
      int w = 0;
      for (int m = 1; m <= t.months; ++m) {
        const int end = week_ending_month(m);
        for (; w < end; ++w) cum += by_week[o][static_cast<std::size_t>(w)];
        pct[o].push_back(size > 0 ? 100.0 * static_cast<double>(cum) / static_cast<double>(size) : 0.0);
      }
    }
    t.groups.push_back(g.name);
    t.group_size.push_back(size);
    t.pct.push_back(std::move(pct));
  }
  return t;
}

}  // namespace pw
