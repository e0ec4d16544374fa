// The programmes part of a results file (layout: results/README.md):
//   /scenarios/<name>/programmes/<programme>/  attributes kind, phase, priority,
//     capacity (concurrent places in this run), places_per_1000 (as declared),
//     duration_weeks, cost_per_participant_week_usd2023;
//     weekly datasets waiting, active, enrolled, completed, dropped,
//     participant_weeks [replicates x weeks] (int64);
//     totals [replicates x 7]: enrolled, completed, dropped, waitlist_peak,
//     wait_weeks_of_enrolled, participant_weeks, pre_release_enrolled.
// and its summary in `pathways inspect --json` ("programmes").
#pragma once

#include <H5Cpp.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "models/programmes/programme_spec.hpp"

namespace pw {

class Simulation;

void create_programme_datasets(H5::Group& scenario, const std::vector<ProgrammeSpec>& specs, int replicates, int weeks,
                               int people);
void write_programme_replicate(H5::Group& scenario, int replicate, const Simulation& sim);
// {"<programme>": {"kind", "enrolled", "completed", "dropped", "waitlist_peak", "mean_wait_weeks",
//                  "participant_weeks", "cost_usd"}} as means over replicates.
nlohmann::json summarise_programmes(const H5::Group& scenario, std::int64_t replicates);

}  // namespace pw
