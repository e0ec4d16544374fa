// The answer of a `compare` experiment: for every alternative scenario and
// every outcome measure (outcome_measures.hpp), the paired difference against
// the baseline over replicates, with its 95% interval (paired_stats.hpp).
//
// Read from a finished experiment file (kind "compare"), so `pathways compare`,
// `pathways inspect` and the CSV all show the same numbers. Units: those of
// the measure (percentage points for the cumulative percents, USD 2023 per
// person for costs).
#pragma once

#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sim/app/io/outcome_measures.hpp"
#include "sim/engine/stats/paired_stats.hpp"
#include "sim/engine/stats/ratio_stats.hpp"

namespace pw {

struct ComparisonRow {
  std::string scenario;  // the alternative
  std::string measure, group, period, unit;
  PairedDifference diff;  // alternative minus baseline
};

// The cost-effectiveness of one alternative against the baseline, with
// Fieller intervals over replicates (ratio_stats.hpp). Per replicate r, from the
// paired per-person differences (USD 2023 per released person):
//   spent_r  = change in programme + housing + hiring-incentive costs;
//   saved_r  = -(change in prison + jail + supervision + court + victim costs
//              + taxes on earnings, which count negative);
//   benefit_cost_ratio = mean(saved) / mean(spent);
//   public_cost_per_arrest_averted = mean(change in public cost) /
//              mean(arrests averted per person), arrests averted = -(change in arrests).
struct CostEffectiveness {
  std::string scenario;
  RatioInterval benefit_cost_ratio;
  RatioInterval public_cost_per_arrest_averted;
  // The chance that benefits exceed costs: of mean(saved - spent) > 0 given the
  // replicates (chance_mean_positive, paired_stats.hpp); NaN with one replicate.
  double chance_benefits_exceed_costs = 0;
  // Rounding of the denominators as shown: spending to whole USD per person,
  // arrests averted to 0.001 per person.
  static constexpr double kSpendResolution = 0.5, kArrestResolution = 0.0005;
  [[nodiscard]] bool spends_more() const { return benefit_cost_ratio.denominator_mean > 0; }
  [[nodiscard]] bool averts_arrests() const { return public_cost_per_arrest_averted.denominator_mean > 0; }
  // A ratio is printed as a number only when its denominator is positive and,
  // with 2+ replicates, the denominator's 95% interval is above zero by more
  // than rounding; otherwise "not defined (...)". With one replicate the
  // estimate is shown (no interval) if the denominator rounds to a positive value.
  [[nodiscard]] bool benefit_cost_ratio_defined() const { return defined(benefit_cost_ratio, kSpendResolution); }
  [[nodiscard]] bool cost_per_arrest_averted_defined() const {
    return defined(public_cost_per_arrest_averted, kArrestResolution);
  }

