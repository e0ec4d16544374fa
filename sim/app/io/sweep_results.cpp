#include "sim/app/io/sweep_results.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>

#include "sim/app/experiment/sweep_spec.hpp"
#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/outcome_measures.hpp"
#include "sim/engine/methods/saltelli.hpp"

namespace pw {

namespace {

void write_doubles(H5::Group& g, const std::string& name, const std::vector<double>& v, hsize_t rows, hsize_t cols) {
  const hsize_t dims[2] = {rows, cols};
  auto ds = g.createDataSet(name, H5::PredType::IEEE_F64LE, H5::DataSpace(cols > 0 ? 2 : 1, dims));
  if (!v.empty()) ds.write(v.data(), H5::PredType::NATIVE_DOUBLE);
}

std::vector<double> flatten(const methods::Design& d) {
  std::vector<double> out;
  for (const auto& p : d) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::vector<double> read_doubles(const H5::Group& g, const std::string& name, hsize_t& rows, hsize_t& cols) {
  const auto ds = g.openDataSet(name);
  const auto space = ds.getSpace();
  hsize_t dims[2] = {0, 1};
  space.getSimpleExtentDims(dims);
  rows = dims[0];
  cols = space.getSimpleExtentNdims() == 2 ? dims[1] : 1;
  std::vector<double> v(rows * cols);
  if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}

}  // namespace

void write_sweep_design(H5::Group& experiment, const SweepDesign& s) {
  auto g = experiment.createGroup("design");
  h5::write_attr(g, "design", s.design);
  h5::write_attr(g, "base_rows", static_cast<std::int64_t>(s.base_rows));
  h5::write_attr(g, "skip", static_cast<std::int64_t>(s.skip));
  h5::write_attr(g, "bootstrap", static_cast<std::int64_t>(s.bootstrap));
  h5::write_attr(g, "analysis_seed", static_cast<std::int64_t>(s.analysis_seed));
  std::vector<std::string> paths;
  std::vector<double> lo, hi, log_scale;
  for (const auto& d : s.dimensions) {
    paths.push_back(d.path);
    lo.push_back(d.lo);
    hi.push_back(d.hi);
    log_scale.push_back(d.log_scale ? 1.0 : 0.0);
  }
  h5::write_strings(g, "parameters", paths);
  write_doubles(g, "lo", lo, lo.size(), 0);
  write_doubles(g, "hi", hi, hi.size(), 0);
  write_doubles(g, "log_scale", log_scale, log_scale.size(), 0);
  write_doubles(g, "unit_points", flatten(s.unit_points), s.unit_points.size(), s.dimensions.size());
  write_doubles(g, "values", flatten(s.values), s.values.size(), s.dimensions.size());
  h5::write_strings(g, "set_values", s.set_values);
  h5::write_strings(g, "outputs", s.outputs);
}

bool is_sweep(const H5::H5File& f) {
  if (!f.nameExists("experiment")) return false;
  const auto g = f.openGroup("experiment");
  return g.attrExists("kind") && h5::read_string_attr(g, "kind") == "sweep";
}

SweepResults read_sweep(const H5::H5File& f, const std::vector<std::string>& wanted) {
  if (!is_sweep(f)) throw std::runtime_error("not a sweep experiment (no /experiment of kind \"sweep\")");
  const auto eg = f.openGroup("experiment");
  const auto dg = eg.openGroup("design");
  SweepResults r;
  r.design = h5::read_string_attr(dg, "design");
  r.points = h5::read_strings(eg, "scenarios");
  r.replicates = static_cast<int>(h5::read_int_attr(eg, "replicates"));
  const auto paths = h5::read_strings(dg, "parameters");
  hsize_t rows = 0, cols = 0;
  const auto lo = read_doubles(dg, "lo", rows, cols);
  const auto hi = read_doubles(dg, "hi", rows, cols);
  const auto lg = read_doubles(dg, "log_scale", rows, cols);
  for (std::size_t i = 0; i < paths.size(); ++i) r.dimensions.push_back({paths[i], lo[i], hi[i], lg[i] != 0});
  const auto values = read_doubles(dg, "values", rows, cols);
  for (hsize_t p = 0; p < rows; ++p) r.values.emplace_back(values.begin() + p * cols, values.begin() + (p + 1) * cols);
  const auto outputs = wanted.empty() ? h5::read_strings(dg, "outputs") : wanted;

  // Per point: every measure, mean over replicates, kept only for the outputs.
  std::map<std::string, std::size_t> index;
  for (const auto& o : outputs) {
    index.emplace(o, r.outputs.size());
    r.outputs.push_back({o, "", std::vector<double>(r.points.size(), 0.0), std::nullopt});
  }
  const auto sg = f.openGroup("scenarios");
  for (std::size_t p = 0; p < r.points.size(); ++p) {
    const auto g = sg.openGroup(r.points[p]);
    const int reps = static_cast<int>(h5::read_int_attr(g, "replicates_written"));
    std::vector<bool> seen(outputs.size(), false);
    for (const auto& m : read_measures(g, reps)) {
      const auto it = index.find(m.measure + "." + m.group + "." + m.period);
      if (it == index.end()) continue;
      double sum = 0;
      for (const double v : m.per_replicate) sum += v;
      r.outputs[it->second].values[p] = reps > 0 ? sum / reps : 0.0;
      r.outputs[it->second].unit = m.unit;
      seen[it->second] = true;
    }
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      if (!seen[k]) {
        throw std::runtime_error(
            fmt::format("output \"{}\" is not in point {} (a year beyond the horizon?)", outputs[k], r.points[p]));
      }
    }
  }
  if (r.design == "sobol") {
    const auto design =
        methods::saltelli_design(static_cast<std::size_t>(h5::read_int_attr(dg, "base_rows")), r.dimensions.size(),
                                 static_cast<std::uint64_t>(h5::read_int_attr(dg, "skip")));
    methods::SobolIndexOptions opt;
    opt.bootstrap = static_cast<std::size_t>(h5::read_int_attr(dg, "bootstrap"));
    opt.seed = static_cast<std::uint64_t>(h5::read_int_attr(dg, "analysis_seed"));
    for (auto& o : r.outputs) {
      try {
        o.sobol = methods::sobol_indices(design, o.values, opt);
      } catch (const std::invalid_argument&) {
        o.sobol.reset();  // a constant output has no indices
      }
    }
  }
  return r;
}

SweepResults read_sweep(const std::filesystem::path& file, const std::vector<std::string>& outputs) {
  H5::Exception::dontPrint();
  const h5::H5FailureCapture capture;
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    return read_sweep(f, outputs);
  } catch (const H5::Exception& e) {  // a damaged file check_results_file did not see
    throw ResultsFileError(
        fmt::format("{}: cannot read the sweep: {}", file.string(), capture.reason_or(e.getDetailMsg())));
  } catch (const std::runtime_error& e) {  // what the file holds is not what this kind of file needs
    throw ResultsFileError(fmt::format("{}: {}", file.string(), e.what()));
  }
}

