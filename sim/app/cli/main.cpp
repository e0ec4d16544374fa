// The `pathways` command line: run, compare, sweep, calibrate, inspect, report, validate, resolve, params.
// This is the only translation unit that includes CLI11. Exit codes: 0 success,
// 1 runtime failure, 2 invalid input (bad scenario, missing file, bad option).
#include <H5Cpp.h>
#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include "models/model_params.hpp"
#include "models/population/profile.hpp"
#include "sim/app/experiment/calibration_runner.hpp"
#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/experiment_runner.hpp"
#include "sim/app/experiment/mpi_tasks.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/experiment/sweep_spec.hpp"
#include "sim/app/experiment/task_journal.hpp"
#include "sim/app/io/calibration_results.hpp"
#include "sim/app/io/comparison.hpp"
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/report_table.hpp"
#include "sim/app/io/results_check.hpp"
#include "sim/app/io/results_file.hpp"
#include "sim/app/io/summary.hpp"
#include "sim/app/io/sweep_results.hpp"
#include "sim/app/io/targets.hpp"
#include "sim/engine/params/param_docs.hpp"

namespace {

constexpr int kInvalidInput = 2;

// After a failed write (disk full) the message is out and the partial file is
// removed; the process then ends without HDF5's clean-up at exit, which in
// HDF5 1.10 crashes (SIGSEGV in H5F__close_cb) on a file whose final flush
// failed. Exit code 1.
[[noreturn]] void exit_after_write_failure(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(1);
}

int print_table(const std::filesystem::path& results, const std::vector<std::string>& targets_files) {
  // An experiment file prints its answer: the comparison, or the sweep. A
  // damaged or foreign file is refused first, naming what is wrong (exit 2).
  const std::string kind = pw::results_file_kind(results);
  if (kind == "compare") {
    std::cout << pw::format_comparison(pw::read_comparison(results));
    return 0;
  }
  if (kind == "sweep") {
    std::cout << pw::format_sweep(pw::read_sweep(results));
    return 0;
  }
  if (kind == "calibrate") {
    std::cout << pw::format_calibration(pw::read_calibration(results));
    return 0;
  }
  const auto summary = pw::summarise_results(results);
  std::vector<pw::TargetRow> targets;
  for (const auto& file : targets_files) {
    if (file.empty()) continue;
    auto rows = pw::read_targets(file);
    targets.insert(targets.end(), rows.begin(), rows.end());
  }
  std::cout << pw::format_recidivism_table(summary, targets);
  return 0;
}

pw::PersonsOutput persons_option(const std::string& s) {
  return s == "all"    ? pw::PersonsOutput::All
         : s == "none" ? pw::PersonsOutput::None
                       : pw::PersonsOutput::FirstReplicate;
}

// "12 task(s) run on 1 rank(s) in 3.1 s (runs 2.5 s = 288 per minute; file 0.4 s)".
std::string run_line(const pw::ExperimentResult& r, int ranks, double total_seconds) {
  return fmt::format(
      "{} task(s) run{} on {} rank(s) in {:.1f} s (runs {:.1f} s = {:.1f} per minute; writing the file {:.1f} s)\n",
      r.tasks_run, r.tasks_resumed > 0 ? fmt::format(", {} resumed from the journal", r.tasks_resumed) : std::string(),
      ranks, total_seconds, r.seconds, r.seconds > 0 ? 60.0 * r.tasks_run / r.seconds : 0.0, r.assemble_seconds);
}

// What `compare` and `sweep` share: plan, run (resumably, on one process or
// as one MPI rank), then print the answer on rank 0 only.
struct ExperimentCli {
  pw::ExperimentRunOptions run;
  std::filesystem::path csv;
  bool quiet = false;
};

// Runs an experiment command's body on this MPI rank and turns its exceptions
// into a message and an exit code: bad input (2) is said by rank 0 only, as
// every rank meets it alike; any other failure (1) ends every rank, so a
// failure of rank 0 alone does not leave the workers waiting.
template <class Body>
int with_experiment_errors(pw::MpiSession& mpi, Body body) {
  const auto fail = [&](const std::string& message, int code) {
    if (mpi.root()) std::cerr << "error: " << message << "\n";
    return code;
  };
  try {
    return body();
  } catch (const pw::ScenarioError& e) {
    return fail(e.what(), kInvalidInput);
  } catch (const pw::ProfileError& e) {
    return fail(e.what(), kInvalidInput);
  } catch (const pw::InputProblem& e) {  // ExperimentInputError, an output in use, a damaged results file
    return fail(e.what(), kInvalidInput);
  } catch (const pw::WriteFailure& e) {
    if (mpi.size() > 1) {
      std::cerr << "error: " << e.what() << "\n";
      mpi.abort(1);
    }
    exit_after_write_failure(e.what());
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    if (mpi.size() > 1) mpi.abort(1);
    return 1;
  } catch (const H5::Exception& e) {
    std::cerr << "error: HDF5: " << e.getFuncName() << ": " << e.getDetailMsg() << "\n";
    if (mpi.size() > 1) mpi.abort(1);
    return 1;
  }
}

// make_plan() -> ExperimentPlan; answer(plan) prints the result and writes the CSV.
template <class MakePlan, class Answer>
int experiment_command(ExperimentCli cli, const std::string& what, MakePlan make_plan, Answer answer) {
  // HDF5 allocates and frees a large zeroed block for every write of variable-
  // length strings; with glibc's defaults each one is fresh mmap'ed pages.
  // Keeping freed memory in the heap makes writing many scenarios ~25% faster.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  pw::MpiSession mpi;
  return with_experiment_errors(mpi, [&] {
    const pw::ExperimentPlan plan = make_plan();
    const auto started = std::chrono::steady_clock::now();
    const auto result = pw::run_experiment(plan, cli.run, mpi);
    if (!result.root) return result.exit_code;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (result.already_complete) {
      std::cout << cli.run.output.string() << " already holds this " << what << " (inputs hash " << plan.inputs_hash
                << "); nothing to run\n";
    } else {
      std::cout << run_line(result, mpi.size(), secs);
    }
    answer(plan, cli);
    std::cout << "wrote " << cli.run.output.string() << "\n";
    return 0;
  });
}

int compare_command(const pw::CompareOptions& options, const ExperimentCli& cli) {
  return experiment_command(
      cli, "comparison", [&] { return pw::plan_compare(options); },
      [](const pw::ExperimentPlan& plan, const ExperimentCli& c) {
        if (plan.replicates < 2) {
          std::cerr << "note: with 1 replicate there are no intervals; use --reps 10 or more to see how certain a "
                       "difference is\n";
        }
        const auto comparison = pw::read_comparison(c.run.output);
        if (!c.quiet) std::cout << pw::format_comparison(comparison);
        if (!c.csv.empty()) {
          pw::write_comparison_csv(comparison, c.csv);
          std::cout << "wrote " << c.csv.string() << "\n";
        }
      });
}

int sweep_command(const pw::SweepOptions& options, const ExperimentCli& cli) {
  return experiment_command(
      cli, "sweep", [&] { return pw::plan_sweep(options); },
      [](const pw::ExperimentPlan& plan, const ExperimentCli& c) {
        const auto sweep = pw::read_sweep(c.run.output, plan.sweep->outputs);
        if (!c.quiet) std::cout << pw::format_sweep(sweep);
        if (!c.csv.empty()) {
          pw::write_sweep_csv(sweep, c.csv);
          std::cout << "wrote " << c.csv.string() << "\n";
        }
      });
}

// `pathways calibrate`: ABC over the spec's parameters; rank 0 prints the posterior and the fit.
int calibrate_command(const pw::CalibrateOptions& options, bool quiet) {
  pw::MpiSession mpi;
  return with_experiment_errors(mpi, [&] {
    const auto started = std::chrono::steady_clock::now();
    const auto r = pw::run_calibration(options, mpi);
    if (!r.root) return r.exit_code;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (r.already_complete) {
      std::cout << r.output.string() << " already holds this calibration; nothing to run\n";
    } else {
      std::cout << fmt::format(
          "{} evaluation(s) run{} on {} rank(s) in {:.1f} s (ABC {:.1f} s = {:.1f} per minute; fit "
          "run and file {:.1f} s)\n",
          r.evaluated, r.resumed > 0 ? fmt::format(", {} resumed from the journal", r.resumed) : std::string(),
          mpi.size(), secs, r.seconds, r.seconds > 0 ? 60.0 * static_cast<double>(r.evaluated) / r.seconds : 0.0,
          r.fit_seconds);
    }
    if (!quiet) std::cout << pw::format_calibration(pw::read_calibration(r.output));
    std::cout << "wrote " << r.output.string() << " and " << r.scenario_out.string() << "\n";
    return 0;
  });
}

// `pathways report`: runs results/report.py with Debian's Python (or $PATHWAYS_PYTHON).
int report_command(const std::filesystem::path& file, const std::filesystem::path& out_dir,
                   const std::string& rank_by) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    std::cerr << "error: " << file.string() << ": missing file: no such results file\n";
    return kInvalidInput;
  }
  // A damaged or foreign file is refused here, naming what is wrong, before
  // the script could fail on it with a traceback.
  std::string kind;
  try {
    kind = pw::results_file_kind(file);
  } catch (const pw::ResultsFileError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kInvalidInput;
  }
  // A sweep's Sobol indices are computed here, once, and handed to the script.
  if (kind == "sweep") {
    std::filesystem::create_directories(out_dir);
    std::ofstream json(out_dir / "sweep.json");
    json << pw::sweep_json(pw::read_sweep(file)).dump(2) << "\n";
  }
  const std::string script = std::string(PATHWAYS_SOURCE_DIR) + "/results/report.py";
  const char* env = std::getenv("PATHWAYS_PYTHON");
  const std::string python = env != nullptr && *env != '\0' ? env : "/usr/bin/python3";
  const std::string f = file.string(), o = out_dir.string();
  std::vector<char*> args = {const_cast<char*>(python.c_str()),  const_cast<char*>(script.c_str()),
                             const_cast<char*>(f.c_str()),       const_cast<char*>("-o"),
                             const_cast<char*>(o.c_str()),       const_cast<char*>("--rank-by"),
                             const_cast<char*>(rank_by.c_str()), nullptr};
  std::cout.flush();
  ::execv(python.c_str(), args.data());
  std::cerr << "error: cannot run " << python << " " << script << ": " << std::strerror(errno) << "\n";
  return 1;
}

}  // namespace