 private:
  static bool defined(const RatioInterval& r, double resolution) {
    if (r.n < 2) return r.denominator_mean > resolution;
    return r.denominator_lo > resolution;
  }
};

// Measures whose per-person changes make up "spent" and "saved" above.
inline constexpr std::array<std::string_view, 3> kSpendingMeasures = {
    "cost_programmes_per_person", "cost_housing_per_person", "cost_employment_incentives_per_person"};
inline constexpr std::array<std::string_view, 6> kSavingMeasures = {
    "cost_prison_per_person", "cost_jail_per_person",   "cost_supervision_per_person",
    "cost_courts_per_person", "cost_victim_per_person", "cost_taxes_on_earnings_per_person"};

// The effect on the treated of one programme, court or supervision change of
// one alternative (sim/app/experiment/treated_effects.hpp): per replicate, the
// mean among its participants in the scenario minus the mean of the same
// persons in the baseline, then a t interval over the replicates that had
// participants (paired_stats.hpp; no interval with fewer than 2).
struct TreatedRow {
  std::string measure;  // "arrest", "conviction", "return_prison", "employed", "homeless", "cost_<category>"
  std::string period;   // "y1".. for outcomes, "follow-up" for costs
  std::string unit;     // "pct" (percent of the participants) or "USD 2023 per participant"
  PairedDifference diff;
};

struct TreatedUnit {
  std::string scenario;
  std::string unit;              // "programme:<name>", "drug_court", "mental_health_court", "intensive_supervision"
  std::string participants_are;  // how participants are defined
  std::vector<std::int64_t> participants;  // per replicate
  int replicates_with_participants = 0;
  std::vector<TreatedRow> rows;
  // WSIPP-style benefit-cost per participant (USD 2023 per participant over
  // the follow-up), per replicate from the participants' paired changes in cost:
  //   cost_per_participant = change in programmes + housing + hiring incentives
  //                     (+ supervision for intensive_supervision, whose cost it is);
  //   public_benefit  = -(change in prison + jail + supervision + courts + taxes on
  //                     earnings) (without supervision for intensive_supervision);
  //   victim_benefit  = -(change in victim costs);
  //   benefit_cost_ratio = mean(public + victim benefit) / mean(cost), Fieller interval;
  //   chance_benefits_exceed_costs = P(mean(benefits - cost) > 0) (chance_mean_positive).
  // Each PairedDifference holds the replicate values' mean and t interval in
  // `mean`, `lo`, `hi` (baseline_mean 0).
  PairedDifference cost_per_participant, public_benefit, victim_benefit;
  RatioInterval benefit_cost_ratio;
  double chance_benefits_exceed_costs = 0;
  [[nodiscard]] double mean_participants() const;
  // As CostEffectiveness: a number only when the cost's interval is above
  // zero by more than rounding to whole dollars (with one replicate: its mean).
  [[nodiscard]] bool benefit_cost_ratio_defined() const {
    const auto& r = benefit_cost_ratio;
    if (replicates_with_participants < 1) return false;
    return r.n < 2 ? r.denominator_mean > CostEffectiveness::kSpendResolution
                   : r.denominator_lo > CostEffectiveness::kSpendResolution;
  }
  [[nodiscard]] const TreatedRow* find(std::string_view measure, std::string_view period) const;
};

struct Comparison {
  std::string baseline;
  bool common_random_numbers = true;
  int replicates = 0;
  std::int64_t people = 0;
  std::vector<std::string> scenarios;                 // [0] is the baseline
  std::vector<ComparisonRow> rows;                    // every alternative, every measure
  std::vector<CostEffectiveness> cost_effectiveness;  // every alternative with cost and arrest measures
  std::vector<TreatedUnit> treated;                   // /experiment/effect_on_treated, when present
};

// True if the open file is an experiment of kind "compare".
bool is_comparison(const H5::H5File& file);
// Throws std::runtime_error naming the file if it is not a compare experiment.
Comparison read_comparison(const std::filesystem::path& file);
Comparison read_comparison(const H5::H5File& file);

// {"<scenario>": {"<group>": {"<measure>": [{"mean", "lo", "hi"} per period]}}}
// (lo and hi are null with one replicate). Group "all" also has
// "benefit_cost_ratio" and "public_cost_per_arrest_averted": one entry
// {"mean" (the ratio estimate), "lo", "hi", "interval": "bounded" | "unbounded"
// | "undefined", "method": "fieller", "defined": bool (false: the
// denominator's interval reaches zero, and mean, lo and hi are null)}; lo and
// hi are null unless bounded; and "chance_benefits_exceed_costs": [{"mean"}]
// (a probability, null with one replicate).
nlohmann::json vs_baseline_json(const Comparison& c);

// The readable terminal table: the main rows for each alternative.
std::string format_comparison(const Comparison& c);

// Every row: scenario, baseline, measure, group, period, unit, replicates,
// baseline_mean, scenario_mean, difference, sd, lo, hi, significant; then per
// alternative the rows benefit_cost_ratio and public_cost_per_arrest_averted
// (group "all", period "follow-up"; "difference" holds the ratio estimate,
// empty when the ratio is not defined (its denominator's interval reaches
// zero: no net spend, or no arrests averted); lo, hi "-inf", "inf" when
// unbounded, empty when undefined or not defined; significant 1 when the
// interval is bounded and excludes zero), and chance_benefits_exceed_costs
// (unit "probability", in "difference"). "significant" of a difference row is
// 1 when its interval excludes zero by more than floating-point noise.
void write_comparison_csv(const Comparison& c, const std::filesystem::path& csv);

}  // namespace pw
