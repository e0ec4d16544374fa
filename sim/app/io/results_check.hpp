// Checks a results file given as input (to inspect, report, the viewer's
// replay, or an experiment assembling its journal) before anything reads it,
// so a damaged or foreign file is an error naming the file and what is wrong
// (exit code 2) instead of an HDF5 exception, a crash or a Python traceback.
//
// It checks, in this order: the file exists and is a non-empty regular file;
// it is HDF5 and opens (a truncated file is named as such); it has the format
// attribute "pathways-results" and at least one scenario; every scenario has
// the attributes every reader uses and the datasets of results/README.md's
// core layout (weekly/*, cumulative_pct/<group>/*, group_size, costs/*), each
// 2-D with a row per replicate written; an experiment file has the
// /experiment group of its kind, whose scenarios are all present. When a kind
// is expected ("compare", "sweep", "calibrate", or "run" for a file without
// /experiment), a file of another kind is refused naming both.
// Runs in about a millisecond per scenario (metadata only; no data is read).
#pragma once

#include <filesystem>
#include <string>

namespace pw {

// Throws ResultsFileError (sim/app/io/io_errors.hpp). `expected_kind` empty: any kind.
void check_results_file(const std::filesystem::path& file, const std::string& expected_kind = {});

// The kind of a results file that passes check_results_file: "run", "compare",
// "sweep" or "calibrate". Throws ResultsFileError.
std::string results_file_kind(const std::filesystem::path& file);

}  // namespace pw
