#include "sim/app/experiment/calibration_runner.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "models/costs/costs.hpp"
#include "models/population/profile.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/calibration_spec.hpp"
#include "sim/app/experiment/calibration_targets.hpp"
#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/experiment_runner.hpp"
#include "sim/app/experiment/progress.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/experiment/task_journal.hpp"
#include "sim/app/io/calibration_results.hpp"
#include "sim/app/io/results_file.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/methods/abc_rejection.hpp"
#include "sim/engine/methods/abc_smc.hpp"
#include "sim/engine/methods/abc_smc_mcmc.hpp"

namespace pw {

namespace {

enum Status : long long { kRun = 0, kAlreadyComplete = 1, kInputError = 2 };
// In a broadcast batch: "not in the journal" (distances are never NaN, so no distance has these bits).
constexpr long long kMissing = std::numeric_limits<long long>::min();

// A parameter value as a --set value, in scenario syntax (integers rounded).
std::string set_text(double value, const ParamInfo& info) {
  if (info.type == ValueType::Integer) value = static_cast<double>(std::llround(value));
  return format_value(value, info.unit, info.type);
}

// Everything one evaluation needs, shared read-only by the threads.
struct Evaluator {
  const CalibrationSpec& spec;
  std::vector<std::string> common_sets;  // spec.sets, people, horizon
  std::vector<TargetPoint> points;
  const PopulationProfile& profile;

  // Mean over replicates of each target's simulated value, for a loaded scenario.
  std::vector<double> simulate(const ModelParams& params, int replicates, Parallel& par) const {
    std::vector<double> mean(points.size(), 0.0);
    for (int r = 0; r < replicates; ++r) {
      Simulation sim(params, profile, static_cast<std::uint32_t>(r), par);
      sim.run_to_end();
      const auto v = simulated_values(points, sim);
      for (std::size_t i = 0; i < v.size(); ++i) mean[i] += v[i];
    }
    for (auto& m : mean) m /= replicates;
    return mean;
  }

  double distance(const methods::AbcProposal& p) const {
    std::vector<std::string> sets = common_sets;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
      sets.push_back(fmt::format("{}={}", spec.dimensions[i].path, set_text(p.params[i], spec.parameter_info[i])));
    }
    const std::uint64_t seed = spec.common_random_numbers ? spec.seed : p.seed;
    sets.push_back(fmt::format("simulation.seed={}", seed & 0x7FFFFFFFULL));
    const LoadedScenario s = load_scenario(spec.scenario, sets);
    Parallel par(1);
    const auto model = simulate(s.params, spec.replicates, par);
    for (const double m : model) {
      if (!std::isfinite(m)) return std::numeric_limits<double>::infinity();  // e.g. a rate of an empty group
    }
    return target_distance(points, model);
  }
};

std::string journal_entry(const methods::AbcProposal& p, double d) {
  const nlohmann::json j = {{"generation", p.generation},
                            {"attempt", p.attempt},
                            {"distance", std::isfinite(d) ? nlohmann::json(d) : nlohmann::json("inf")},
                            {"bits", fmt::format("{:016x}", std::bit_cast<std::uint64_t>(d))}};
  return j.dump() + "\n";
}

double journal_distance(const TaskJournal& journal, int task) {
  const auto path = journal.task_path(task);
  try {
    const auto j = nlohmann::json::parse(read_file_bytes(path));
    return std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(j.at("bits").get<std::string>(), nullptr, 16)));
  } catch (const std::exception& e) {
    throw ExperimentInputError(
        fmt::format("{}: unreadable journal entry ({}); delete it or pass --restart", path.string(), e.what()));
  }
}

std::string inputs_hash(const CalibrationSpec& spec, const LoadedScenario& base,
                        const std::vector<std::string>& common_sets, const std::vector<TargetPoint>& points) {
  std::uint64_t h = fnv1a64("calibrate");
  const auto add = [&](const std::string& s) {
    h = fnv1a64(s, h);
    h = fnv1a64(std::string_view("\0", 1), h);
  };
  add(program_version());
  add(git_commit());
  add(spec.text);
  add(fmt::format("people={} weeks={} replicates={}", base.params.run.people, base.params.run.horizon_weeks(),
                  spec.replicates));
  // The base scenario as every evaluation sees it: the fitted parameters' own values in the base
  // are always overridden, so they are left out (a staged refit writes them between runs), and
  // so are comment lines, which name the file as typed.
  std::vector<std::string> placeholders = common_sets;
  for (std::size_t i = 0; i < spec.dimensions.size(); ++i)
    placeholders.push_back(spec.dimensions[i].path + "=" + set_text(spec.dimensions[i].lo, spec.parameter_info[i]));
  add(without_comment_lines(load_scenario(spec.scenario, placeholders).resolved));
  add(read_file_bytes(base.params.population.profile_file));
  for (const auto& t : spec.targets) add(read_file_bytes(t.file));
  for (const auto& p : points) add(fmt::format("{} {} {}", p.id, p.target, p.weight));
  return fmt::format("{:016x}", h);
}

