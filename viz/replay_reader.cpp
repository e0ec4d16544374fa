#include "viz/replay_reader.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/results_check.hpp"

namespace pw::viz {

namespace {

bool path_exists(const H5::Group& g, const std::string& path) {
  std::string partial;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    partial = path.substr(0, slash);
    if (H5Lexists(g.getId(), partial.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
  return true;
}

RunData read_scenario(const H5::Group& g, const std::string& name) {
  RunData run;
  run.name = name;
  run.description = h5::read_string_attr(g, "description");
  run.people = h5::read_int_attr(g, "people");
  run.seed = h5::read_int_attr(g, "seed");
  run.horizon = static_cast<int>(h5::read_int_attr(g, "weeks"));
  run.replicates = static_cast<int>(h5::read_int_attr(g, "replicates_written"));
  run.weeks_done = run.horizon;
  const int months = static_cast<int>(h5::read_int_attr(g, "months"));
  std::vector<ProgrammeSpec> programmes;
  if (path_exists(g, "programmes")) {
    const auto pg = g.openGroup("programmes");
    for (hsize_t k = 0; k < pg.getNumObjs(); ++k) {
      ProgrammeSpec s;
      s.name = pg.getObjnameByIdx(k);
      const auto one = pg.openGroup(s.name);
      s.phase = one.attrExists("phase") ? h5::read_string_attr(one, "phase") : "post_release";
      programmes.push_back(s);
    }
  }
  run.values.assign(static_cast<std::size_t>(run.replicates), {});
  for (const auto& def : series_catalog(programmes)) {
    if (def.h5_path.empty() || !path_exists(g, def.h5_path)) continue;
    hsize_t rows = 0, cols = 0;
    const auto m = h5::read_matrix_double(g.openDataSet(def.h5_path), rows, cols);
    if (rows < static_cast<hsize_t>(run.replicates)) continue;
    run.series.push_back(def);
    for (int r = 0; r < run.replicates; ++r) {
      const double* row = m.data() + static_cast<std::size_t>(r) * cols;
      std::vector<float> v;
      if (def.h5_shape == H5Shape::Monthly) {
        v = months_to_weeks(row, std::min<std::size_t>(cols, static_cast<std::size_t>(months)), run.horizon);
      } else {
        const double scale = def.h5_shape == H5Shape::WeeklyPercentOfCohort
                                 ? 100.0 / static_cast<double>(std::max<long long>(1, run.people))
                                 : def.h5_scale;
        for (hsize_t t = 0; t < cols; ++t) v.push_back(static_cast<float>(row[t] * scale));
      }
      run.values[static_cast<std::size_t>(r)].push_back(std::move(v));
    }
  }
  return run;
}

}  // namespace

std::vector<float> months_to_weeks(const double* months, std::size_t n_months, int weeks) {
  std::vector<float> out(static_cast<std::size_t>(weeks), 0.0f);
  double prev_x = 0, prev_y = 0;
  std::size_t m = 0;
  for (int t = 0; t < weeks; ++t) {
    const double x = t + 1;  // end of week t
    while (m < n_months && std::lround(52.0 * static_cast<double>(m + 1) / 12.0) < x) {
      prev_x = static_cast<double>(std::lround(52.0 * static_cast<double>(m + 1) / 12.0));
      prev_y = months[m];
      ++m;
    }
    if (m >= n_months) {
      out[static_cast<std::size_t>(t)] = static_cast<float>(prev_y);
      continue;
    }
    const double next_x = static_cast<double>(std::lround(52.0 * static_cast<double>(m + 1) / 12.0));
    const double next_y = months[m];
    out[static_cast<std::size_t>(t)] =
        static_cast<float>(next_x > prev_x ? prev_y + (next_y - prev_y) * (x - prev_x) / (next_x - prev_x) : next_y);
  }
  return out;
}

std::vector<RunData> read_results_file(const std::filesystem::path& file) {
  // Empty, not HDF5, truncated, a dataset missing: named before anything is read.
  check_results_file(file);
  H5::Exception::dontPrint();
  std::vector<RunData> runs;
  try {
    if (!H5::H5File::isHdf5(file.string())) throw std::runtime_error("not an HDF5 file");
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    if (!f.attrExists("format") || h5::read_string_attr(f, "format") != "pathways-results") {
      throw std::runtime_error("not a Pathways results file (no format attribute \"pathways-results\")");
    }
    const auto scenarios = f.openGroup("scenarios");
    for (hsize_t k = 0; k < scenarios.getNumObjs(); ++k) {
      const std::string name = scenarios.getObjnameByIdx(k);
      runs.push_back(read_scenario(scenarios.openGroup(name), name));
    }
  } catch (const H5::Exception& e) {
    throw std::runtime_error(fmt::format("{}: cannot read: {}", file.string(), e.getDetailMsg()));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", file.string(), e.what()));
  }
  if (runs.empty()) throw std::runtime_error(file.string() + ": the file holds no scenario");
  for (auto& r : runs) {
    if (r.replicates == 0)
      throw std::runtime_error(file.string() + ": scenario " + r.name + " has no replicate written");
  }
  return runs;
}

}  // namespace pw::viz
