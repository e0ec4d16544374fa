// Reads a results file back and summarises it: the `pathways inspect --json`
// contract. Numbers are means over replicates, in percent of the released
// cohort; array index 0 is the end of year 1. An experiment file (compare) adds
// "experiment" (its design) and "vs_baseline" (comparison.hpp); a sweep adds
// "sweep" (sweep_results.hpp).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

namespace pw {

// Throws std::runtime_error naming the file when it is missing or not a results file.
nlohmann::json summarise_results(const std::filesystem::path& file);

}  // namespace pw