[[noreturn]] void stop_as_if_killed(std::uint64_t done) {
  std::fprintf(stderr, "\nstopping after %llu evaluation(s) (--stop-after)\n", static_cast<unsigned long long>(done));
  std::fflush(stderr);
  std::_Exit(75);
}

std::string relative_to(const std::filesystem::path& target, const std::filesystem::path& dir) {
  const auto from = std::filesystem::absolute(dir.empty() ? std::filesystem::path(".") : dir);
  const auto rel = std::filesystem::relative(std::filesystem::absolute(target), from);
  return rel.empty() ? std::filesystem::absolute(target).string() : rel.generic_string();
}

// The scenario file holding the posterior point (and the spec's `set`), extending the base.
std::string scenario_text(const CalibrationSpec& spec, const CalibrationRecord& rec, const LoadedScenario& base,
                          const std::filesystem::path& scenario_out, const std::filesystem::path& output) {
  std::string out = fmt::format(
      "# Written by `pathways calibrate {}` ({}): the {} of each fitted parameter\n"
      "# ({} particles, {} evaluations of {} people x {} replicate(s); final tolerance {:.3g} pp RMSE).\n"
      "# The posterior and the fit are in {}.\n",
      spec.file.generic_string(), program_version(), rec.point_rule, rec.particles, rec.evaluations, rec.people,
      rec.replicates, rec.generations.empty() ? 0.0 : rec.generations.back().tolerance, output.generic_string());
  out += fmt::format("name = \"{}\"\n", rec.name);
  out += fmt::format("description = \"{} calibrated by {} ({} parameters)\"\n", base.meta.name, spec.name,
                     spec.dimensions.size());
  out += fmt::format("extends = \"{}\"\n", relative_to(spec.scenario, scenario_out.parent_path()));
  if (!spec.sets.empty()) {
    out += "\n# set by the calibration spec for every evaluation\n";
    auto params = base.params;
    const ParamTable table(params);
    for (const auto& s : spec.sets) {
      const std::string path = s.substr(0, s.find('='));
      if (const auto* slot = table.find(path)) {
        out += fmt::format("{} = {}\n", path, slot->get());
      } else {
        out += fmt::format("# not written (not a scalar parameter): {}\n", s);
      }
    }
  }
  out += "\n# fitted: posterior mean (posterior sd; 90% interval), internal units\n";
  for (const auto& p : rec.parameters) {
    out += fmt::format("{} = {}  # sd {:.4g}; [{:.4g}, {:.4g}] {}\n", p.path, p.point_text, p.sd, p.q05, p.q95, p.unit);
  }
  return out;
}

}  // namespace

std::filesystem::path default_calibration_output(const std::filesystem::path& spec) {
  return std::filesystem::path("results") / ("calibrate-" + spec.stem().string() + ".h5");
}

std::filesystem::path default_scenario_out(const std::filesystem::path& output) {
  auto p = output;
  p.replace_extension(".scenario.toml");
  return p;
}

