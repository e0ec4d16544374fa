// The recidivism table printed after `pathways run` and by `pathways inspect`:
// cumulative percent at the end of each year for the headline groups, with the
// calibration targets beside the model when a targets file is given.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/app/io/targets.hpp"

namespace pw {

std::string format_recidivism_table(const nlohmann::json& summary, const std::vector<TargetRow>& targets);

}  // namespace pw
