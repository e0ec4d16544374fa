#include "sim/app/io/calibration_results.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"

namespace pw {

namespace {

void write_doubles(H5::Group& g, const std::string& name, const std::vector<double>& v,
                   const std::string& description) {
  h5::write_vector(g, name, H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE, v.data(), v.size(), description);
}

void write_ints(H5::Group& g, const std::string& name, const std::vector<std::int64_t>& v,
                const std::string& description) {
  h5::write_vector(g, name, H5::PredType::STD_I64LE, H5::PredType::NATIVE_INT64, v.data(), v.size(), description);
}

std::vector<std::int64_t> read_ints(const H5::Group& g, const std::string& name) {
  const auto ds = g.openDataSet(name);
  std::vector<std::int64_t> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_INT64);
  return v;
}

// One field of every row, as a column to write.
template <class T, class Row, class F>
std::vector<T> column(const std::vector<Row>& rows, F f) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(f(row));
  return out;
}

// Effective sample size of the final population's weights (rejection: equal weights, no generations).
double final_ess(const CalibrationRecord& r) {
  return r.generations.empty() ? static_cast<double>(r.particles) : r.generations.back().ess;
}

}  // namespace

void write_calibration(H5::Group& experiment, const CalibrationRecord& r) {
  auto g = experiment.createGroup("calibration");
  h5::write_attr(g, "name", r.name);
  h5::write_attr(g, "method", r.method);
  if (!r.kernel.empty()) h5::write_attr(g, "kernel", r.kernel);
  h5::write_attr(g, "stop_reason", r.stop_reason);
  h5::write_attr(g, "point_rule", r.point_rule);
  h5::write_attr(g, "spec_file", r.spec_file);
  h5::write_attr(g, "base_scenario", r.base_scenario);
  h5::write_attr(g, "scenario_file", r.scenario_file);
  h5::write_attr(g, "seed", r.seed);
  h5::write_attr(g, "people", r.people);
  h5::write_attr(g, "replicates", r.replicates);
  h5::write_attr(g, "weeks", r.weeks);
  h5::write_attr(g, "particles", r.particles);
  h5::write_attr(g, "evaluations", r.evaluations);
  h5::write_strings(g, "spec_toml", {r.spec_toml});
  h5::write_strings(g, "scenario_toml", {r.scenario_toml});

  const auto& ps = r.parameters;
  h5::write_strings(g, "parameters", column<std::string>(ps, [](const auto& p) { return p.path; }));
  h5::write_strings(g, "units", column<std::string>(ps, [](const auto& p) { return p.unit; }));
  write_doubles(g, "lo", column<double>(ps, [](const auto& p) { return p.lo; }), "prior lower bound, internal unit");
  write_doubles(g, "hi", column<double>(ps, [](const auto& p) { return p.hi; }), "prior upper bound, internal unit");
  write_ints(g, "log_scale", column<std::int64_t>(ps, [](const auto& p) { return std::int64_t{p.log_scale}; }),
             "1: prior uniform in log(value)");
  write_doubles(g, "posterior_mean", column<double>(ps, [](const auto& p) { return p.mean; }), "weighted mean");
  write_doubles(g, "posterior_sd", column<double>(ps, [](const auto& p) { return p.sd; }),
                "weighted standard deviation");
  write_doubles(g, "posterior_q05", column<double>(ps, [](const auto& p) { return p.q05; }), "weighted 5% quantile");
  write_doubles(g, "posterior_median", column<double>(ps, [](const auto& p) { return p.median; }), "weighted median");
  write_doubles(g, "posterior_q95", column<double>(ps, [](const auto& p) { return p.q95; }), "weighted 95% quantile");
  write_doubles(g, "point", column<double>(ps, [](const auto& p) { return p.point; }),
                "value written to the scenario file (posterior mean, integers rounded)");
  h5::write_strings(g, "point_text", column<std::string>(ps, [](const auto& p) { return p.point_text; }));

  const std::size_t d = ps.size();
  auto samples = h5::create_matrix(g, "samples", H5::PredType::IEEE_F64LE, r.samples.size(), d);
  for (std::size_t k = 0; k < r.samples.size(); ++k) {
    h5::write_row(samples, k, r.samples[k].data(), H5::PredType::NATIVE_DOUBLE, d);
  }
  h5::write_attr(samples, "description",
                 std::string("final population: one row per particle, parameter values in "
                             "internal units, columns in the order of parameters"));
  write_doubles(g, "weights", r.weights, "normalised importance weight of each particle (sum 1)");
  write_doubles(g, "distances", r.distances, "RMSE of each particle's evaluation, percentage points");

  auto gg = g.createGroup("generations");
  const auto& gs = r.generations;
  write_doubles(gg, "tolerance", column<double>(gs, [](const auto& x) { return x.tolerance; }),
                "acceptance threshold of each generation, RMSE in percentage points");
  write_ints(gg, "accepted", column<std::int64_t>(gs, [](const auto& x) { return x.accepted; }), "particles kept");
  write_ints(gg, "attempts", column<std::int64_t>(gs, [](const auto& x) { return x.attempts; }),
             "proposals up to and including the last one kept");
  write_ints(gg, "evaluations", column<std::int64_t>(gs, [](const auto& x) { return x.evaluations; }),
             "proposals simulated");
  write_doubles(gg, "acceptance_rate", column<double>(gs, [](const auto& x) { return x.acceptance_rate; }),
                "accepted / attempts");
  write_doubles(gg, "ess", column<double>(gs, [](const auto& x) { return x.ess; }),
                "Kish effective sample size of the weights");

  auto fg = g.createGroup("fit");
  h5::write_double_attr(fg, "rmse", r.fit_rmse);
  h5::write_attr(fg, "replicates", r.fit_replicates);
  const auto& fs = r.fit;
  h5::write_strings(fg, "target_id", column<std::string>(fs, [](const auto& f) { return f.id; }));
  h5::write_strings(fg, "target_file", column<std::string>(fs, [](const auto& f) { return f.file; }));
  write_doubles(fg, "target", column<double>(fs, [](const auto& f) { return f.target; }), "target, percent");
  write_doubles(fg, "simulated", column<double>(fs, [](const auto& f) { return f.simulated; }),
                "the calibrated scenario's value, percent (mean over replicates)");
  write_doubles(fg, "error", column<double>(fs, [](const auto& f) { return f.error; }),
                "simulated - target, percentage points");
  write_doubles(fg, "weight", column<double>(fs, [](const auto& f) { return f.weight; }), "weight in the RMSE");
}

