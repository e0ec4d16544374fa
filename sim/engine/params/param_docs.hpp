// Renders the parameter schema as text (`pathways params`) and as the checked-in
// reference docs/parameters.md (`pathways params --markdown`; a test fails when
// the checked-in file is stale).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/engine/params/param_table.hpp"

namespace pw {

std::string parameters_text(const ParamTable& table, const std::string& prefix);
// `entries` are the tables of typed collections ([[programme]]...), keyed by collection name.
std::string parameters_markdown(const ParamTable& table,
                                const std::vector<std::pair<std::string, const ParamTable*>>& entries = {});

}  // namespace pw