// Numeric option checks written for people: what the option is, what is
// accepted and what was given (CLI11's own Range prints "Value 0 not in range ...").
// `rule` replaces the default "WHAT must be a whole number from LO to HI".
CLI::Validator whole_number(long long lo, long long hi, const std::string& what, std::string rule = {}) {
  if (rule.empty()) rule = fmt::format("{} must be a whole number from {} to {}", what, lo, hi);
  return CLI::Validator(
      [lo, hi, rule](std::string& text) -> std::string {
        long long n = 0;
        if (!CLI::detail::lexical_cast(text, n) || n < lo || n > hi) return fmt::format("{} (got \"{}\")", rule, text);
        return {};
      },
      fmt::format("{}..{}", lo, hi));
}
CLI::Validator people_count() {
  return whole_number(1, 100000000LL, "", "a cohort needs a whole number of people from 1 to 100000000");
}

int main(int argc, char** argv) {
  CLI::App app{
      "Pathways: an agent-based simulator of life after release from prison, and of the policies that change it."};
  app.set_version_flag("--version", pw::program_version() + " (" + pw::git_commit() + ")");
  app.require_subcommand(1);

  pw::RunOptions run;
  int people = 0, weeks = 0, reps = 0;
  long long seed = -1;
  std::string persons = "first";
  bool quiet = false;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write one HDF5 results file");
  run_cmd->add_option("scenario", run.scenario, "scenario TOML file")->required();
  run_cmd->add_option("-o,--output", run.output, "results file (default results/<scenario name>.h5)");
  run_cmd->add_option("--people", people, "persons in the cohort (overrides simulation.people)")->check(people_count());
  run_cmd->add_option("--weeks", weeks, "weeks of follow-up (overrides simulation.horizon)")
      ->check(whole_number(1, 780, "weeks of follow-up"));
  run_cmd->add_option("--seed", seed, "random seed (overrides simulation.seed)")
      ->check(whole_number(0, 2147483647LL, "the seed"));
  run_cmd->add_option("--reps", reps, "replicates (overrides simulation.replicates)")
      ->check(whole_number(1, 10000, "the number of replicates"));
  run_cmd->add_option("--threads", run.threads, "worker threads (default: all cores); results do not depend on it")
      ->check(whole_number(1, 1024, "the number of threads"));
  run_cmd->add_option("--set", run.sets,
                      "override a parameter, path=value (repeatable), e.g. --set justice.courts.delay_median=12w");
  run_cmd->add_option("--persons", persons, "per-person tables to write: first (replicate 0), all, none")
      ->check(CLI::IsMember({"first", "all", "none"}));
  run_cmd->add_flag("-q,--quiet", quiet, "print nothing but errors");

  pw::CompareOptions cmp;
  ExperimentCli cmp_cli;
  std::string cmp_persons = "first";
  long long cmp_seed = -1;
  auto* compare_cmd = app.add_subcommand(
      "compare",
      "Compare scenarios against the first (the baseline): replicates, common random numbers, paired 95% intervals");
  compare_cmd->add_option("scenarios", cmp.scenarios, "scenario TOML files; the first is the baseline")
      ->required()
      ->check(CLI::ExistingFile);
  compare_cmd->add_option("-o,--output", cmp_cli.run.output, "experiment file (default results/compare.h5)");
  compare_cmd->add_option("--reps", cmp.replicates, "replicates per scenario (default: the baseline's)")
      ->check(whole_number(1, 10000, "the number of replicates"));
  compare_cmd->add_option("--people", cmp.people, "persons per cohort (default: the baseline's)")
      ->check(people_count());
  compare_cmd->add_option("--weeks", cmp.weeks, "weeks of follow-up (default: the baseline's)")
      ->check(whole_number(1, 780, "weeks of follow-up"));
  compare_cmd->add_option("--seed", cmp_seed, "random seed (default: the baseline's)")
      ->check(whole_number(0, 2147483647LL, "the seed"));
  compare_cmd->add_flag("--independent", cmp.independent,
                        "give each scenario its own seed stream instead of common random numbers");
  compare_cmd->add_option("--csv", cmp_cli.csv, "write every difference row (all groups, years, outcomes) to this CSV");
  compare_cmd
      ->add_option("--threads", cmp_cli.run.threads,
                   "worker threads per process (default: all cores); results do not depend on it")
      ->check(whole_number(1, 1024, "the number of threads"));
  compare_cmd->add_option("--set", cmp.sets, "override a parameter in every scenario, path=value (repeatable)");
  compare_cmd->add_option("--persons", cmp_persons, "per-person tables to write: first (replicate 0), all, none")
      ->check(CLI::IsMember({"first", "all", "none"}));
  compare_cmd->add_flag("--restart", cmp_cli.run.restart,
                        "discard an unfinished run of this output instead of resuming it");
  compare_cmd
      ->add_option("--stop-after", cmp_cli.run.stop_after,
                   "testing aid: stop abruptly (exit 75) after this many tasks, as if killed")
      ->check(CLI::PositiveNumber)
      ->group("");  // hidden from --help
  compare_cmd->add_flag("-q,--quiet", cmp_cli.quiet, "do not print the comparison table");

  pw::SweepOptions swp;
  ExperimentCli swp_cli;
  std::string swp_persons = "none";
  auto* sweep_cmd = app.add_subcommand(
      "sweep", "Run a scenario over a grid, Latin hypercube or Sobol design of parameters (spec: docs/sweeps.md)");
  sweep_cmd->add_option("spec", swp.spec, "sweep spec TOML file (examples in scenarios/sweeps/)")->required();
  sweep_cmd->add_option("-o,--output", swp_cli.run.output, "experiment file (default results/sweep-<spec name>.h5)");
  sweep_cmd->add_option("--reps", swp.replicates, "replicates per point (default: the spec's)")
      ->check(whole_number(1, 10000, "the number of replicates"));
  sweep_cmd->add_option("--people", swp.people, "persons per cohort (default: the spec's)")->check(people_count());
  sweep_cmd->add_option("--weeks", swp.weeks, "weeks of follow-up of every point (default: the spec's)")
      ->check(whole_number(1, 780, "weeks of follow-up"));
  sweep_cmd->add_option("--seed", swp.seed, "random seed of every point (default: the spec's)")
      ->check(whole_number(0, 2147483647LL, "the seed"));
  sweep_cmd->add_option("--csv", swp_cli.csv, "write one row per point: parameter values and outputs");
  sweep_cmd
      ->add_option("--threads", swp_cli.run.threads,
                   "worker threads per process (default: all cores); results do not depend on it")
      ->check(whole_number(1, 1024, "the number of threads"));
  sweep_cmd
      ->add_option("--persons", swp_persons, "per-person tables to write: none (default), first (replicate 0), all")
      ->check(CLI::IsMember({"first", "all", "none"}));
  sweep_cmd->add_flag("--restart", swp_cli.run.restart,
                      "discard an unfinished run of this output instead of resuming it");
  sweep_cmd
      ->add_option("--stop-after", swp_cli.run.stop_after,
                   "testing aid: stop abruptly (exit 75) after this many tasks, as if killed")
      ->check(CLI::PositiveNumber)
      ->group("");  // hidden from --help
  sweep_cmd->add_flag("-q,--quiet", swp_cli.quiet, "do not print the results table");

  pw::CalibrateOptions cal;
  bool cal_quiet = false;
  auto* calibrate_cmd = app.add_subcommand(
      "calibrate",
      "Fit parameters to the calibration targets by ABC (ABC-SMC or rejection; spec: docs/calibration.md)");
  calibrate_cmd->add_option("spec", cal.spec, "calibration spec TOML file (examples in scenarios/calibration/)")
      ->required();
  calibrate_cmd->add_option("-o,--output", cal.output, "calibration file (default results/calibrate-<spec name>.h5)");
  calibrate_cmd->add_option("--scenario-out", cal.scenario_out,
                            "scenario file with the posterior mean (default <output without .h5>.scenario.toml)");
  calibrate_cmd->add_option("--people", cal.people, "persons per evaluation (default: the spec's)")
      ->check(people_count());
  calibrate_cmd
      ->add_option("--threads", cal.threads,
                   "worker threads per process (default: all cores); results do not depend on it")
      ->check(whole_number(1, 1024, "the number of threads"));
  calibrate_cmd->add_flag("--restart", cal.restart, "discard an unfinished run of this output instead of resuming it");
  calibrate_cmd
      ->add_option("--stop-after", cal.stop_after,
                   "testing aid: stop abruptly (exit 75) after this many evaluations, as if killed")
      ->check(CLI::PositiveNumber)
      ->group("");  // hidden from --help
  calibrate_cmd->add_flag("-q,--quiet", cal_quiet, "do not print the posterior and the fit");

  std::filesystem::path report_file, report_dir;
  auto* report_cmd = app.add_subcommand("report", "Write figures (PNG) and a Markdown summary of a results file");
  report_cmd->add_option("file", report_file, "results or experiment file (.h5)")->required();
  report_cmd->add_option("-o,--output", report_dir, "output folder (default: <file without .h5>-report)");
  std::string rank_by = "public_cost_per_arrest_averted";
  report_cmd->add_option("--rank-by", rank_by, "the measure that ranks the brief of a compare file (best first)")
      ->check(
          CLI::IsMember({"public_cost_per_arrest_averted", "benefit_cost_ratio", "chance_benefits_exceed_costs",
                         "arrest", "conviction", "return_prison", "cost_public_per_person", "cost_total_per_person"}));

  std::filesystem::path inspect_file;
  bool json = false;
  std::vector<std::string> inspect_targets;
  auto* inspect_cmd = app.add_subcommand("inspect", "Summarise a results file");
  inspect_cmd->add_option("file", inspect_file, "results file (.h5)")->required();
  inspect_cmd->add_flag("--json", json, "print the JSON summary contract instead of a table");
  inspect_cmd->add_option("--targets", inspect_targets,
                          "targets CSV(s) to print beside the model (repeat, or list several: --targets A.csv B.csv)");

  std::vector<std::filesystem::path> validate_files;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", validate_files, "scenario TOML files")->required();

  std::filesystem::path resolve_file;
  std::vector<std::string> resolve_sets;
  auto* resolve_cmd = app.add_subcommand("resolve", "Print a scenario with every parameter resolved");
  resolve_cmd->add_option("file", resolve_file, "scenario TOML file")->required();
  resolve_cmd->add_option("--set", resolve_sets, "override a parameter, path=value (repeatable)");

  std::string prefix;
  bool markdown = false;
  auto* params_cmd =
      app.add_subcommand("params", "List the parameter schema (paths, units, defaults, ranges, sources)");
  params_cmd->add_option("prefix", prefix, "only parameters whose path starts with this");
  params_cmd->add_flag("--markdown", markdown, "print docs/parameters.md");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kInvalidInput;
  }

  try {
    if (run_cmd->parsed()) {
      if (people > 0) run.sets.push_back(fmt::format("simulation.people={}", people));
      if (weeks > 0) run.sets.push_back(fmt::format("simulation.horizon={}w", weeks));
      if (seed >= 0) run.sets.push_back(fmt::format("simulation.seed={}", seed));
      if (reps > 0) run.sets.push_back(fmt::format("simulation.replicates={}", reps));
      run.persons = persons_option(persons);
      run.progress = isatty(STDERR_FILENO) != 0;
      run.progress = run.progress && !quiet;
      const auto loaded = pw::load_scenario(run.scenario, run.sets);
      for (const auto& p : loaded.params.programmes) {
        if (p.kind == "case_management" && !quiet) {
          std::cerr << "note: programme \"" << p.name << "\" (" << p.kind
                    << "): this kind changes no criminogenic need in this version, so it costs but does not "
                       "change outcomes (see docs/ODD.md)\n";
        }
      }
      const auto out = pw::run_scenario(run);
      if (!quiet) {
        print_table(out, {loaded.params.report.targets_file});
        std::cout << "\nwrote " << out.string() << "\n";
      }
      return 0;
    }
    if (compare_cmd->parsed()) {
      if (cmp_cli.run.output.empty()) cmp_cli.run.output = "results/compare.h5";
      cmp.seed = cmp_seed;
      cmp.persons = persons_option(cmp_persons);
      cmp_cli.run.progress = true;
      return compare_command(cmp, cmp_cli);
    }
    if (sweep_cmd->parsed()) {
      swp.persons = persons_option(swp_persons);
      swp_cli.run.progress = true;
      if (swp_cli.run.output.empty()) {
        swp_cli.run.output = std::filesystem::path("results") / ("sweep-" + swp.spec.stem().string() + ".h5");
      }
      return sweep_command(swp, swp_cli);
    }
    if (calibrate_cmd->parsed()) return calibrate_command(cal, cal_quiet);
    if (report_cmd->parsed()) {
      if (report_dir.empty()) {
        report_dir = report_file.parent_path() / (report_file.stem().string() + "-report");
      }
      return report_command(report_file, report_dir, rank_by);
    }
    if (inspect_cmd->parsed()) {
      if (json) {
        pw::check_results_file(inspect_file);
        std::cout << pw::summarise_results(inspect_file).dump(2) << "\n";
        return 0;
      }
      return print_table(inspect_file, inspect_targets);
    }
    if (validate_cmd->parsed()) {
      int bad = 0;
      for (const auto& f : validate_files) {
        try {
          const auto s = pw::load_scenario(f, {});
          pw::read_profile(s.params.population.profile_file);
          std::cout << f.string() << ": ok\n";
        } catch (const pw::ScenarioError& e) {
          std::cerr << e.what() << "\n";
          ++bad;
        } catch (const pw::ProfileError& e) {
          std::cerr << e.what() << "\n";
          ++bad;
        }
      }
      return bad == 0 ? 0 : kInvalidInput;
    }
    if (resolve_cmd->parsed()) {
      std::cout << pw::load_scenario(resolve_file, resolve_sets).resolved;
      return 0;
    }
    if (params_cmd->parsed()) {
      auto p = pw::with_defaults<pw::ModelParams>();
      const pw::ParamTable table(p);
      std::cout << (markdown ? pw::parameter_reference_markdown() : pw::parameters_text(table, prefix));
      return 0;
    }
  } catch (const pw::ScenarioError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const pw::ProfileError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const pw::InputProblem& e) {  // an output in use or not usable, a damaged results file
    std::cerr << "error: " << e.what() << "\n";
    return kInvalidInput;
  } catch (const pw::WriteFailure& e) {  // disk full, I/O error: said once, the earlier file intact
    exit_after_write_failure(e.what());
  } catch (const std::exception& e) {  // other runtime failures
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  } catch (const H5::Exception& e) {  // a path not yet turned into a message: still no terminate
    std::cerr << "error: HDF5: " << e.getFuncName() << ": " << e.getDetailMsg() << "\n";
    return 1;
  }
  return 0;
}
