#include "sim/app/experiment/sweep_spec.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "models/reporting/outcome_tables.hpp"
#include "sim/app/experiment/spec_reader.hpp"
#include "sim/app/io/outcome_measures.hpp"
#include "sim/engine/methods/designs.hpp"
#include "sim/engine/methods/saltelli.hpp"

namespace pw {

std::array<std::string, 3> split_output(const std::string& output) {
  const auto a = output.find('.');
  const auto b = a == std::string::npos ? a : output.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos || output.find('.', b + 1) != std::string::npos) {
    throw std::invalid_argument(fmt::format("output \"{}\" is not measure.group.period", output));
  }
  return {output.substr(0, a), output.substr(a + 1, b - a - 1), output.substr(b + 1)};
}

namespace {

const std::set<std::string> kTopKeys = {"name",       "description", "scenario", "design",   "points",
                                        "replicates", "people",      "weeks",    "seed",     "design_seed",
                                        "bootstrap",  "set",         "outputs",  "parameter"};
const std::set<std::string> kParameterKeys = {"path", "lo", "hi", "levels", "log"};
// The most design points (runs per replicate) a sweep may have, as for grids.
constexpr std::int64_t kMaxDesignPoints = 100000;

std::string point_name(std::size_t p, std::size_t points) {
  const int digits = std::max<int>(4, static_cast<int>(std::to_string(points > 0 ? points - 1 : 0).size()));
  return fmt::format("point_{:0{}d}", p, digits);
}

}  // namespace

