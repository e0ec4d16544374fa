#include "viz/series_catalog.hpp"

#include "models/simulation.hpp"

namespace pw::viz {

namespace {
double pct(long long n, long long people) {
  return people > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(people) : 0.0;
}
constexpr double kMillion = 1e-6;
}  // namespace

const std::vector<ChartDef>& chart_catalog() {
  static const std::vector<ChartDef> charts = {
      {"outcomes", "Cumulative first arrest, conviction, return to prison", "% of released cohort"},
      {"stocks", "Custody and supervision at the end of the week", "persons"},
      {"waiting", "Programme waiting lists and participants", "persons"},
      {"work", "Employment (persons who worked this week)", "% of released cohort"},
      {"housing", "Housing of persons in the community, end of the week", "persons"},
      {"cost", "Cost per week (public and victim)", "USD million per week, 2023 prices"},
  };
  return charts;
}

std::vector<SeriesDef> series_catalog(const std::vector<ProgrammeSpec>& programmes) {
  std::vector<SeriesDef> s = {
      {"cum_arrest", "first arrest", "outcomes", [](const LiveWeek& w) { return pct(w.ever_arrested, w.people); },
       "cumulative_pct/all/arrest", H5Shape::Monthly},
      {"cum_conviction", "first conviction", "outcomes",
       [](const LiveWeek& w) { return pct(w.ever_convicted, w.people); }, "cumulative_pct/all/conviction",
       H5Shape::Monthly},
      {"cum_return", "first return to prison", "outcomes",
       [](const LiveWeek& w) { return pct(w.ever_returned, w.people); }, "cumulative_pct/all/return_prison",
       H5Shape::Monthly},
      {"in_prison", "in prison", "stocks", [](const LiveWeek& w) { return double(w.counts.in_prison); },
       "weekly/in_prison"},
      {"in_jail", "in jail", "stocks", [](const LiveWeek& w) { return double(w.counts.in_jail); }, "weekly/in_jail"},
      {"on_standard_supervision", "standard supervision", "stocks",
       [](const LiveWeek& w) { return double(w.counts.on_standard_supervision); }, "weekly/on_standard_supervision"},
      {"on_intensive_supervision", "intensive supervision", "stocks",
       [](const LiveWeek& w) { return double(w.counts.on_intensive_supervision); }, "weekly/on_intensive_supervision"},
      {"in_courts", "in problem-solving courts", "stocks",
       [](const LiveWeek& w) { return double(w.counts.in_drug_court + w.counts.in_mental_health_court); }, ""},
      {"cost_total", "total", "cost", [](const LiveWeek& w) { return w.cost.total.at(0) * kMillion; }, "costs/total",
       H5Shape::Weekly, kMillion},
  };
  // Work and housing: stocks from WeekCounts, by name, so the list stays data.
  const auto share = [](std::int64_t WeekCounts::*m) {
    return [m](const LiveWeek& w) { return pct(w.counts.*m, w.people); };
  };
  const auto count = [](std::int64_t WeekCounts::*m) { return [m](const LiveWeek& w) { return double(w.counts.*m); }; };
  s.push_back({"employed", "employed", "work", share(&WeekCounts::employed), "weekly/employed",
               H5Shape::WeeklyPercentOfCohort});
  const struct {
    const char* key;
    const char* label;
    std::int64_t WeekCounts::*member;
  } housing[] = {{"housed_own", "own or rented home", &WeekCounts::housed_own},
                 {"with_family", "with family or friends", &WeekCounts::with_family},
                 {"in_transitional", "transitional bed", &WeekCounts::in_transitional},
                 {"in_shelter", "shelter", &WeekCounts::in_shelter},
                 {"on_street", "street", &WeekCounts::on_street},
                 {"voucher_holders", "of whom: voucher", &WeekCounts::voucher_holders}};
  for (const auto& h : housing) {
    s.push_back({h.key, h.label, "housing", count(h.member), std::string("weekly/") + h.key, H5Shape::Weekly});
  }
  // One line per cost category, from the model's own list.
  for (std::size_t c = 0; c < kCostCategories.size(); ++c) {
    const std::string name(kCostCategories[c].name);
    s.push_back({"cost_" + name, name, "cost", [c](const LiveWeek& w) { return w.cost.weekly[c].at(0) * kMillion; },
                 "costs/" + name, H5Shape::Weekly, kMillion});
  }
  // Problem-solving courts queue nobody: they admit while places last.
  for (std::size_t p = 0; p < programmes.size(); ++p) {
    const auto& spec = programmes[p];
    if (spec.phase != "post_release") continue;  // pre-release courses are served before week 0
    s.push_back({"waiting:" + spec.name, spec.name + " waiting", "waiting",
                 [p](const LiveWeek& w) {
                   const auto& pw = w.sim.programme_weekly();
                   return pw.empty() ? 0.0 : double(pw.back().by_programme.at(p).waiting);
                 },
                 "programmes/" + spec.name + "/waiting"});
    s.push_back({"active:" + spec.name, spec.name + " participants", "waiting",
                 [p](const LiveWeek& w) {
                   const auto& pw = w.sim.programme_weekly();
                   return pw.empty() ? 0.0 : double(pw.back().by_programme.at(p).active);
                 },
                 "programmes/" + spec.name + "/active"});
  }
  return s;
}

}  // namespace pw::viz
