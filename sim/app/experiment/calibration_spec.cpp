#include "sim/app/experiment/calibration_spec.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <cmath>
#include <limits>
#include <set>

#include "sim/app/experiment/calibration_targets.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/experiment/spec_reader.hpp"
#include "sim/app/experiment/task_journal.hpp"

namespace pw {

namespace {

const std::set<std::string> kTopKeys = {"name",
                                        "description",
                                        "scenario",
                                        "set",
                                        "method",
                                        "particles",
                                        "kernel",
                                        "generations",
                                        "alpha",
                                        "tolerance",
                                        "tolerances",
                                        "min_acceptance_rate",
                                        "max_evaluations",
                                        "people",
                                        "replicates",
                                        "weeks",
                                        "seed",
                                        "parameter",
                                        "targets",
                                        "common_random_numbers",
                                        "max_moves",
                                        "moves_per_particle"};
const std::set<std::string> kParameterKeys = {"path", "lo", "hi", "log"};
const std::set<std::string> kTargetKeys = {"file", "rows", "weight"};

}  // namespace

std::string to_string(CalibrationMethod m) {
  return m == CalibrationMethod::Smc ? "smc" : m == CalibrationMethod::SmcMcmc ? "smc-mcmc" : "rejection";
}

std::uint64_t CalibrationSpec::attempts_per_generation() const {
  if (method == CalibrationMethod::Rejection) return max_evaluations;
  if (method == CalibrationMethod::SmcMcmc) return static_cast<std::uint64_t>(particles) * max_moves;
  return static_cast<std::uint64_t>(std::ceil(static_cast<double>(particles) / min_acceptance_rate));
}

std::uint32_t CalibrationSpec::max_generations() const {
  if (method == CalibrationMethod::Rejection) return 1;
  if (!tolerances.empty())
    return std::min<std::uint32_t>(generations, static_cast<std::uint32_t>(tolerances.size() + 1));
  return generations;
}

CalibrationSpec read_calibration_spec(const std::filesystem::path& file, int people_override) {
  SpecReader rd{file.string(), {}};
  const toml::table t = parse_spec_file(file, "calibration spec");
  rd.root = &t;
  CalibrationSpec s;
  s.file = file;
  s.text = read_file_bytes(file);
  rd.unknown_keys(t, kTopKeys, "");
  s.name = rd.get<std::string>(t, "name", "a string").value_or(file.stem().string());
  s.description = rd.get<std::string>(t, "description", "a string").value_or("");
  const auto base_rel =
      rd.get<std::string>(t, "scenario", "a string (path of the base scenario, relative to the spec)");
  if (!base_rel) rd.issue("scenario", "missing: the base scenario file, e.g. scenario = \"../baseline.toml\"");
  s.sets = rd.strings(t, "set");

  const auto method = rd.get<std::string>(t, "method", "a string: smc, smc-mcmc or rejection").value_or("smc");
  if (method == "smc") {
    s.method = CalibrationMethod::Smc;
  } else if (method == "smc-mcmc") {
    s.method = CalibrationMethod::SmcMcmc;
  } else if (method == "rejection") {
    s.method = CalibrationMethod::Rejection;
  } else {
    rd.issue(*t.get("method"), "method",
             fmt::format("\"{}\" is not a method; accepted: smc (default), smc-mcmc, rejection", method));
  }
  const auto kernel = rd.get<std::string>(t, "kernel", "a string: olcm or global").value_or("olcm");
  if (kernel == "olcm") {
    s.kernel = methods::AbcKernel::Olcm;
  } else if (kernel == "global") {
    s.kernel = methods::AbcKernel::Global;
  } else {
    rd.issue(*t.get("kernel"), "kernel",
             fmt::format("\"{}\" is not a kernel; accepted: olcm (default, a local covariance per particle), global",
                         kernel));
  }
  if (t.contains("kernel") && s.method != CalibrationMethod::Smc)
    rd.issue(*t.get("kernel"), "kernel",
             "smc only: rejection ABC draws from the prior, and smc-mcmc moves particles by a random walk");
  const auto max_moves = rd.get<std::int64_t>(t, "max_moves", "an integer").value_or(8);
  if (max_moves < 1 || max_moves > 1000) rd.issue(*t.get("max_moves"), "max_moves", "out of range: 1 to 1000");
  s.max_moves = static_cast<std::uint32_t>(std::clamp<std::int64_t>(max_moves, 1, 1000));
  s.moves_per_particle = rd.get<double>(t, "moves_per_particle", "a number > 0").value_or(1.0);
  if (!(s.moves_per_particle > 0.0 && s.moves_per_particle <= 100.0))
    rd.issue(*t.get("moves_per_particle"), "moves_per_particle", "out of range: (0, 100], e.g. 1");
  for (const char* key : {"max_moves", "moves_per_particle"}) {
    if (t.contains(key) && s.method != CalibrationMethod::SmcMcmc) rd.issue(*t.get(key), key, "smc-mcmc only");
  }
  const auto particles = rd.get<std::int64_t>(t, "particles", "an integer").value_or(100);
  if (particles < 2 || particles > 100000) rd.issue(*t.get("particles"), "particles", "out of range: 2 to 100000");
  s.particles = static_cast<std::size_t>(std::clamp<std::int64_t>(particles, 2, 100000));
  const auto generations = rd.get<std::int64_t>(t, "generations", "an integer").value_or(8);
  if (generations < 1 || generations > 1000) rd.issue(*t.get("generations"), "generations", "out of range: 1 to 1000");
  s.generations = static_cast<std::uint32_t>(std::clamp<std::int64_t>(generations, 1, 1000));
  s.alpha = rd.get<double>(t, "alpha", "a number in (0, 1)").value_or(0.5);
  if (!(s.alpha > 0.0 && s.alpha < 1.0))
    rd.issue(*t.get("alpha"), "alpha", "out of range: a quantile in (0, 1), e.g. 0.5");
  s.tolerances = rd.numbers(t, "tolerances");
  for (std::size_t k = 0; k < s.tolerances.size(); ++k) {
    if (!(s.tolerances[k] >= 0.0) || (k > 0 && !(s.tolerances[k] < s.tolerances[k - 1]))) {
      rd.issue(*t.get("tolerances"), "tolerances",
               "must be RMSEs in percentage points, >= 0 and strictly decreasing, e.g. [4.0, 2.0, 1.0]");
      break;
    }
  }
  const auto tolerance = rd.get<double>(t, "tolerance", "a number (RMSE, percentage points)");
  if (tolerance && !(*tolerance >= 0.0))
    rd.issue(*t.get("tolerance"), "tolerance", "out of range: an RMSE >= 0 (percentage points)");
  s.tolerance = tolerance.value_or(0.0);
  s.min_acceptance_rate = rd.get<double>(t, "min_acceptance_rate", "a number in (0, 1]").value_or(0.02);
  if (!(s.min_acceptance_rate > 0.0 && s.min_acceptance_rate <= 1.0))
    rd.issue(*t.get("min_acceptance_rate"), "min_acceptance_rate", "out of range: (0, 1], e.g. 0.02");
  const auto max_eval = rd.get<std::int64_t>(t, "max_evaluations", "an integer");
  if (max_eval && (*max_eval < 0 || *max_eval > 100'000'000))
    rd.issue(*t.get("max_evaluations"), "max_evaluations", "out of range: 0 (no limit; smc only) to 100000000");
  s.max_evaluations = static_cast<std::uint64_t>(std::max<std::int64_t>(max_eval.value_or(0), 0));
  if (s.method == CalibrationMethod::Rejection) {
    if (s.max_evaluations == 0)
      rd.issue("max_evaluations", "missing: rejection draws max_evaluations proposals from the prior, e.g. 1000");
    else if (!tolerance && s.max_evaluations < s.particles)
      rd.issue(*t.get("max_evaluations"), "max_evaluations",
               fmt::format("rejection keeps the {} nearest of max_evaluations draws: it must be at least particles",
                           s.particles));
    if (!s.tolerances.empty()) rd.issue(*t.get("tolerances"), "tolerances", "smc only: rejection has one tolerance");
  }
  if (s.method == CalibrationMethod::SmcMcmc && !s.tolerances.empty())
    rd.issue(*t.get("tolerances"), "tolerances", "smc only: smc-mcmc sets each tolerance from alpha");
  if (s.method != CalibrationMethod::Rejection &&
      static_cast<double>(s.attempts_per_generation()) * s.max_generations() > std::numeric_limits<int>::max()) {
    rd.issue("min_acceptance_rate",
             "too many possible evaluations: generations x particles / min_acceptance_rate must "
             "stay below 2^31; raise min_acceptance_rate or lower particles or generations");
  }

  const auto people = rd.get<std::int64_t>(t, "people", "an integer");
  if (people && (*people < 1 || *people > 10'000'000))
    rd.issue(*t.get("people"), "people", "out of range: 1 to 10000000");
  s.people = people_override > 0 ? people_override : static_cast<int>(people.value_or(0));
  const auto reps = rd.get<std::int64_t>(t, "replicates", "an integer").value_or(1);
  if (reps < 1 || reps > 1000) rd.issue(*t.get("replicates"), "replicates", "out of range: 1 to 1000");
  s.replicates = static_cast<int>(std::clamp<std::int64_t>(reps, 1, 1000));
  const auto weeks = rd.get<std::int64_t>(t, "weeks", "an integer");
  if (weeks && (*weeks < 1 || *weeks > 780)) rd.issue(*t.get("weeks"), "weeks", "out of range: 1 to 780");
  s.weeks = static_cast<int>(weeks.value_or(0));
  const auto seed = rd.get<std::int64_t>(t, "seed", "an integer").value_or(1);
  if (seed < 0) rd.issue(*t.get("seed"), "seed", "out of range: an integer >= 0");
  s.seed = static_cast<std::uint64_t>(std::max<std::int64_t>(seed, 0));
  s.common_random_numbers = rd.get<bool>(t, "common_random_numbers", "true or false").value_or(false);

  // [[parameter]]: path, lo, hi, log.
  const auto* params_node = t.get("parameter");
  const auto* params = params_node != nullptr ? params_node->as_array() : nullptr;
  if (params == nullptr || !params->is_array_of_tables() || params->empty()) {
    rd.issue("parameter", "missing: at least one [[parameter]] table with path, lo and hi");
  } else {
    std::set<std::string> seen;
    for (const auto& e : *params) {
      const auto& pt = *e.as_table();
      rd.unknown_keys(pt, kParameterKeys, "parameter.");
      const auto ranged = read_parameter_range(rd, e, pt, "calibrated");
      if (!ranged) continue;
      const std::string& path = ranged->dimension.path;
      if (ranged->programme) {
        rd.issue(e, "parameter.path",
                 fmt::format("\"{}\": programme keys cannot be calibrated (the fitted values are "
                             "written back as scalar scenario keys); fit a scalar parameter",
                             path));
        continue;
      }
      if (!seen.insert(path).second) {
        rd.issue(e, "parameter.path", fmt::format("\"{}\" is listed twice", path));
        continue;
      }
      s.dimensions.push_back(ranged->dimension);
      s.parameter_info.push_back(ranged->info);
    }
  }

  // The base scenario: loaded here so its problems are reported with the spec's.
  LoadedScenario base;
  bool base_ok = false;
  if (base_rel && rd.base_scenario_exists(file.parent_path() / *base_rel)) {
    s.scenario = file.parent_path() / *base_rel;
    try {
      base = load_scenario(s.scenario, s.sets);
      base_ok = true;
    } catch (const ScenarioError& e) {
      for (const auto& i : e.issues()) rd.issues.push_back(i);
    }
  }

  // [[targets]]: file, rows, weight. Default: the base scenario's report.targets_file and other-targets.csv beside it.
  const auto* targets_node = t.get("targets");
  const auto* targets = targets_node != nullptr ? targets_node->as_array() : nullptr;
  if (targets_node != nullptr && (targets == nullptr || !targets->is_array_of_tables())) {
    rd.issue(*targets_node, "targets", "wrong type: expected [[targets]] tables with file, rows and weight");
  } else if (targets != nullptr) {
    for (const auto& e : *targets) {
      const auto& tt = *e.as_table();
      rd.unknown_keys(tt, kTargetKeys, "targets.");
      const auto f = rd.get<std::string>(tt, "file", "a string (target CSV, relative to the spec)");
      TargetSelection sel;
      sel.rows = rd.strings(tt, "rows");
      sel.weight = rd.get<double>(tt, "weight", "a number > 0").value_or(1.0);
      if (!(sel.weight > 0.0 && std::isfinite(sel.weight)))
        rd.issue(*tt.get("weight"), "targets.weight", "out of range: a weight > 0");
      if (!f) {
        rd.issue(e, "targets.file",
                 "missing: each [[targets]] names a file, e.g. \"../../data/calibration/other-targets.csv\"");
        continue;
      }
      sel.file = file.parent_path() / *f;
      try {
        (void)target_points(sel);
        s.targets.push_back(sel);
      } catch (const std::invalid_argument& err) {
        rd.issue(e, "targets", err.what());
      }
    }
  } else if (base_ok) {
    const std::filesystem::path bjs = base.params.report.targets_file;
    if (bjs.empty()) {
      rd.issue("targets", "missing: the base scenario names no report.targets_file; list [[targets]] files");
    } else {
      for (const auto& f : {bjs, bjs.parent_path() / "other-targets.csv"}) {
        TargetSelection sel;
        sel.file = f;
        try {
          (void)target_points(sel);
          s.targets.push_back(sel);
        } catch (const std::invalid_argument& err) {
          rd.issue("targets", std::string(err.what()) + " (default targets; list [[targets]] to choose others)");
        }
      }
    }
  }
  if (base_ok && !s.targets.empty()) {
    const int horizon = s.weeks > 0 ? s.weeks : base.params.run.horizon_weeks();
    for (const auto& p : target_points(s.targets)) {
      if (p.min_weeks > horizon) {
        rd.issue("weeks", fmt::format("target {} ({}) needs {} weeks of follow-up; the horizon is {} weeks", p.id,
                                      p.file, p.min_weeks, horizon));
        break;
      }
    }
  }
  if (!rd.issues.empty()) throw ScenarioError(rd.issues, "spec file");
  return s;
}

}  // namespace pw
