// The outcomes an experiment compares, read per replicate from one scenario of
// a results file: the rows of `pathways compare` and of "vs_baseline".
//
// A measure is (name, group, period): e.g. ("return_prison", "male", year 5).
// Each MeasureSource in kMeasureSources reads one family of measures; to add
// outcomes (employment, housing...) append a source whose reader fills rows
// from the datasets its sub-model writes. Everything downstream (terminal
// table, CSV, JSON, Python) iterates the rows and needs no change.
//
// Families now:
//   cumulative   arrest, conviction, return_prison: percent of the group's
//                released cohort with a first event by the end of year y
//                (unit "pct"; periods y1..yY; every reporting group);
//   costs        cost_public_per_person (every category but victim; taxes on
//                earnings count negative), cost_victim_per_person,
//                cost_total_per_person, and cost_<category>_per_person for
//                each category of kCostCategories:
//                USD (2023 prices) per released person over the follow-up
//                (group "all"; period "follow-up");
//   events       offences, arrests, convictions and prison admissions (new
//                sentence or revocation) per released person over the
//                follow-up, from the weekly series (unit "per person"; group
//                "all"; period "follow-up");
//   reintegration  employed_pct and homeless_pct (shelter or street) among the
//                group's members in the community at the end of year y, and
//                ever_employed_pct of the group's cohort by then (unit "pct";
//                periods y1..yY; every group); any_formal_earnings_pct (weeks
//                26-77), shelter_within_24m_pct (unit "pct"; period
//                "follow-up"; every group); earnings_per_person (formal and
//                informal, USD 2023 per released person over the follow-up;
//                group "all"). Definitions: reintegration_tables.hpp;
//   coordination has_id_pct, benefits_pct, enrolled_pct, formally_employed_pct
//                among the members of group "all" in the community at the end
//                of month 1, 3, 8 and 12 (periods m1, m3, m8, y1; unit "pct";
//                models/coordination).
#pragma once

#include <H5Cpp.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace pw {

struct MeasureRow {
  std::string measure;
  std::string group;
  std::string period;  // "y1".. or "follow-up"
  std::string unit;
  std::vector<double> per_replicate;
};

struct MeasureSource {
  std::string_view family;
  // Appends this family's rows for the first `reps` replicates of `scenario`.
  void (*read)(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);
};

// The cost family's measures: public (all but victim), victim, total.
inline constexpr std::array<std::string_view, 3> kCostMeasures = {"cost_public_per_person", "cost_victim_per_person",
                                                                  "cost_total_per_person"};

void read_cumulative_measures(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);
void read_cost_measures(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);
void read_event_measures(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);
void read_reintegration_measures(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);
void read_coordination_measures(const H5::Group& scenario, int reps, std::vector<MeasureRow>& out);

inline constexpr std::array<std::string_view, 6> kReintegrationMeasures = {
    "employed_pct",           "ever_employed_pct",  "homeless_pct", "any_formal_earnings_pct",
    "shelter_within_24m_pct", "earnings_per_person"};

// The events family: measure name and the weekly series summed into it.
struct EventMeasure {
  std::string_view name;
  std::array<std::string_view, 3> series;  // empty entries are unused
};
inline constexpr std::array<EventMeasure, 4> kEventMeasures = {{
    {"offences_per_person", {"offences", "", ""}},
    {"arrests_per_person", {"arrests", "", ""}},
    {"convictions_per_person", {"convictions", "", ""}},
    {"prison_admissions_per_person", {"prison_admissions_new_sentence", "revocations_technical", "revocations_arrest"}},
}};

inline constexpr MeasureSource kMeasureSources[] = {
    {"cumulative", &read_cumulative_measures},
    {"costs", &read_cost_measures},
    {"events", &read_event_measures},
    {"reintegration", &read_reintegration_measures},
    {"coordination", &read_coordination_measures},
};

// The measure names the sources can produce (for validating sweep outputs).
std::vector<std::string> known_measures();

// Every family, in kMeasureSources order.
std::vector<MeasureRow> read_measures(const H5::Group& scenario, int reps);

}  // namespace pw