bool is_calibration(const H5::H5File& f) {
  if (!f.nameExists("experiment")) return false;
  const auto g = f.openGroup("experiment");
  return g.attrExists("kind") && h5::read_string_attr(g, "kind") == "calibrate";
}

CalibrationRecord read_calibration(const H5::H5File& f) {
  if (!is_calibration(f) || !f.nameExists("/experiment/calibration"))
    throw std::runtime_error("not a calibration file (no /experiment of kind \"calibrate\")");
  const auto g = f.openGroup("/experiment/calibration");
  CalibrationRecord r;
  r.name = h5::read_string_attr(g, "name");
  r.method = h5::read_string_attr(g, "method");
  if (g.attrExists("kernel")) r.kernel = h5::read_string_attr(g, "kernel");
  r.stop_reason = h5::read_string_attr(g, "stop_reason");
  r.point_rule = h5::read_string_attr(g, "point_rule");
  r.spec_file = h5::read_string_attr(g, "spec_file");
  r.base_scenario = h5::read_string_attr(g, "base_scenario");
  r.scenario_file = h5::read_string_attr(g, "scenario_file");
  r.seed = h5::read_int_attr(g, "seed");
  r.people = h5::read_int_attr(g, "people");
  r.replicates = h5::read_int_attr(g, "replicates");
  r.weeks = h5::read_int_attr(g, "weeks");
  r.particles = h5::read_int_attr(g, "particles");
  r.evaluations = h5::read_int_attr(g, "evaluations");
  r.spec_toml = h5::read_strings(g, "spec_toml").at(0);
  r.scenario_toml = h5::read_strings(g, "scenario_toml").at(0);
  const auto paths = h5::read_strings(g, "parameters");
  const auto units = h5::read_strings(g, "units");
  const auto lo = h5::read_vector_double(g, "lo"), hi = h5::read_vector_double(g, "hi");
  const auto log_scale = read_ints(g, "log_scale");
  const auto mean = h5::read_vector_double(g, "posterior_mean"), sd = h5::read_vector_double(g, "posterior_sd");
  const auto q05 = h5::read_vector_double(g, "posterior_q05"), med = h5::read_vector_double(g, "posterior_median");
  const auto q95 = h5::read_vector_double(g, "posterior_q95"), point = h5::read_vector_double(g, "point");
  const auto point_text = h5::read_strings(g, "point_text");
  for (std::size_t i = 0; i < paths.size(); ++i) {
    r.parameters.push_back({paths[i], units[i], lo[i], hi[i], log_scale[i] != 0, mean[i], sd[i], q05[i], med[i], q95[i],
                            point[i], point_text[i]});
  }
  hsize_t rows = 0, cols = 0;
  const auto s = h5::read_matrix_double(g.openDataSet("samples"), rows, cols);
  for (hsize_t k = 0; k < rows; ++k)
    r.samples.emplace_back(s.begin() + static_cast<std::ptrdiff_t>(k * cols),
                           s.begin() + static_cast<std::ptrdiff_t>((k + 1) * cols));
  r.weights = h5::read_vector_double(g, "weights");
  r.distances = h5::read_vector_double(g, "distances");
  const auto gg = g.openGroup("generations");
  const auto tol = h5::read_vector_double(gg, "tolerance"), rate = h5::read_vector_double(gg, "acceptance_rate");
  const auto ess = h5::read_vector_double(gg, "ess");
  const auto acc = read_ints(gg, "accepted"), att = read_ints(gg, "attempts"), ev = read_ints(gg, "evaluations");
  for (std::size_t k = 0; k < tol.size(); ++k)
    r.generations.push_back({tol[k], acc[k], att[k], ev[k], rate[k], ess[k]});
  const auto fg = g.openGroup("fit");
  r.fit_rmse = h5::read_double_attr(fg, "rmse");
  r.fit_replicates = h5::read_int_attr(fg, "replicates");
  const auto ids = h5::read_strings(fg, "target_id"), files = h5::read_strings(fg, "target_file");
  const auto target = h5::read_vector_double(fg, "target"), simulated = h5::read_vector_double(fg, "simulated");
  const auto error = h5::read_vector_double(fg, "error"), weight = h5::read_vector_double(fg, "weight");
  for (std::size_t k = 0; k < ids.size(); ++k)
    r.fit.push_back({ids[k], files[k], target[k], simulated[k], error[k], weight[k]});
  return r;
}

