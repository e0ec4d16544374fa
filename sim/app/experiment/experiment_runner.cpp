#include "sim/app/experiment/experiment_runner.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>

#include "models/costs/costs.hpp"
#include "models/population/profile.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/person_ledger.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/progress.hpp"
#include "sim/app/experiment/task_journal.hpp"
#include "sim/app/experiment/treated_effects.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/results_check.hpp"
#include "sim/app/io/results_file.hpp"
#include "sim/app/io/sweep_results.hpp"
#include "sim/engine/core/parallel.hpp"

namespace pw {

namespace {

enum Status : long long { kRun = 0, kAlreadyComplete = 1, kInputError = 2 };

// One task: the simulation of one (scenario, replicate), written as a
// one-replicate results file at `out` (ResultsWriter: .part, fsync, rename).
void run_task(const ExperimentPlan& plan, int task, const PopulationProfile& profile, Parallel& par,
              const std::filesystem::path& out) {
  const auto& s = plan.scenarios[static_cast<std::size_t>(plan.scenario_of(task))];
  const int r = plan.replicate_of(task);
  Simulation sim(s.loaded.params, profile, static_cast<std::uint32_t>(r), par);
  // Compare tasks keep each person's outcomes and costs for the effect on the treated.
  std::optional<PersonLedger> ledger;
  if (plan.kind == "compare") ledger.emplace(sim);
  while (!sim.finished()) {
    sim.step();
    if (ledger) ledger->after_week(sim);
  }
  if (ledger) ledger->finish(sim);
  ResultsWriter writer(out, true, /*lock_output=*/false);  // inside the journal, under the experiment's lock
  ModelParams params = s.loaded.params;
  const ParamTable table(params);
  auto header = scenario_header(s.loaded, s.file, 1);
  header.parameter_table = false;
  writer.begin_scenario(header, table);
  write_replicate_results(writer, 0, sim);
  if (plan.writes_persons(task)) writer.write_persons(0, sim);
  if (ledger) {
    auto g = writer.scenario_group();
    write_person_outcomes(g, *ledger);
  }
  writer.commit();
}

void assemble(const ExperimentPlan& plan, const TaskJournal& journal, const std::filesystem::path& output) {
  // Every task file first: one damaged by something outside pathways is named
  // before the experiment file is started.
  for (int t = 0; t < plan.tasks(); ++t) {
    try {
      check_results_file(journal.task_path(t), "run");
    } catch (const ResultsFileError& e) {
      throw ExperimentInputError(
          fmt::format("{}; it is task {} of the journal {}: delete that file to have the task "
                      "run again, or pass --restart to discard the journal",
                      e.what(), t, journal.dir().string()));
    }
  }
  ResultsWriter writer(output, true, /*lock_output=*/false);  // the journal holds the output's lock
  ExperimentInfo info;
  info.kind = plan.kind;
  info.baseline = plan.scenarios.front().name();
  info.common_random_numbers = plan.common_random_numbers;
  info.inputs_hash = plan.inputs_hash;
  info.replicates = plan.replicates;
  for (const auto& s : plan.scenarios) {
    info.scenarios.push_back(s.name());
    info.seeds.push_back(s.seed());
  }
  writer.write_experiment(info);
  if (plan.sweep) {
    writer.write_experiment_section("writing the sweep design",
                                    [&](H5::Group& g) { write_sweep_design(g, *plan.sweep); });
  }
  for (std::size_t k = 0; k < plan.scenarios.size(); ++k) {
    const auto& s = plan.scenarios[k];
    ModelParams params = s.loaded.params;
    const ParamTable table(params);
    writer.begin_scenario(scenario_header(s.loaded, s.file, plan.replicates), table);
    for (int r = 0; r < plan.replicates; ++r) {
      writer.copy_replicate(journal.task_path(static_cast<int>(k) * plan.replicates + r), r);
    }
    writer.set_replicates_written(plan.replicates);
  }
  writer.write_experiment_section("the effect on the treated",
                                  [&](H5::Group& g) { write_treated_effects(plan, journal, g); });
  writer.commit();
}

[[noreturn]] void stop_as_if_killed(int done) {
  std::fprintf(stderr, "\nstopping after %d task(s) (--stop-after)\n", done);
  std::fflush(stderr);
  std::_Exit(75);
}

}  // namespace

void check_replaceable(const std::filesystem::path& output, const std::string& kind) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(output, ec)) return;
  std::string why;
  try {
    const std::string found = results_file_kind(output);
    if (found == kind) return;
    why = found == "run" ? "a run's results file" : fmt::format("a {} file", found);
  } catch (const ResultsFileError& e) {
    why = e.what();
    if (why.starts_with(output.string() + ": ")) why = why.substr(output.string().size() + 2);
    why = "not a readable " + kind + " file (" + why + ")";
  }
  throw ExperimentInputError(
      fmt::format("{}: the output exists and is {}; it is not replaced without --restart "
                  "(pass --restart to replace it, or write elsewhere with -o)",
                  output.string(), why));
}