CalibrationRun run_calibration(const CalibrateOptions& o, MpiSession& mpi) {
  CalibrationRun run;
  run.root = mpi.root();
  const CalibrationSpec spec = read_calibration_spec(o.spec, o.people);
  run.output = o.output.empty() ? default_calibration_output(o.spec) : o.output;
  run.scenario_out = o.scenario_out.empty() ? default_scenario_out(run.output) : o.scenario_out;

  std::vector<std::string> common_sets = spec.sets;
  if (spec.people > 0) common_sets.push_back(fmt::format("simulation.people={}", spec.people));
  if (spec.weeks > 0) common_sets.push_back(fmt::format("simulation.horizon={}w", spec.weeks));
  common_sets.push_back("simulation.replicates=1");
  const LoadedScenario base = load_scenario(spec.scenario, common_sets);
  const PopulationProfile profile = read_profile(base.params.population.profile_file);
  const Evaluator evaluator{spec, common_sets, target_points(spec.targets), profile};
  const std::string hash = inputs_hash(spec, base, common_sets, evaluator.points);

  const std::uint64_t per_generation = spec.attempts_per_generation();
  const auto tasks = static_cast<int>(per_generation * spec.max_generations());
  const auto task_of = [&](const methods::AbcProposal& p) {
    return static_cast<int>(p.generation * per_generation + p.attempt);
  };

  // Rank 0 decides whether there is anything to do and tells everyone.
  std::unique_ptr<TaskJournal> journal;
  std::vector<long long> status;
  std::string input_error;
  if (mpi.root()) {
    if (!o.restart && experiment_file_matches(run.output, hash)) {
      std::error_code ec;
      std::filesystem::remove_all(run.output.string() + ".tasks", ec);
      status = {kAlreadyComplete};
    } else {
      try {
        if (const std::string why = output_target_problem(run.output); !why.empty()) throw ExperimentInputError(why);
        if (!o.restart) check_replaceable(run.output, "calibrate");
        journal = std::make_unique<TaskJournal>(run.output, "calibrate", hash, tasks, o.restart, ".json");
        status = {kRun};
      } catch (const InputProblem& e) {  // a journal of other inputs, an output in use or not replaceable
        input_error = e.what();
        status = {kInputError};
      }
    }
  }
  mpi.broadcast(status);
  if (status.front() == kInputError) {
    if (mpi.root()) throw ExperimentInputError(input_error);
    run.exit_code = 2;
    return run;
  }
  if (status.front() == kAlreadyComplete) {
    run.already_complete = true;
    if (mpi.root() && !std::filesystem::exists(run.scenario_out)) {
      write_file_atomically(run.scenario_out, read_calibration(run.output).scenario_toml);
    }
    return run;
  }

  tbb::task_arena arena(o.threads > 0 ? o.threads : tbb::task_arena::automatic);
  const long budget = spec.method == CalibrationMethod::Rejection || spec.max_evaluations > 0
                          ? static_cast<long>(spec.max_evaluations)
                          : 0;
  Progress progress("calibrate", std::max(budget, 1L), 0, o.progress && mpi.root());
  std::uint64_t done = 0;  // evaluations simulated here or on other ranks, in this invocation
  std::uint64_t mine_done = 0;
  std::mutex journal_mutex;
  std::uint32_t shown_generation = 0;  // of the progress label
  const auto started = std::chrono::steady_clock::now();

  const methods::AbcBatchSimulator simulate_batch = [&](const std::vector<methods::AbcProposal>& batch) {
    const std::size_t n = batch.size();
    std::vector<long long> known(n, kMissing);
    if (mpi.root()) {
      for (std::size_t k = 0; k < n; ++k) {
        const int t = task_of(batch[k]);
        if (journal->done(t)) known[k] = std::bit_cast<long long>(journal_distance(*journal, t));
      }
    }
    mpi.broadcast(known);
    std::vector<double> d(n, 0.0);
    std::vector<std::size_t> missing, mine;
    for (std::size_t k = 0; k < n; ++k) {
      if (known[k] == kMissing) {
        missing.push_back(k);
      } else {
        d[k] = std::bit_cast<double>(known[k]);
      }
    }
    run.resumed += n - missing.size();
    for (std::size_t j = 0; j < missing.size(); ++j) {
      if (static_cast<int>(j % static_cast<std::size_t>(mpi.size())) == mpi.rank()) mine.push_back(missing[j]);
    }
    if (budget == 0) progress.set_total(static_cast<long>(done + missing.size()));
    if (spec.method != CalibrationMethod::Rejection && n > 0 && batch.front().generation != shown_generation) {
      shown_generation = batch.front().generation;  // a new generation: its tolerance is reported after its first batch
      progress.set_label(fmt::format("generation {}: 0/{} particles; evaluations", shown_generation, spec.particles));
    }
    const auto record = [&](std::size_t k, double distance) {  // rank 0, under the mutex
      journal->store(task_of(batch[k]), journal_entry(batch[k], distance));
      progress.update(static_cast<long>(++done));
    };
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, mine.size(), [&](std::size_t j) {
        const std::size_t k = mine[j];
        d[k] = evaluator.distance(batch[k]);
        if (mpi.root()) {
          const std::lock_guard<std::mutex> lock(journal_mutex);
          record(k, d[k]);
          if (o.stop_after > 0 && ++mine_done >= static_cast<std::uint64_t>(o.stop_after)) stop_as_if_killed(mine_done);
        }
      });
    });
    if (mpi.root()) {
      std::map<int, std::size_t> index;
      for (const auto k : missing) index[task_of(batch[k])] = k;
      for (std::size_t left = missing.size() - mine.size(); left > 0; --left) {
        int t = -1;
        std::string bytes;
        mpi.receive_task(t, bytes, true);
        const std::size_t k = index.at(t);
        std::memcpy(&d[k], bytes.data(), sizeof(double));
        record(k, d[k]);
      }
    } else {
      for (const auto k : mine) {
        std::string bytes(sizeof(double), '\0');
        std::memcpy(bytes.data(), &d[k], sizeof(double));
        mpi.send_task(task_of(batch[k]), bytes);
      }
      done += missing.size();
    }
    run.evaluated += missing.size();
    std::vector<long long> all(n);
    for (std::size_t k = 0; k < n; ++k) all[k] = std::bit_cast<long long>(d[k]);
    mpi.broadcast(all);
    for (std::size_t k = 0; k < n; ++k) d[k] = std::bit_cast<double>(all[k]);
    return d;
  };
  const auto on_batch = [&](const methods::AbcProgress& p) {
    if (spec.method == CalibrationMethod::Smc) {
      progress.set_label(fmt::format("generation {} (tolerance {:.3g} pp): {}/{} particles; evaluations", p.generation,
                                     p.tolerance, p.accepted, p.wanted));
    }
    if (spec.method == CalibrationMethod::SmcMcmc) {
      progress.set_label(fmt::format("generation {} (tolerance {:.3g} pp): {}/{} moves accepted; evaluations",
                                     p.generation, p.tolerance, p.accepted, p.wanted));
    }
  };

  methods::AbcResult result;
  if (spec.method == CalibrationMethod::Smc) {
    progress.set_label("generation 0: evaluations");
    methods::AbcSmcOptions so;
    so.particles = spec.particles;
    so.max_generations = spec.generations;
    so.alpha = spec.alpha;
    so.kernel = spec.kernel;
    so.tolerances = spec.tolerances;
    so.target_tolerance = spec.tolerance;
    so.min_acceptance_rate = spec.min_acceptance_rate;
    so.max_evaluations = spec.max_evaluations;
    so.seed = spec.seed;
    so.progress = on_batch;
    result = methods::abc_smc(spec.dimensions, simulate_batch, so);
  } else if (spec.method == CalibrationMethod::SmcMcmc) {
    progress.set_label("generation 0: evaluations");
    methods::AbcSmcMcmcOptions mo;
    mo.particles = spec.particles;
    mo.max_generations = spec.generations;
    mo.alpha = spec.alpha;
    mo.target_tolerance = spec.tolerance;
    mo.min_acceptance_rate = spec.min_acceptance_rate;
    mo.max_moves = spec.max_moves;
    mo.moves_per_particle = spec.moves_per_particle;
    mo.max_evaluations = spec.max_evaluations;
    mo.seed = spec.seed;
    mo.progress = on_batch;
    result = methods::abc_smc_mcmc(spec.dimensions, simulate_batch, mo);
  } else {
    progress.set_label("rejection ABC: evaluations");
    methods::AbcRejectionOptions ro;
    ro.proposals = spec.max_evaluations;
    if (spec.tolerance > 0) {
      ro.tolerance = spec.tolerance;
    } else {
      ro.accept_fraction = static_cast<double>(spec.particles) / static_cast<double>(spec.max_evaluations);
    }
    ro.seed = spec.seed;
    ro.progress = on_batch;
    result = methods::abc_rejection(spec.dimensions, simulate_batch, ro);
  }
  progress.finish();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!mpi.root()) {
    mpi.finish_sends();
    return run;
  }

  // The posterior, the point written back, and the record of the run.
  const auto fit_started = std::chrono::steady_clock::now();
  const auto& pop = result.population;
  const auto mean = pop.mean(), sd = pop.sd(), q05 = pop.quantile(0.05), median = pop.quantile(0.5),
             q95 = pop.quantile(0.95);
  CalibrationRecord rec;
  rec.name = spec.name + "-calibrated";
  rec.method = to_string(spec.method);
  if (spec.method == CalibrationMethod::Smc) rec.kernel = methods::to_string(spec.kernel);
  rec.stop_reason = methods::to_string(result.stop);
  rec.spec_file = spec.file.string();
  rec.spec_toml = spec.text;
  rec.base_scenario = spec.scenario.string();
  rec.scenario_file = run.scenario_out.string();
  rec.seed = static_cast<std::int64_t>(spec.seed);
  rec.people = base.params.run.people;
  rec.replicates = spec.replicates;
  rec.weeks = base.params.run.horizon_weeks();
  // smc-mcmc lists each distinct particle once (weighted by its copies): the population size is the spec's.
  rec.particles = static_cast<std::int64_t>(spec.method == CalibrationMethod::SmcMcmc ? spec.particles : pop.size());
  rec.evaluations = static_cast<std::int64_t>(result.evaluations);
  for (std::size_t i = 0; i < spec.dimensions.size(); ++i) {
    const auto& dim = spec.dimensions[i];
    const auto& info = spec.parameter_info[i];
    // The point written: the mean to 6 significant digits (integers rounded), far below the posterior sd.
    double point = std::stod(fmt::format("{:.6g}", mean[i]));
    if (info.type == ValueType::Integer) point = static_cast<double>(std::llround(mean[i]));
    point = std::clamp(point, dim.lo, dim.hi);
    const CalibrationParameter p{dim.path,      std::string(unit_name(info.unit)),
                                 dim.lo,        dim.hi,
                                 dim.log_scale, mean[i],
                                 sd[i],         q05[i],
                                 median[i],     q95[i],
                                 point,         set_text(point, info)};
    rec.parameters.push_back(p);
  }
  rec.samples = pop.samples;
  rec.weights = pop.weights;
  rec.distances = pop.distances;
  for (const auto& g : result.generations) {
    rec.generations.push_back({g.tolerance, static_cast<std::int64_t>(g.accepted),
                               static_cast<std::int64_t>(g.attempts), static_cast<std::int64_t>(g.evaluations),
                               g.acceptance_rate, g.ess});
  }
  rec.scenario_toml = scenario_text(spec, rec, base, run.scenario_out, run.output);
  if (!run.scenario_out.parent_path().empty()) std::filesystem::create_directories(run.scenario_out.parent_path());
  write_file_atomically(run.scenario_out, rec.scenario_toml);

  // The fit: the scenario just written, at the spec's size, with its own seed.
  std::vector<std::string> fit_sets;
  if (spec.people > 0) fit_sets.push_back(fmt::format("simulation.people={}", spec.people));
  if (spec.weeks > 0) fit_sets.push_back(fmt::format("simulation.horizon={}w", spec.weeks));
  fit_sets.push_back(fmt::format("simulation.replicates={}", spec.replicates));
  const LoadedScenario fitted = load_scenario(run.scenario_out, fit_sets);
  Parallel par(o.threads);
  ResultsWriter writer(run.output, true, /*lock_output=*/false);  // the journal holds the output's lock
  {
    ModelParams params = fitted.params;
    const ParamTable table(params);
    writer.begin_scenario(scenario_header(fitted, run.scenario_out, spec.replicates), table);
  }
  std::vector<double> model(evaluator.points.size(), 0.0);
  for (int r = 0; r < spec.replicates; ++r) {
    Simulation sim(fitted.params, profile, static_cast<std::uint32_t>(r), par);
    sim.run_to_end();
    write_replicate_results(writer, r, sim);
    const auto v = simulated_values(evaluator.points, sim);
    for (std::size_t i = 0; i < v.size(); ++i) model[i] += v[i] / spec.replicates;
  }
  rec.fit_replicates = spec.replicates;
  rec.fit_rmse = target_distance(evaluator.points, model);
  for (std::size_t i = 0; i < model.size(); ++i) {
    const auto& p = evaluator.points[i];
    rec.fit.push_back({p.id, p.file, p.target, model[i], model[i] - p.target, p.weight});
  }
  ExperimentInfo info;
  info.kind = "calibrate";
  info.baseline = fitted.meta.name;
  info.inputs_hash = hash;
  info.replicates = spec.replicates;
  info.scenarios = {fitted.meta.name};
  info.seeds = {static_cast<std::int64_t>(fitted.params.run.seed)};
  writer.write_experiment(info);
  writer.write_experiment_section("writing the calibration", [&](H5::Group& eg) { write_calibration(eg, rec); });
  writer.commit();
  journal->remove();
  run.fit_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - fit_started).count();
  return run;
}

}  // namespace pw
