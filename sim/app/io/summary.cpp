#include "sim/app/io/summary.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>

#include <stdexcept>

#include "models/costs/costs.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "sim/app/io/calibration_results.hpp"
#include "sim/app/io/comparison.hpp"
#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/network_results.hpp"
#include "sim/app/io/programme_results.hpp"
#include "sim/app/io/reintegration_results.hpp"
#include "sim/app/io/sweep_results.hpp"

namespace pw {

namespace {
// "costs": per category and total, the mean over replicates of the sum over
// weeks, and that per released person; with the currency and price year.
nlohmann::json summarise_costs(const H5::Group& g, std::int64_t reps, std::int64_t people) {
  const auto cg = g.openGroup("costs");
  nlohmann::json out;
  const auto add = [&](std::string_view name) {
    if (!cg.nameExists(std::string(name))) return;
    hsize_t rows = 0, cols = 0;
    const auto m = h5::read_matrix_double(cg.openDataSet(std::string(name)), rows, cols);
    double sum = 0;
    for (hsize_t r = 0; r < static_cast<hsize_t>(reps) && r < rows; ++r) {
      for (hsize_t t = 0; t < cols; ++t) sum += m[r * cols + t];
    }
    const double mean = reps > 0 ? sum / static_cast<double>(reps) : 0.0;
    out[std::string(name)] = {{"total_usd", mean},
                              {"per_person_usd", people > 0 ? mean / static_cast<double>(people) : 0.0}};
  };
  for (const auto& c : kCostCategories) add(c.name);
  add(kCostTotalName);
  out["currency"] = cg.attrExists("currency") ? h5::read_string_attr(cg, "currency") : std::string("USD");
  out["price_year"] = cg.attrExists("price_year") ? h5::read_int_attr(cg, "price_year") : std::int64_t{kPriceBaseYear};
  return out;
}
}  // namespace

nlohmann::json summarise_results(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw std::runtime_error(fmt::format("{}: missing file: no such results file", file.string()));
  }
  H5::Exception::dontPrint();
  const h5::H5FailureCapture capture;
  nlohmann::json out;
  try {
    if (!H5::H5File::isHdf5(file.string())) throw std::runtime_error("not an HDF5 file");
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    if (!f.attrExists("format") || h5::read_string_attr(f, "format") != "pathways-results") {
      throw std::runtime_error("not a Pathways results file (no format attribute \"pathways-results\")");
    }
    out["file"] = file.string();
    out["program_version"] = h5::read_string_attr(f, "program_version");
    out["git_commit"] = h5::read_string_attr(f, "git_commit");
    const auto scenarios = f.openGroup("scenarios");
    for (hsize_t k = 0; k < scenarios.getNumObjs(); ++k) {
      const std::string name = scenarios.getObjnameByIdx(k);
      const auto g = scenarios.openGroup(name);
      const auto reps = h5::read_int_attr(g, "replicates_written");
      nlohmann::json s;
      s["people"] = h5::read_int_attr(g, "people");
      s["weeks"] = h5::read_int_attr(g, "weeks");
      s["reps"] = reps;
      s["seed"] = h5::read_int_attr(g, "seed");
      s["description"] = h5::read_string_attr(g, "description");
      const auto groups = h5::read_strings(g, "groups");
      const auto cg = g.openGroup("cumulative_pct");
      nlohmann::json cum, sizes;
      hsize_t gs_rows = 0, gs_cols = 0, rows = 0, cols = 0;
      const auto gs = h5::read_matrix_double(g.openDataSet("group_size"), gs_rows, gs_cols);
      for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        double n = 0;
        for (hsize_t r = 0; r < static_cast<hsize_t>(reps); ++r) n += gs[r * gs_cols + gi];
        sizes[groups[gi]] = reps > 0 ? n / static_cast<double>(reps) : 0.0;
        const auto gg = cg.openGroup(groups[gi]);
        for (const auto outcome : kOutcomes) {
          const auto m = h5::read_matrix_double(gg.openDataSet(std::string(outcome)), rows, cols);
          std::vector<double> years;
          for (hsize_t month = 12; month <= cols; month += 12) {
            double sum = 0;
            for (hsize_t r = 0; r < static_cast<hsize_t>(reps); ++r) sum += m[r * cols + month - 1];
            years.push_back(reps > 0 ? sum / static_cast<double>(reps) : 0.0);
          }
          cum[groups[gi]][std::string(outcome)] = years;
        }
      }
      s["cumulative_pct"] = cum;
      s["group_size_mean"] = sizes;
      // Files written before costs existed have no costs group and no "costs" key.
      if (g.nameExists("costs")) s["costs"] = summarise_costs(g, reps, h5::read_int_attr(g, "people"));
      s["programmes"] = summarise_programmes(g, reps);
      if (auto r = summarise_reintegration(g, reps); !r.employment.empty()) {
        s["employment"] = std::move(r.employment);
        s["housing"] = std::move(r.housing);
        if (!r.coordination.empty()) s["coordination"] = std::move(r.coordination);
      }
      if (auto n = summarise_network(g, reps); !n.network.empty()) {
        s["network"] = std::move(n.network);
        s["concentration"] = std::move(n.concentration);
      }
      out["scenarios"][name] = s;
    }
    // A compare experiment: its design and the paired differences against the baseline.
    if (f.nameExists("experiment")) {
      const auto eg = f.openGroup("experiment");
      out["experiment"] = {{"kind", h5::read_string_attr(eg, "kind")},
                           {"baseline", h5::read_string_attr(eg, "baseline")},
                           {"common_random_numbers", h5::read_int_attr(eg, "common_random_numbers") != 0},
                           {"replicates", h5::read_int_attr(eg, "replicates")},
                           {"inputs_hash", h5::read_string_attr(eg, "inputs_hash")},
                           {"scenarios", h5::read_strings(eg, "scenarios")}};
      if (is_comparison(f)) out["vs_baseline"] = vs_baseline_json(read_comparison(f));
      if (is_sweep(f)) out["sweep"] = sweep_json(read_sweep(f));
      if (is_calibration(f)) out["calibration"] = calibration_json(read_calibration(f));
    }
  } catch (const H5::Exception& e) {  // a damaged file check_results_file did not see
    throw ResultsFileError(
        fmt::format("{}: cannot read results: {}", file.string(), capture.reason_or(e.getDetailMsg())));
  } catch (const std::runtime_error& e) {  // what the file holds is not what this kind of file needs
    throw ResultsFileError(fmt::format("{}: {}", file.string(), e.what()));
  }
  return out;
}

}  // namespace pw