CalibrationRecord read_calibration(const std::filesystem::path& file) {
  H5::Exception::dontPrint();
  const h5::H5FailureCapture capture;
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    return read_calibration(f);
  } catch (const H5::Exception& e) {  // a damaged file check_results_file did not see
    throw ResultsFileError(
        fmt::format("{}: cannot read calibration: {}", file.string(), capture.reason_or(e.getDetailMsg())));
  } catch (const std::runtime_error& e) {  // what the file holds is not what this kind of file needs
    throw ResultsFileError(fmt::format("{}: {}", file.string(), e.what()));
  }
}

nlohmann::json calibration_json(const CalibrationRecord& r) {
  nlohmann::json params = nlohmann::json::array();
  for (const auto& p : r.parameters) {
    params.push_back({{"path", p.path},
                      {"unit", p.unit},
                      {"lo", p.lo},
                      {"hi", p.hi},
                      {"log", p.log_scale},
                      {"mean", p.mean},
                      {"sd", p.sd},
                      {"q05", p.q05},
                      {"median", p.median},
                      {"q95", p.q95},
                      {"point", p.point},
                      {"point_text", p.point_text}});
  }
  nlohmann::json tolerances = nlohmann::json::array();
  for (const auto& g : r.generations) tolerances.push_back(g.tolerance);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& f : r.fit) {
    rows.push_back({{"id", f.id},
                    {"file", f.file},
                    {"target", f.target},
                    {"simulated", f.simulated},
                    {"error", f.error},
                    {"weight", f.weight}});
  }
  return {{"name", r.name},
          {"method", r.method},
          {"kernel", r.kernel},
          {"stop_reason", r.stop_reason},
          {"particles", r.particles},
          {"evaluations", r.evaluations},
          {"people", r.people},
          {"replicates", r.replicates},
          {"seed", r.seed},
          {"point_rule", r.point_rule},
          {"tolerances", tolerances},
          {"ess", final_ess(r)},
          {"parameters", params},
          {"fit", {{"rmse", r.fit_rmse}, {"replicates", r.fit_replicates}, {"rows", rows}}},
          {"scenario_file", r.scenario_file}};
}