ExperimentPlan plan_sweep(const SweepOptions& o) {
  SpecReader rd{o.spec.string(), {}};
  const toml::table t = parse_spec_file(o.spec, "sweep spec");
  rd.root = &t;
  rd.unknown_keys(t, kTopKeys, "");
  const auto base_rel = rd.get<std::string>(t, "scenario", "a string (path of the base scenario)");
  const auto design = rd.get<std::string>(t, "design", "a string: grid, lhs or sobol").value_or("");
  const auto points = rd.get<std::int64_t>(t, "points", "an integer");
  const auto reps = rd.get<std::int64_t>(t, "replicates", "an integer").value_or(1);
  const auto people = rd.get<std::int64_t>(t, "people", "an integer");
  const auto weeks = rd.get<std::int64_t>(t, "weeks", "an integer");
  const auto seed = rd.get<std::int64_t>(t, "seed", "an integer");
  const auto design_seed = rd.get<std::int64_t>(t, "design_seed", "an integer").value_or(1);
  const auto bootstrap = rd.get<std::int64_t>(t, "bootstrap", "an integer").value_or(1000);
  const auto sets = rd.strings(t, "set");
  const auto outputs = rd.strings(t, "outputs");
  const auto name = rd.get<std::string>(t, "name", "a string").value_or(o.spec.stem().string());
  if (!base_rel) rd.issue("scenario", "missing: the base scenario file, e.g. scenario = \"../baseline.toml\"");
  if (base_rel) rd.base_scenario_exists(o.spec.parent_path() / *base_rel);
  if (design != "grid" && design != "lhs" && design != "sobol") {
    if (const auto* n = t.get("design")) {
      rd.issue(*n, "design", fmt::format("\"{}\" is not a design; accepted: grid, lhs, sobol", design));
    } else {
      rd.issue("design", "missing: accepted designs are grid, lhs, sobol");
    }
  }
  if ((design == "lhs" || design == "sobol") && (!points || *points < 2)) {
    rd.issue("points", design == "sobol"
                           ? "missing or < 2: the number of Saltelli base rows N (runs = N (d + 2)); a power of two"
                           : "missing or < 2: the number of Latin hypercube points");
  } else if ((design == "lhs" || design == "sobol") && *points > kMaxDesignPoints) {
    rd.issue("points", fmt::format("out of range: {} points; a sweep has at most {} design points{}", *points,
                                   kMaxDesignPoints, design == "sobol" ? " (N (d + 2) for sobol)" : ""));
  }
  if (reps < 1 || reps > 10000) rd.issue("replicates", "out of range: 1 to 10000");
  if (bootstrap < 0 || bootstrap > 100000) rd.issue("bootstrap", "out of range: 0 to 100000");
  if (outputs.empty()) rd.issue("outputs", "missing: at least one output, e.g. outputs = [\"return_prison.all.y3\"]");
  const auto* outputs_array = t.get("outputs") != nullptr ? t.get("outputs")->as_array() : nullptr;
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    const auto& out = outputs[k];
    // At the output's own line (every entry is a string here: rd.strings kept only those).
    const toml::node* at = nullptr;
    if (outputs_array != nullptr) {
      std::size_t seen = 0;
      for (const auto& e : *outputs_array) {
        if (e.is_string() && seen++ == k) at = &e;
      }
    }
    const auto out_issue = [&](std::string msg) {
      if (at != nullptr)
        rd.issue(*at, "outputs", std::move(msg));
      else
        rd.issue("outputs", std::move(msg));
    };
    try {
      const auto [measure, group, period] = split_output(out);
      const auto groups = standard_group_names();
      const auto known = known_measures();
      if (std::find(known.begin(), known.end(), measure) == known.end()) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        out_issue(fmt::format("\"{}\": unknown measure \"{}\"; accepted: {}", out, measure, list));
      }
      if (std::find(groups.begin(), groups.end(), group) == groups.end()) {
        out_issue(fmt::format("\"{}\": unknown group \"{}\" (see results/README.md, groups)", out, group));
      }
      if (period != "follow-up" && !std::regex_match(period, std::regex(R"([ym][1-9][0-9]?)"))) {
        out_issue(fmt::format("\"{}\": period \"{}\" is not y1, y2, ..., m1, m3, m8 (coordination) or follow-up", out,
                              period));
      }
    } catch (const std::invalid_argument& e) {
      out_issue(e.what());
    }
  }

  SweepDesign sd;
  sd.design = design;
  sd.outputs = outputs;
  sd.bootstrap = static_cast<std::size_t>(std::max<std::int64_t>(bootstrap, 0));
  sd.analysis_seed = static_cast<std::uint64_t>(design_seed);
  std::vector<int> levels;
  std::vector<ParamInfo> infos;
  const auto* params_node = t.get("parameter");
  const auto* params = params_node != nullptr ? params_node->as_array() : nullptr;
  if (params == nullptr || !params->is_array_of_tables() || params->empty()) {
    rd.issue("parameter", "missing: at least one [[parameter]] table with path, lo and hi");
  } else {
    for (const auto& e : *params) {
      const auto& pt = *e.as_table();
      rd.unknown_keys(pt, kParameterKeys, "parameter.");
      const auto lv = rd.get<std::int64_t>(pt, "levels", "an integer");
      const auto ranged = read_parameter_range(rd, e, pt, "swept");
      if (!ranged) continue;
      if (design == "grid" && (!lv || *lv < 1 || *lv > 1000)) {
        rd.issue(e, "parameter.levels", "a grid needs levels = 1 to 1000 for every parameter");
      }
      levels.push_back(lv ? static_cast<int>(*lv) : 1);
      sd.dimensions.push_back(ranged->dimension);
      infos.push_back(ranged->info);
    }
  }
  if (design == "sobol" && points && *points <= kMaxDesignPoints &&
      *points * static_cast<std::int64_t>(sd.dimensions.size() + 2) > kMaxDesignPoints) {
    rd.issue("points", fmt::format("out of range: points = {} with {} parameters gives N (d + 2) = {} runs per "
                                   "replicate; a sweep has at most {} design points",
                                   *points, sd.dimensions.size(),
                                   *points * static_cast<std::int64_t>(sd.dimensions.size() + 2), kMaxDesignPoints));
  }
  if (!rd.issues.empty()) throw ScenarioError(rd.issues, "spec file");

  // The design on the unit cube.
  const std::size_t d = sd.dimensions.size();
  try {
    if (design == "grid") {
      sd.unit_points = methods::full_factorial(levels, static_cast<std::size_t>(kMaxDesignPoints));
    } else if (design == "lhs") {
      sd.unit_points = methods::latin_hypercube(static_cast<std::size_t>(*points), d, sd.analysis_seed);
    } else {
      const auto s = methods::saltelli_design(static_cast<std::size_t>(*points), d);
      sd.base_rows = s.base_rows;
      sd.skip = s.skip;
      sd.unit_points = s.points;
    }
  } catch (const std::invalid_argument& e) {
    rd.issue(design == "grid" ? "parameter" : "points", e.what());
  }
  if (!rd.issues.empty()) throw ScenarioError(rd.issues, "spec file");
  if (sd.unit_points.size() > static_cast<std::size_t>(kMaxDesignPoints)) {
    rd.issue("points", fmt::format("out of range: the design has {} points; a sweep has at most {}",
                                   sd.unit_points.size(), kMaxDesignPoints));
    throw ScenarioError(rd.issues, "spec file");
  }
  sd.values = methods::to_values(sd.dimensions, sd.unit_points);

  const auto base_file = o.spec.parent_path() / *base_rel;
  const LoadedScenario base = load_scenario(base_file, sets);
  ExperimentPlan plan;
  plan.kind = "sweep";
  plan.replicates = o.replicates > 0 ? o.replicates : static_cast<int>(reps);
  plan.common_random_numbers = true;
  plan.persons = o.persons;
  const int n_people = o.people > 0 ? o.people : people ? static_cast<int>(*people) : base.params.run.people;
  const int n_weeks = o.weeks > 0 ? o.weeks : weeks ? static_cast<int>(*weeks) : base.params.run.horizon_weeks();
  const auto n_seed = o.seed >= 0 ? o.seed : seed ? *seed : static_cast<std::int64_t>(base.params.run.seed);
  const std::size_t n_points = sd.unit_points.size();
  for (std::size_t p = 0; p < n_points; ++p) {
    std::vector<std::string> point_sets = sets;
    std::string label;
    for (std::size_t i = 0; i < d; ++i) {
      double v = sd.values[p][i];
      if (infos[i].type == ValueType::Integer) sd.values[p][i] = v = static_cast<double>(std::llround(v));
      auto text = format_value(v, infos[i].unit, infos[i].type);
      sd.set_values.push_back(text);
      point_sets.push_back(fmt::format("{}={}", sd.dimensions[i].path, text));
      label += fmt::format("{}{}={}", label.empty() ? "" : ", ", sd.dimensions[i].path, text);
    }
    point_sets.push_back(fmt::format("simulation.people={}", n_people));
    point_sets.push_back(fmt::format("simulation.horizon={}w", n_weeks));
    point_sets.push_back(fmt::format("simulation.replicates={}", plan.replicates));
    point_sets.push_back(fmt::format("simulation.seed={}", n_seed));
    ExperimentScenario es{base_file, load_scenario(base_file, point_sets)};
    es.loaded.meta.name = point_name(p, n_points);
    es.loaded.meta.description = fmt::format("sweep {} point {}: {}", name, p, label);
    plan.scenarios.push_back(std::move(es));
  }
  plan.sweep = std::move(sd);
  hash_inputs(plan);
  return plan;
}

}  // namespace pw