nlohmann::json sweep_json(const SweepResults& r) {
  nlohmann::json j;
  j["design"] = r.design;
  j["points"] = r.points.size();
  j["replicates"] = r.replicates;
  for (const auto& d : r.dimensions) {
    j["parameters"].push_back({{"path", d.path}, {"lo", d.lo}, {"hi", d.hi}, {"log", d.log_scale}});
  }
  for (const auto& o : r.outputs) {
    nlohmann::json oj;
    oj["unit"] = o.unit;
    const auto [mn, mx] = std::minmax_element(o.values.begin(), o.values.end());
    double sum = 0;
    for (const double v : o.values) sum += v;
    oj["mean"] = o.values.empty() ? 0.0 : sum / static_cast<double>(o.values.size());
    oj["min"] = o.values.empty() ? 0.0 : *mn;
    oj["max"] = o.values.empty() ? 0.0 : *mx;
    if (o.sobol) {
      for (std::size_t i = 0; i < r.dimensions.size(); ++i) {
        const auto& f = o.sobol->first[i];
        const auto& t = o.sobol->total[i];
        oj["sobol"][r.dimensions[i].path] = {{"first", {{"estimate", f.estimate}, {"lo", f.lo}, {"hi", f.hi}}},
                                             {"total", {{"estimate", t.estimate}, {"lo", t.lo}, {"hi", t.hi}}}};
      }
    }
    j["outputs"][o.name] = oj;
  }
  return j;
}

