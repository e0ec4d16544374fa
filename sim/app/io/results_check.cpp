#include "sim/app/io/results_check.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>

#include <memory>
#include <vector>

#include "models/costs/costs.hpp"
#include "models/justice/week_counts.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"

namespace pw {

namespace {

// What is wrong inside an open file, as "<path in the file>: <problem>".
struct Problem {
  std::string what;
};

bool link_exists(const H5::Group& g, const std::string& path) {
  std::size_t start = 0;
  while (true) {
    const auto slash = path.find('/', start);
    const std::string partial = path.substr(0, slash);
    if (H5Lexists(g.getId(), partial.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

void need_attr(const H5::H5Object& obj, const std::string& where, const std::string& name) {
  if (!obj.attrExists(name)) throw Problem{fmt::format("{}: the attribute \"{}\" is missing", where, name)};
}

// A [rows x cols] dataset at `rel` under `g` ("where" names g in the file).
void need_matrix(const H5::Group& g, const std::string& where, const std::string& rel, hsize_t min_rows, hsize_t cols) {
  const std::string full = where + "/" + rel;
  if (!link_exists(g, rel)) throw Problem{fmt::format("the dataset {} is missing", full)};
  if (g.childObjType(rel) != H5O_TYPE_DATASET) throw Problem{fmt::format("{} is not a dataset", full)};
  const auto space = g.openDataSet(rel).getSpace();
  if (space.getSimpleExtentNdims() != 2) {
    throw Problem{fmt::format("the dataset {} has {} dimensions, not 2 (replicates x columns)", full,
                              space.getSimpleExtentNdims())};
  }
  hsize_t dims[2] = {0, 0};
  space.getSimpleExtentDims(dims);
  if (dims[0] < min_rows || (cols > 0 && dims[1] != cols)) {
    throw Problem{fmt::format("the dataset {} is {} x {}; the scenario needs at least {} x {}", full, dims[0], dims[1],
                              min_rows, cols)};
  }
}

void need_strings(const H5::Group& g, const std::string& where, const std::string& rel) {
  if (!link_exists(g, rel) || g.childObjType(rel) != H5O_TYPE_DATASET) {
    throw Problem{fmt::format("the dataset {}/{} is missing", where, rel)};
  }
}

void check_scenario(const H5::Group& g, const std::string& where) {
  for (const char* a : {"description", "seed", "people", "weeks", "replicates", "months", "replicates_written"}) {
    need_attr(g, where, a);
  }
  const auto reps = h5::read_int_attr(g, "replicates_written");
  const auto weeks = h5::read_int_attr(g, "weeks");
  const auto months = h5::read_int_attr(g, "months");
  if (reps < 0 || weeks < 1 || months < 0) {
    throw Problem{fmt::format("{}: replicates_written = {}, weeks = {}, months = {} are not possible", where, reps,
                              weeks, months)};
  }
  const auto r = static_cast<hsize_t>(reps);
  need_strings(g, where, "groups");
  const auto groups = h5::read_strings(g, "groups");
  for (const auto& f : WeekCounts::kFields) {
    need_matrix(g, where, "weekly/" + std::string(f.name), r, static_cast<hsize_t>(weeks));
  }
  for (const auto& group : groups) {
    for (const auto outcome : kOutcomes) {
      need_matrix(g, where, fmt::format("cumulative_pct/{}/{}", group, outcome), r, static_cast<hsize_t>(months));
    }
  }
  need_matrix(g, where, "group_size", r, groups.size());
  if (link_exists(g, "costs")) {
    for (const auto& c : kCostCategories) need_matrix(g, where, "costs/" + std::string(c.name), r, weeks);
    need_matrix(g, where, "costs/" + std::string(kCostTotalName), r, weeks);
  }
}

std::string check_experiment(const H5::H5File& f) {
  const H5::Group eg = f.openGroup("experiment");
  for (const char* a : {"kind", "baseline", "inputs_hash", "replicates"}) need_attr(eg, "/experiment", a);
  const std::string kind = h5::read_string_attr(eg, "kind");
  need_strings(eg, "/experiment", "scenarios");
  const auto sg = f.openGroup("scenarios");
  for (const auto& name : h5::read_strings(eg, "scenarios")) {
    if (!link_exists(sg, name)) {
      throw Problem{fmt::format("the scenario /scenarios/{} listed in /experiment/scenarios is missing", name)};
    }
  }
  if (kind == "sweep") {
    if (!link_exists(eg, "design")) throw Problem{"the group /experiment/design of a sweep is missing"};
    const auto dg = eg.openGroup("design");
    need_attr(dg, "/experiment/design", "design");
    for (const char* d : {"parameters", "outputs"}) need_strings(dg, "/experiment/design", d);
    for (const char* d : {"lo", "hi", "log_scale", "values"}) {
      if (!link_exists(dg, d)) throw Problem{fmt::format("the dataset /experiment/design/{} is missing", d)};
    }
  } else if (kind == "calibrate") {
    if (!link_exists(eg, "calibration")) throw Problem{"the group /experiment/calibration of a calibration is missing"};
  } else if (kind != "compare") {
    throw Problem{fmt::format("/experiment: unknown kind \"{}\" (compare, sweep or calibrate)", kind)};
  }
  return kind;
}

std::string check_open_file(const H5::H5File& f) {
  if (!f.attrExists("format") || h5::read_string_attr(f, "format") != "pathways-results") {
    throw Problem{"not a Pathways results file (no format attribute \"pathways-results\")"};
  }
  if (!link_exists(f, "scenarios")) throw Problem{"the group /scenarios is missing"};
  const auto sg = f.openGroup("scenarios");
  if (sg.getNumObjs() == 0) throw Problem{"the file holds no scenario (/scenarios is empty)"};
  for (hsize_t k = 0; k < sg.getNumObjs(); ++k) {
    const std::string name = sg.getObjnameByIdx(k);
    check_scenario(sg.openGroup(name), "/scenarios/" + name);
  }
  return link_exists(f, "experiment") ? check_experiment(f) : std::string("run");
}

std::string check(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw ResultsFileError(name + ": missing file: no such results file");
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw ResultsFileError(name + ": not a results file (a directory, device or FIFO)");
  }
  if (std::filesystem::file_size(file, ec) == 0)
    throw ResultsFileError(name + ": not a results file: the file is empty");
  const h5::H5FailureCapture capture;
  if (H5Fis_hdf5(file.c_str()) <= 0) {
    throw ResultsFileError(name + ": not a results file: not an HDF5 file (no HDF5 signature)");
  }
  std::unique_ptr<H5::H5File> f;
  try {
    f = std::make_unique<H5::H5File>(name, H5F_ACC_RDONLY);
  } catch (const H5::Exception& e) {
    const std::string why = capture.reason_or(e.getDetailMsg());
    const bool truncated = why.find("truncated") != std::string::npos;
    throw ResultsFileError(
        fmt::format("{}: damaged results file: {} (HDF5: {})", name,
                    truncated ? "it is truncated, shorter than HDF5 recorded" : "it cannot be opened", why));
  }
  try {
    return check_open_file(*f);
  } catch (const Problem& p) {
    throw ResultsFileError(fmt::format("{}: {}", name, p.what));
  } catch (const H5::Exception& e) {
    throw ResultsFileError(fmt::format("{}: damaged results file: {}", name, capture.reason_or(e.getDetailMsg())));
  }
}

}  // namespace

void check_results_file(const std::filesystem::path& file, const std::string& expected_kind) {
  const std::string kind = check(file);
  if (!expected_kind.empty() && kind != expected_kind) {
    const auto said = [](const std::string& k) {
      return k == "run"         ? std::string("a run's results file")
             : k == "calibrate" ? std::string("a calibration file")
                                : "a " + k + " experiment file";
    };
    throw ResultsFileError(fmt::format("{}: this is {}, not {}", file.string(), said(kind), said(expected_kind)));
  }
}

std::string results_file_kind(const std::filesystem::path& file) { return check(file); }

}  // namespace pw