std::string format_calibration(const CalibrationRecord& r) {
  std::string out =
      fmt::format("calibration {} ({}, {} particles, {} evaluations of {} people x {} replicate(s)): {}\n", r.name,
                  r.method == "smc"        ? "ABC-SMC, " + r.kernel + " kernel"
                  : r.method == "smc-mcmc" ? std::string("ABC-SMC with MCMC moves")
                                           : std::string("rejection ABC"),
                  r.particles, r.evaluations, r.people, r.replicates, r.stop_reason);
  out += "tolerance by generation (RMSE, pp):";
  for (const auto& g : r.generations) out += fmt::format(" {:.3g}", g.tolerance);
  out += fmt::format("\n\nposterior ({}; internal units)\n  {:44s} {:>22s} {:>10s} {:>10s} {:>10s} {:>10s}  written\n",
                     r.point_rule, "parameter", "prior range", "mean", "sd", "5%", "95%");
  for (const auto& p : r.parameters) {
    out += fmt::format("  {:44s} {:>22s} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}  {}\n", p.path,
                       fmt::format("[{:.4g}, {:.4g}]{}", p.lo, p.hi, p.log_scale ? " log" : ""), p.mean, p.sd, p.q05,
                       p.q95, p.point_text);
  }
  // Weights concentrated on a few particles: the spread above rests on those few.
  const double ess = final_ess(r);
  out += fmt::format("effective sample size of the weights: {:.1f} of {} particles\n", ess, r.particles);
  if (ess < std::max(10.0, 0.1 * static_cast<double>(r.particles))) {
    out +=
        "warning: the weights rest on a few particles, so the sd and quantiles above understate the\n"
        "  posterior's spread; the written point can still fit well (see the fit below). More particles,\n"
        "  or kernel = \"global\" (broader proposals, more evenly weighted), give a better spread.\n";
  }
  out += fmt::format("\nfit of the calibrated scenario ({} replicate(s); simulated minus target, percentage points):\n",
                     r.fit_replicates);
  out += fmt::format("  {:44s} {:>8s} {:>9s} {:>7s}\n", "target", "target", "simulated", "error");
  std::string file;
  for (const auto& f : r.fit) {
    if (f.file != file) {
      out += fmt::format("  {}{}\n", f.file, f.weight != 1.0 ? fmt::format(" (weight {:g})", f.weight) : "");
      file = f.file;
    }
    out += fmt::format("    {:42s} {:8.1f} {:9.1f} {:+7.1f}\n", f.id, f.target, f.simulated, f.error);
  }
  double worst = 0;
  for (const auto& f : r.fit) worst = std::max(worst, std::abs(f.error));
  out += fmt::format("RMSE {:.2f} pp over {} targets; largest gap {:.1f} pp\n", r.fit_rmse, r.fit.size(), worst);
  return out;
}

}  // namespace pw
