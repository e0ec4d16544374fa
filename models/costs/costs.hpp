// Public and victim costs of one replicate.
//
// When it runs: once per replicate, after the last week, from the weekly counts
// (Simulation::weekly()); nothing here runs in the weekly loop. It is a pure
// function of the counts and the unit prices in CostParams.
//
// Units: US dollars at kPriceBaseYear (2023) prices, per simulation week, summed
// over the cohort; undiscounted. Stocks (persons in prison, in jail, on
// supervision) are counted at the end of the week and each is charged one week;
// flows (arrests, offences) are charged in the week they happen.
//
// Every category is a cost except taxes_on_earnings, which is the taxes the
// cohort pays on its earnings, entered as a negative cost so that the total is
// the net cost to the public and to victims.
//
// Categories are listed in kCostCategories (name, description), in the order of
// CostSeries::weekly; the results writer and `inspect --json` iterate it, so a
// new category is added here only. `total` is the sum of the categories, week
// by week, in that order.
//
// Programme costs are not computed here: the caller passes the cost of
// programmes in each week (the programmes sub-model owns it) and it is carried
// into the "programmes" category as given. Until that sub-model supplies it the
// vector is empty and the category is zero.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "models/costs/cost_params.hpp"
#include "models/justice/week_counts.hpp"

namespace pw {

struct CostCategory {
  std::string_view name;
  std::string_view description;
};

// Indices into kCostCategories and CostSeries::weekly.
enum CostIndex : std::size_t {
  kCostPrison,
  kCostJail,
  kCostSupervision,
  kCostCourts,
  kCostVictim,
  kCostProgrammes,
  kCostHousing,
  kCostIncentives,
  kCostTaxes
};

inline constexpr std::array<CostCategory, 9> kCostCategories = {{
    {"prison", "persons in prison at the end of the week x costs.prison_bed_week"},
    {"jail", "persons in jail at the end of the week x costs.jail_bed_week"},
    {"supervision",
     "persons on standard supervision x costs.supervision_standard_week + persons on intensive supervision x "
     "costs.supervision_intensive_week"},
    {"courts", "arrests x costs.courts_per_arrest"},
    {"victim",
     "offences of each type, detected or not, x costs.victim_violent, costs.victim_property, costs.victim_drug, "
     "costs.victim_public_order"},
    {"programmes",
     "cost of programmes, problem-solving courts and volunteer-mentor coordination (participant-weeks x cost per "
     "week; pre-release courses in week 0), and of the pre-release coordination levers (IDs issued, benefits "
     "filed, enrolments made x their costs.* prices)"},
    {"housing",
     "transitional beds held x costs.transitional_bed_week + shelter beds held x costs.shelter_bed_week + vouchers x "
     "costs.voucher_week + public-housing units x costs.public_housing_week"},
    {"employment_incentives", "tax credits claimed x costs.tax_credit_per_hire + bonds x costs.bond_per_hire"},
    {"taxes_on_earnings",
     "minus costs.tax_rate_on_earnings x the cohort's formal earnings: taxes paid (negative, so the total is net)"},
}};

inline constexpr std::string_view kCostTotalName = "total";
inline constexpr std::string_view kCostTotalDescription = "sum of every cost category";

struct CostSeries {
  // weekly[c][t]: cost of category c (kCostCategories order) in week t.
  std::array<std::vector<double>, kCostCategories.size()> weekly;
  // total[t]: sum over the categories in week t.
  std::vector<double> total;

  [[nodiscard]] std::size_t weeks() const { return total.size(); }
  // Sum over weeks of one category, or of the total.
  [[nodiscard]] double sum(std::size_t category) const;
  [[nodiscard]] double sum_total() const;
};

// Weekly costs of one replicate. `programme_costs` is the cost of programmes in
// each week: empty for none, otherwise one value per week (throws
// std::invalid_argument when its length differs from `weekly`).
CostSeries compute_costs(const std::vector<WeekCounts>& weekly, const CostParams& prices,
                         const std::vector<double>& programme_costs = {});

}  // namespace pw
