// Work and housing outcomes by group, computed once after the last week from
// the end-of-month census (Simulation::monthly) and the per-person records of
// the labour and housing models.
//
//   employed_pct[m]        of the group's members in the community at the end
//                          of month m, percent who worked that week (Visher,
//                          Debus & Yahner 2008 count people interviewed in the
//                          community);
//   ever_employed_pct[m]   of the group's released cohort, percent who had
//                          worked by the end of month m;
//   housing_pct[s][m]      of the members in the community at the end of month
//                          m, percent in housing state s (kHousingNames);
//   coordination_pct[k][m] of the members in the community at the end of month
//                          m, percent who hold a valid ID, income benefits or
//                          health coverage, an enrolment with community services,
//                          and who worked a formal job that week (kCoordinationSeries;
//                          models/coordination);
//   any_earnings_first_full_year_pct  percent of the cohort with any formal earnings
//                          in weeks [26, 78), the model's "first full calendar
//                          year after release" (Looney & Turner 2018);
//   median_annual_earnings median of those earnings among people with any
//                          (US dollars at 2023 prices);
//   shelter_within_24m_pct percent of the cohort who entered a shelter within
//                          104 weeks (Metraux & Culhane 2004);
//   street_within_12m_pct  percent of the cohort unsheltered within 52 weeks;
//   reincarcerated_among_shelter_entrants_pct  of those entering a shelter
//                          within 104 weeks, percent admitted to prison after
//                          that entry and within 104 weeks of release, dated at
//                          the admission as prison records date it (Metraux &
//                          Culhane 2004: 32.8%; the first or the latest
//                          admission is checked, so a middle one can be missed).
// Months are as in the cumulative tables (month m ends at week round(52 m / 12)).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "models/housing/housing_state.hpp"

namespace pw {

class Simulation;

// The monthly coordination series, in the order of GroupReintegration::coordination_pct.
inline constexpr std::array<const char*, 4> kCoordinationSeries = {"has_id_pct", "benefits_pct", "enrolled_pct",
                                                                   "formally_employed_pct"};

struct GroupReintegration {
  std::vector<double> employed_pct, ever_employed_pct;
  std::array<std::vector<double>, kCoordinationSeries.size()> coordination_pct;
  std::array<std::vector<double>, kHousingStates> housing_pct;
  double any_earnings_first_full_year_pct = 0, median_annual_earnings = 0;
  double shelter_within_24m_pct = 0, street_within_12m_pct = 0, reincarcerated_among_shelter_entrants_pct = 0;
};

struct ReintegrationTables {
  std::vector<std::string> groups;
  int months = 0;
  std::vector<GroupReintegration> by_group;  // in the order of `groups`
};

// Scalar outcomes of GroupReintegration, for writers and readers (name, member).
struct ReintegrationScalar {
  const char* name;
  double GroupReintegration::*member;
  const char* description;
};
inline constexpr std::array<ReintegrationScalar, 5> kReintegrationScalars = {{
    {"any_earnings_first_full_year_pct", &GroupReintegration::any_earnings_first_full_year_pct,
     "percent of the cohort with any formal earnings in weeks 26-77 after release"},
    {"median_annual_earnings", &GroupReintegration::median_annual_earnings,
     "median formal earnings in weeks 26-77 among those with any, USD 2023"},
    {"shelter_within_24m_pct", &GroupReintegration::shelter_within_24m_pct,
     "percent of the cohort entering a shelter within 104 weeks"},
    {"street_within_12m_pct", &GroupReintegration::street_within_12m_pct,
     "percent of the cohort unsheltered within 52 weeks"},
    {"reincarcerated_among_shelter_entrants_pct", &GroupReintegration::reincarcerated_among_shelter_entrants_pct,
     "of shelter entrants within 104 weeks, percent returned to prison within 104 weeks"},
}};

ReintegrationTables reintegration_tables(const Simulation& sim);

}  // namespace pw
