#include "sim/io/report_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pw {

std::string format_recidivism_table(const nlohmann::json& summary, const std::vector<TargetRow>& targets) {
  static const std::vector<std::string> kGroups = {"all",       "male",       "female",     "age_le24",
                                                   "age_25to39", "age_40to54", "age_55to64", "prior_arrests_le4",
                                                   "prior_arrests_5to9", "prior_arrests_10plus"};
  static const std::vector<std::string> kOutcomes = {"arrest", "conviction", "return_prison"};
  std::string out;
  for (const auto& [name, s] : summary.at("scenarios").items()) {
    out += fmt::format("\nScenario {}: {} people, {} weeks, {} replicate(s), seed {}\n", name, s.at("people").get<long>(),
                       s.at("weeks").get<long>(), s.at("reps").get<long>(), s.at("seed").get<long>());
    out += "Cumulative percent of the released cohort, by year since release";
    out += targets.empty() ? "\n" : " (model, and in brackets the target)\n";
    double worst = 0;
    for (const auto& outcome : kOutcomes) {
      out += fmt::format("\n  {:<22}", outcome);
      const auto& any = s.at("cumulative_pct").at("all").at(outcome);
      for (std::size_t y = 0; y < any.size(); ++y) out += fmt::format("{:>{}}", fmt::format("y{}", y + 1), targets.empty() ? 8 : 15);
      out += "\n";
      for (const auto& group : kGroups) {
        if (!s.at("cumulative_pct").contains(group)) continue;
        const auto& v = s.at("cumulative_pct").at(group).at(outcome);
        const TargetRow* t = nullptr;
        for (const auto& row : targets) {
          if (row.outcome == outcome && row.group == group) t = &row;
        }
        if (!targets.empty() && t == nullptr && group.starts_with("age")) continue;
        out += fmt::format("  {:<22}", group);
        for (std::size_t y = 0; y < v.size(); ++y) {
          const double m = v[y].get<double>();
          if (t != nullptr && y < t->pct_by_year.size()) {
            out += fmt::format("{:>8.1f} ({:>4.1f})", m, t->pct_by_year[y]);
            worst = std::max(worst, std::abs(m - t->pct_by_year[y]));
          } else {
            out += fmt::format("{:>8.1f}{}", m, targets.empty() ? "" : "       ");
          }
        }
        out += "\n";
      }
    }
    if (!targets.empty()) out += fmt::format("\n  largest gap to the targets: {:.1f} percentage points\n", worst);
  }
  return out;
}

}  // namespace pw
