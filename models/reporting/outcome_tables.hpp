// Monthly cumulative recidivism tables by group, counted as BJS counts them
// (Antenangeli & Durose 2021, NCJ 256094):
//   arrest         first arrest after release;
//   conviction     first arrest that led to a conviction, dated at the arrest;
//   return_prison  first admission to prison, on a new sentence or a revocation,
//                  dated at the arrest that led to it (for a technical violation,
//                  at the admission), as the BJS figures date it (NCJ 244205, fig. 1).
// Percent of the group's released cohort with the event before the end of month
// m (m = 1..months; month m ends at week round(52 m / 12), so month 12 is week 52).
// Computed once, after the last week.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/reporting/group_index.hpp"

namespace pw {

class Simulation;

inline constexpr std::array<std::string_view, 3> kOutcomes = {"arrest", "conviction", "return_prison"};

struct CumulativeTables {
  std::vector<std::string> groups;
  std::vector<std::int64_t> group_size;
  int months = 0;
  // pct[group][outcome][month - 1]
  std::vector<std::array<std::vector<double>, kOutcomes.size()>> pct;
};

int months_in_horizon(int weeks);
int week_ending_month(int month);

CumulativeTables cumulative_tables(const Simulation& sim);

}  // namespace pw
