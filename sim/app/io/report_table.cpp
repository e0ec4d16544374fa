#include "sim/app/io/report_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pw {

static std::string format_work_and_housing(const nlohmann::json& scenario_summary);

std::string format_recidivism_table(const nlohmann::json& summary, const std::vector<TargetRow>& targets) {
  static const std::vector<std::string> kGroups = {"all",
                                                   "male",
                                                   "female",
                                                   "age_le24",
                                                   "age_25to39",
                                                   "age_40to54",
                                                   "age_55to64",
                                                   "age_65plus",
                                                   "age_40plus",
                                                   "prior_arrests_le4",
                                                   "prior_arrests_5to9",
                                                   "prior_arrests_10plus",
                                                   "offence_violent",
                                                   "offence_property",
                                                   "offence_drug",
                                                   "offence_public_order",
                                                   "admission_new_court_commitment",
                                                   "admission_supervision_violator"};
  // Groups beyond all, sex and prior arrests are shown only where a target names them (or with no targets).
  const auto always = [](const std::string& g) {
    return g == "all" || g == "male" || g == "female" || g.starts_with("prior_arrests");
  };
  static const std::vector<std::string> kOutcomes = {"arrest", "conviction", "return_prison"};
  std::string out;
  for (const auto& [name, s] : summary.at("scenarios").items()) {
    out +=
        fmt::format("\nScenario {}: {} people, {} weeks, {} replicate(s), seed {}\n", name, s.at("people").get<long>(),
                    s.at("weeks").get<long>(), s.at("reps").get<long>(), s.at("seed").get<long>());
    out += "Cumulative percent of the released cohort, by year since release";
    out += targets.empty() ? "\n" : " (model, and in brackets the target)\n";
    double worst = 0, squares = 0;
    int numbers = 0;
    for (const auto& outcome : kOutcomes) {
      out += fmt::format("\n  {:<32}", outcome);
      const auto& any = s.at("cumulative_pct").at("all").at(outcome);
      for (std::size_t y = 0; y < any.size(); ++y)
        out += fmt::format("{:>{}}", fmt::format("y{}", y + 1), targets.empty() ? 8 : 15);
      out += "\n";
      for (const auto& group : kGroups) {
        if (!s.at("cumulative_pct").contains(group)) continue;
        const auto& v = s.at("cumulative_pct").at(group).at(outcome);
        const TargetRow* t = nullptr;
        for (const auto& row : targets) {
          if (row.outcome == outcome && row.group == group) t = &row;
        }
        if (!targets.empty() && t == nullptr && !always(group)) continue;
        if (targets.empty() && !always(group) && !group.starts_with("age_") && outcome != "arrest") continue;
        out += fmt::format("  {:<32}", group);
        for (std::size_t y = 0; y < v.size(); ++y) {
          const double m = v[y].get<double>();
          if (t != nullptr && y < t->pct_by_year.size()) {
            out += fmt::format("{:>8.1f} ({:>4.1f})", m, t->pct_by_year[y]);
            worst = std::max(worst, std::abs(m - t->pct_by_year[y]));
            squares += (m - t->pct_by_year[y]) * (m - t->pct_by_year[y]);
            ++numbers;
          } else {
            out += fmt::format("{:>8.1f}{}", m, targets.empty() ? "" : "       ");
          }
        }
        out += "\n";
      }
    }
    if (numbers > 0) {
      out += fmt::format("\n  {} target numbers: largest gap {:.1f} percentage points, RMSE {:.2f}\n", numbers, worst,
                         std::sqrt(squares / numbers));
    }
    out += format_work_and_housing(s);
  }
  return out;
}

// Work and housing, all released persons; empty for files without them. (The
// calibration targets for these are in data/calibration/other-targets.csv;
// ../shared/tools/check-summary prints the gaps.)
static std::string format_work_and_housing(const nlohmann::json& s) {
  if (!s.contains("employment") || !s.contains("housing")) return {};
  const auto& e = s.at("employment");
  const auto& h = s.at("housing");
  const auto month = [](const nlohmann::json& v, std::size_t m) { return m < v.size() ? v[m].get<double>() : NAN; };
  std::string out = "\nWork and housing, all released persons\n";
  out += fmt::format("  worked by month 8 {:.1f}%; working at month 8 {:.1f}% of those in the community\n",
                     month(e.at("ever_employed_pct_by_month"), 7), month(e.at("employed_pct_by_month"), 7));
  out +=
      fmt::format("  formal earnings in the first full year {:.1f}%, median among them ${:.0f}\n",
                  e.at("any_earnings_first_full_year_pct").get<double>(), e.at("median_annual_earnings").get<double>());
  out += fmt::format(
      "  entered a shelter within 24 months {:.1f}%, of whom {:.1f}% were back in prison within 24 months; "
      "on the street within 12 months {:.1f}%\n",
      h.at("shelter_within_24m_pct").get<double>(), h.at("reincarcerated_among_shelter_entrants_pct").get<double>(),
      h.at("street_within_12m_pct").get<double>());
  return out;
}

}  // namespace pw
