// The work and housing part of a results file (layout: results/README.md):
//   /scenarios/<name>/employment/<group>/
//       employed_pct, ever_employed_pct          [replicates x months] (float64)
//       any_earnings_first_full_year_pct, median_annual_earnings  [replicates x 1]
//   /scenarios/<name>/housing/<group>/
//       <state>_pct for state in own, family, transitional, shelter, street  [replicates x months]
//       shelter_within_24m_pct, street_within_12m_pct,
//       reincarcerated_among_shelter_entrants_pct  [replicates x 1]
//   /scenarios/<name>/coordination/<group>/
//       has_id_pct, benefits_pct, enrolled_pct, formally_employed_pct  [replicates x months]
// and its summary in `pathways inspect --json` ("employment", "housing", "coordination"):
// means over replicates, for the group "all" at the top level and for every
// group under "by_group". Definitions: models/reporting/reintegration_tables.hpp.
#pragma once

#include <H5Cpp.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pw {

class Simulation;

void create_reintegration_datasets(H5::Group& scenario, const std::vector<std::string>& groups, int replicates,
                                   int months);
void write_reintegration_replicate(H5::Group& scenario, int replicate, const Simulation& sim);

struct ReintegrationSummary {
  nlohmann::json employment, housing, coordination;
};
// Empty objects when the file has no employment group (files written before it existed).
ReintegrationSummary summarise_reintegration(const H5::Group& scenario, std::int64_t replicates);

}  // namespace pw
