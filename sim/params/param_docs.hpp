// Renders the parameter schema as text (`pathways params`) and as the checked-in
// reference docs/parameters.md (`pathways params --markdown`; a test fails when
// the checked-in file is stale).
#pragma once

#include <string>

#include "sim/params/param_table.hpp"

namespace pw {

std::string parameters_text(const ParamTable& table, const std::string& prefix);
std::string parameters_markdown(const ParamTable& table);

}  // namespace pw
