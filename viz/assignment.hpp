// "PATH=VALUE" as written on the command line (--b-set), converted exactly like
// a scenario file value ("26w", "45%", true, risk_first) into internal units.
// Runs at start-up, on the UI thread.
#pragma once

#include <string>

#include "models/model_params.hpp"

namespace pw::viz {

// Parses `assignment` for `params` (programme keys as "programme[NAME].key");
// "" on success, else the error naming the path and what is accepted.
std::string parse_assignment(const ModelParams& params, const std::string& assignment, std::string& path,
                             ParamValue& value);

}  // namespace pw::viz
