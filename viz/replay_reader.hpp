// Reads a results file (the layout of results/README.md, any file with it:
// a run, a comparison or a sweep) into one RunData per scenario, for replay.
// Weekly series are read as stored; the monthly cumulative percentages are
// spread over weeks by linear interpolation between month ends (week
// round(52 m / 12)). Series absent from the file (older files, a programme
// the file lacks) are left out. Runs once, at start-up, on the UI thread.
#pragma once

#include <filesystem>
#include <vector>

#include "viz/run_data.hpp"

namespace pw::viz {

// Month-end values (column m - 1 = end of month m, week round(52 m / 12)) to
// one value per week t (the end of week t is t + 1 weeks after release),
// linear between month ends and from 0 at release.
std::vector<float> months_to_weeks(const double* months, std::size_t n_months, int weeks);

// Throws std::runtime_error naming the file when it is missing or not a results
// file, ResultsFileError (sim/app/io/results_check.hpp) naming what is wrong when it is damaged.
std::vector<RunData> read_results_file(const std::filesystem::path& file);

}  // namespace pw::viz