bool experiment_file_matches(const std::filesystem::path& file, const std::string& inputs_hash) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  H5::Exception::dontPrint();
  try {
    if (!H5::H5File::isHdf5(file.string())) return false;
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    if (!f.nameExists("experiment")) return false;
    const auto g = f.openGroup("experiment");
    return h5::read_string_attr(g, "inputs_hash") == inputs_hash;
  } catch (const H5::Exception&) {
    return false;
  }
}

ExperimentResult run_experiment(const ExperimentPlan& plan, const ExperimentRunOptions& o, MpiSession& mpi) {
  ExperimentResult result;
  result.root = mpi.root();
  result.tasks_total = plan.tasks();

  // Rank 0 decides what is left to do and tells everyone.
  std::unique_ptr<TaskJournal> journal;
  std::vector<long long> message;
  std::string input_error;
  if (mpi.root()) {
    // The output is renamed into place only after every task is in it, so a
    // matching output means done, whatever is left of a journal (a kill while
    // the journal was being deleted).
    if (!o.restart && experiment_file_matches(o.output, plan.inputs_hash)) {
      std::error_code ec;
      std::filesystem::remove_all(o.output.string() + ".tasks", ec);
      message = {kAlreadyComplete};
    } else {
      try {
        if (const std::string why = output_target_problem(o.output); !why.empty()) throw ExperimentInputError(why);
        if (!o.restart) check_replaceable(o.output, plan.kind);
        journal = std::make_unique<TaskJournal>(o.output, plan.kind, plan.inputs_hash, plan.tasks(), o.restart);
        message = {kRun};
        for (const int t : journal->pending()) message.push_back(t);
      } catch (const InputProblem& e) {  // a journal of other inputs, an output in use or not replaceable
        input_error = e.what();
        message = {kInputError};
      }
    }
  }
  mpi.broadcast(message);
  const auto status = static_cast<Status>(message.front());
  if (status == kInputError) {
    if (mpi.root()) throw ExperimentInputError(input_error);
    result.exit_code = 2;
    return result;
  }
  if (status == kAlreadyComplete) {
    result.already_complete = true;
    return result;
  }
  const std::vector<int> pending(message.begin() + 1, message.end());
  result.tasks_resumed = plan.tasks() - static_cast<int>(pending.size());

  std::map<std::string, PopulationProfile> profiles;
  const auto profile_of = [&](int task) -> const PopulationProfile& {
    const auto& file =
        plan.scenarios[static_cast<std::size_t>(plan.scenario_of(task))].loaded.params.population.profile_file;
    auto it = profiles.find(file);
    if (it == profiles.end()) it = profiles.emplace(file, read_profile(file)).first;
    return it->second;
  };

  Parallel par(o.threads);
  const auto start = std::chrono::steady_clock::now();
  int mine_done = 0;
  if (mpi.root()) {
    Progress progress(fmt::format("{} tasks", plan.kind), plan.tasks(), result.tasks_resumed, o.progress);
    int done = result.tasks_resumed;
    const auto take_remote = [&](bool block) {
      int task = -1;
      std::string bytes;
      while (mpi.receive_task(task, bytes, block)) {
        journal->store(task, bytes);
        progress.update(++done);
        if (block) break;
      }
    };
    for (std::size_t j = 0; j < pending.size(); ++j) {
      const int t = pending[j];
      if (static_cast<int>(j % static_cast<std::size_t>(mpi.size())) != 0) {
        continue;
      }
      run_task(plan, t, profile_of(t), par, journal->task_path(t));
      journal->mark_done(t);
      progress.update(++done);
      if (o.stop_after > 0 && ++mine_done >= o.stop_after) stop_as_if_killed(mine_done);
      take_remote(false);
    }
    while (done < plan.tasks()) take_remote(true);
    progress.finish();
    result.tasks_run = static_cast<int>(pending.size());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto assembling = std::chrono::steady_clock::now();
    assemble(plan, *journal, o.output);
    journal->remove();
    result.assemble_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - assembling).count();
  } else {
    const auto scratch = std::filesystem::temp_directory_path() /
                         fmt::format("pathways-rank{}-{}-{}", mpi.rank(), ::getpid(), plan.inputs_hash);
    std::filesystem::create_directories(scratch);
    try {
      for (std::size_t j = 0; j < pending.size(); ++j) {
        if (static_cast<int>(j % static_cast<std::size_t>(mpi.size())) != mpi.rank()) continue;
        const int t = pending[j];
        const auto file = scratch / fmt::format("task_{}.h5", t);
        run_task(plan, t, profile_of(t), par, file);
        mpi.send_task(t, read_file_bytes(file));
        std::filesystem::remove(file);
      }
    } catch (const std::exception& e) {
      std::cerr << fmt::format("error (rank {}): {}\n", mpi.rank(), e.what());
      std::filesystem::remove_all(scratch);
      mpi.abort(1);
    }
    std::filesystem::remove_all(scratch);
    mpi.finish_sends();
  }
  return result;
}

}  // namespace pw
