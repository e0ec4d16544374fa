#include "sim/app/io/reintegration_results.hpp"

#include <fmt/format.h>

#include "models/reporting/reintegration_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/io/h5_util.hpp"

namespace pw {

namespace {
constexpr const char* kMonthly[] = {"employed_pct", "ever_employed_pct"};

std::string state_dataset(std::size_t h) { return fmt::format("{}_pct", kHousingNames[h]); }

bool is_employment_scalar(std::string_view name) {
  return name == "any_earnings_first_full_year_pct" || name == "median_annual_earnings";
}

}  // namespace

void create_reintegration_datasets(H5::Group& scenario, const std::vector<std::string>& groups, int replicates,
                                   int months) {
  const auto reps = static_cast<hsize_t>(replicates);
  const auto cols = static_cast<hsize_t>(months);
  auto eg = scenario.createGroup("employment");
  auto hg = scenario.createGroup("housing");
  auto cg = scenario.createGroup("coordination");
  for (const auto& group : groups) {
    auto c = cg.createGroup(group);
    for (const auto* name : kCoordinationSeries) h5::create_matrix(c, name, H5::PredType::IEEE_F64LE, reps, cols);
    auto e = eg.createGroup(group);
    for (const auto* name : kMonthly) h5::create_matrix(e, name, H5::PredType::IEEE_F64LE, reps, cols);
    auto h = hg.createGroup(group);
    for (std::size_t s = 0; s < kHousingStates; ++s) {
      h5::create_matrix(h, state_dataset(s), H5::PredType::IEEE_F64LE, reps, cols);
    }
    for (const auto& sc : kReintegrationScalars) {
      auto& target = is_employment_scalar(sc.name) ? e : h;
      auto ds = h5::create_matrix(target, sc.name, H5::PredType::IEEE_F64LE, reps, 1);
      h5::write_attr(ds, "description", std::string(sc.description));
    }
  }
}

void write_reintegration_replicate(H5::Group& scenario, int replicate, const Simulation& sim) {
  const auto t = reintegration_tables(sim);
  const auto r = static_cast<hsize_t>(replicate);
  auto eg = scenario.openGroup("employment");
  auto hg = scenario.openGroup("housing");
  auto cg = scenario.openGroup("coordination");
  const auto row = [&](H5::Group& g, const std::string& name, const std::vector<double>& v) {
    auto ds = g.openDataSet(name);
    h5::write_row(ds, r, v.data(), H5::PredType::NATIVE_DOUBLE, v.size());
  };
  for (std::size_t k = 0; k < t.groups.size(); ++k) {
    const auto& g = t.by_group[k];
    auto e = eg.openGroup(t.groups[k]);
    auto h = hg.openGroup(t.groups[k]);
    row(e, "employed_pct", g.employed_pct);
    auto c = cg.openGroup(t.groups[k]);
    for (std::size_t s = 0; s < kCoordinationSeries.size(); ++s) row(c, kCoordinationSeries[s], g.coordination_pct[s]);
    row(e, "ever_employed_pct", g.ever_employed_pct);
    for (std::size_t s = 0; s < kHousingStates; ++s) row(h, state_dataset(s), g.housing_pct[s]);
    for (const auto& sc : kReintegrationScalars) row(is_employment_scalar(sc.name) ? e : h, sc.name, {g.*sc.member});
  }
}

ReintegrationSummary summarise_reintegration(const H5::Group& scenario, std::int64_t reps) {
  ReintegrationSummary out;
  if (!scenario.nameExists("employment") || !scenario.nameExists("housing")) return out;
  const auto eg = scenario.openGroup("employment");
  const auto hg = scenario.openGroup("housing");
  nlohmann::json emp_by_group, hous_by_group, coord_by_group;
  const bool has_coordination = scenario.nameExists("coordination");  // files written before it existed have none
  for (hsize_t k = 0; k < eg.getNumObjs(); ++k) {
    const std::string group = eg.getObjnameByIdx(k);
    const auto e = eg.openGroup(group);
    const auto h = hg.openGroup(group);
    nlohmann::json emp, hous, states;
    emp["employed_pct_by_month"] = h5::column_means(e, "employed_pct", reps);
    emp["ever_employed_pct_by_month"] = h5::column_means(e, "ever_employed_pct", reps);
    for (std::size_t s = 0; s < kHousingStates; ++s) {
      states[std::string(kHousingNames[s])] = h5::column_means(h, state_dataset(s), reps);
    }
    hous["pct_by_state_by_month"] = states;
    for (const auto& sc : kReintegrationScalars) {
      const double v = h5::column_means(is_employment_scalar(sc.name) ? e : h, sc.name, reps).at(0);
      (is_employment_scalar(sc.name) ? emp : hous)[sc.name] = v;
    }
    if (has_coordination) {
      const auto c = scenario.openGroup("coordination").openGroup(group);
      nlohmann::json coord;
      for (const auto* name : kCoordinationSeries) {
        coord[std::string(name) + "_by_month"] = h5::column_means(c, name, reps);
      }
      coord_by_group[group] = coord;
    }
    emp_by_group[group] = emp;
    hous_by_group[group] = hous;
  }
  if (emp_by_group.contains("all")) {
    out.employment = emp_by_group["all"];
    out.housing = hous_by_group["all"];
    if (has_coordination) out.coordination = coord_by_group["all"];
  }
  if (has_coordination) out.coordination["by_group"] = coord_by_group;
  out.employment["by_group"] = emp_by_group;
  out.housing["by_group"] = hous_by_group;
  return out;
}

}  // namespace pw