std::string format_sweep(const SweepResults& r) {
  std::string out = fmt::format("\n{} sweep: {} points x {} replicate(s) over {} parameter(s)\n", r.design,
                                r.points.size(), r.replicates, r.dimensions.size());
  for (const auto& d : r.dimensions) {
    out += fmt::format("  {:<48} [{}, {}]{}\n", d.path, d.lo, d.hi, d.log_scale ? " log scale" : "");
  }
  // Small designs: every point, one row each.
  if (r.points.size() <= 40) {
    out += fmt::format("\n  {:<11}", "point");
    for (const auto& d : r.dimensions)
      out += fmt::format(" {:>14}", d.path.substr(d.path.rfind('.') + 1).substr(0, 14));
    for (const auto& o : r.outputs) out += fmt::format(" {:>14}", o.name.substr(0, 14));
    out += "\n";
    for (std::size_t p = 0; p < r.points.size(); ++p) {
      out += fmt::format("  {:<11}", r.points[p]);
      for (const double v : r.values[p]) out += fmt::format(" {:>14.4g}", v);
      for (const auto& o : r.outputs) out += fmt::format(" {:>14.4g}", o.values[p]);
      out += "\n";
    }
  }
  for (const auto& o : r.outputs) {
    const auto [mn, mx] = std::minmax_element(o.values.begin(), o.values.end());
    out += fmt::format("\n{} ({}): min {:.4g} at {}, max {:.4g} at {}\n", o.name, o.unit, *mn,
                       r.points[static_cast<std::size_t>(mn - o.values.begin())], *mx,
                       r.points[static_cast<std::size_t>(mx - o.values.begin())]);
    if (o.sobol) {
      out += fmt::format("  {:<48} {:>22} {:>22}\n", "Sobol index (95% bootstrap interval)", "first order S1",
                         "total order ST");
      for (std::size_t i = 0; i < r.dimensions.size(); ++i) {
        const auto& f = o.sobol->first[i];
        const auto& t = o.sobol->total[i];
        out += fmt::format("  {:<48} {:>6.3f} [{:>6.3f},{:>6.3f}] {:>6.3f} [{:>6.3f},{:>6.3f}]\n", r.dimensions[i].path,
                           f.estimate, f.lo, f.hi, t.estimate, t.lo, t.hi);
      }
    } else if (r.design == "sobol") {
      out += "  (constant output: no Sobol indices)\n";
    }
  }
  return out;
}

void write_sweep_csv(const SweepResults& r, const std::filesystem::path& csv) {
  if (csv.has_parent_path()) std::filesystem::create_directories(csv.parent_path());
  std::ofstream out(csv);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the CSV", csv.string()));
  out << "point";
  for (const auto& d : r.dimensions) out << ',' << d.path;
  for (const auto& o : r.outputs) out << ',' << o.name;
  out << '\n';
  for (std::size_t p = 0; p < r.points.size(); ++p) {
    out << r.points[p];
    for (const double v : r.values[p]) out << ',' << fmt::format("{:.10g}", v);
    for (const auto& o : r.outputs) out << ',' << fmt::format("{:.10g}", o.values[p]);
    out << '\n';
  }
}

}  // namespace pw
