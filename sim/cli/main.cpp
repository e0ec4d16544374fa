// The `pathways` command line: run, inspect, validate, resolve, params.
// This is the only translation unit that includes CLI11. Exit codes: 0 success,
// 1 runtime failure, 2 invalid input (bad scenario, missing file, bad option).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "models/model_params.hpp"
#include "models/population/profile.hpp"
#include "sim/experiment/run_scenario.hpp"
#include "sim/io/report_table.hpp"
#include "sim/io/results_file.hpp"
#include "sim/io/summary.hpp"
#include "sim/io/targets.hpp"
#include "sim/params/param_docs.hpp"

namespace {

constexpr int kInvalidInput = 2;

int print_table(const std::filesystem::path& results, const std::string& targets_file) {
  const auto summary = pw::summarise_results(results);
  std::vector<pw::TargetRow> targets;
  if (!targets_file.empty()) targets = pw::read_targets(targets_file);
  std::cout << pw::format_recidivism_table(summary, targets);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Pathways: an agent-based simulator of life after release from prison, and of the policies that change it."};
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
  run_cmd->add_option("--people", people, "persons in the cohort (overrides simulation.people)")->check(CLI::PositiveNumber);
  run_cmd->add_option("--weeks", weeks, "weeks of follow-up (overrides simulation.horizon)")->check(CLI::Range(1, 780));
  run_cmd->add_option("--seed", seed, "random seed (overrides simulation.seed)")->check(CLI::Range(0LL, 2147483647LL));
  run_cmd->add_option("--reps", reps, "replicates (overrides simulation.replicates)")->check(CLI::Range(1, 10000));
  run_cmd->add_option("--threads", run.threads, "worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 1024));
  run_cmd->add_option("--set", run.sets, "override a parameter, path=value (repeatable), e.g. --set justice.courts.delay_median=12w");
  run_cmd->add_option("--persons", persons, "per-person tables to write: first (replicate 0), all, none")
      ->check(CLI::IsMember({"first", "all", "none"}));
  run_cmd->add_flag("-q,--quiet", quiet, "do not print the recidivism table");

  std::filesystem::path inspect_file;
  bool json = false;
  std::string inspect_targets;
  auto* inspect_cmd = app.add_subcommand("inspect", "Summarise a results file");
  inspect_cmd->add_option("file", inspect_file, "results file (.h5)")->required();
  inspect_cmd->add_flag("--json", json, "print the JSON summary contract instead of a table");
  inspect_cmd->add_option("--targets", inspect_targets, "targets CSV to print beside the model");

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
  auto* params_cmd = app.add_subcommand("params", "List the parameter schema (paths, units, defaults, ranges, sources)");
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
      run.persons = persons == "all" ? pw::PersonsOutput::All
                    : persons == "none" ? pw::PersonsOutput::None
                                        : pw::PersonsOutput::FirstReplicate;
      run.progress = isatty(STDERR_FILENO) != 0;
      const auto loaded = pw::load_scenario(run.scenario, run.sets);
      for (const auto& p : loaded.params.programmes) {
        if (p.kind == "interagency_coordination" || p.kind == "case_management") {
          std::cerr << "note: programme \"" << p.name << "\" (" << p.kind
                    << "): this kind changes no criminogenic need in this version, so it costs but does not "
                       "change outcomes (see docs/ODD.md)\n";
        }
      }
      const auto out = pw::run_scenario(run);
      if (!quiet) print_table(out, loaded.params.report.targets_file);
      std::cout << "\nwrote " << out.string() << "\n";
      return 0;
    }
    if (inspect_cmd->parsed()) {
      if (json) {
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
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
