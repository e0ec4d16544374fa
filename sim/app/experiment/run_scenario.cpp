#include "sim/app/experiment/run_scenario.hpp"

#include <fmt/format.h>
#include <cmath>

#include "models/costs/budget.hpp"
#include "models/costs/costs.hpp"
#include "models/eligibility/eligibility_rule.hpp"
#include "models/population/profile.hpp"
#include "models/reporting/outcome_tables.hpp"
#include "models/reporting/person_table.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/progress.hpp"
#include "sim/app/io/results_file.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/params/param_docs.hpp"
#include "sim/engine/params/toml_input.hpp"

namespace pw {

namespace {
// Every *_file parameter: a default (set by no file and no --set) is resolved
// against the shipped scenarios folder, the folder its text is written from
// (PATHWAYS_SCENARIOS_DIR), never the working directory; then every named file
// must exist. Problems name the key, who set it and what it was resolved against.
void check_named_files(const std::filesystem::path& file, ParamTable& table, const ScenarioMeta& meta) {
  std::vector<ScenarioIssue> issues;
  const std::filesystem::path shipped = PATHWAYS_SCENARIOS_DIR;
  for (const auto& slot : table.slots()) {
    if (slot.info.type != ValueType::Text || !slot.info.path.ends_with("_file")) continue;
    const std::string quoted = slot.get();
    std::string value = quoted.substr(1, quoted.size() - 2);
    if (value.empty()) continue;
    const auto set_by = meta.file_keys.find(slot.info.path);
    if (set_by == meta.file_keys.end() && std::filesystem::path(value).is_relative()) {
      value = (shipped / value).lexically_normal().string();
      slot.set(ParamValue(value));
    }
    std::string why = input_file_problem(value, "data file");
    if (why.empty()) continue;
    if (why.starts_with("missing file")) why = fmt::format("missing file: \"{}\" does not exist", value);
    if (set_by == meta.file_keys.end()) {
      issues.push_back({file.string(), 0, 0, slot.info.path,
                        fmt::format("{} (the default {}, resolved against the shipped scenarios folder {}; the "
                                    "scenario does not set {})",
                                    why, slot.info.default_text, shipped.string(), slot.info.path)});
    } else if (set_by->second.file == "--set") {
      issues.push_back({"--set", 0, 0, slot.info.path,
                        why + " (relative paths on the command line are relative "
                              "to the working directory)"});
    } else {
      ScenarioIssue i = set_by->second;
      i.message = fmt::format("{} (relative paths are resolved against the folder of {})", why, i.file);
      issues.push_back(std::move(i));
    }
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}

// An eligibility range that can hold nobody is a mistake, not a policy.
void check_eligibility_ranges(const std::filesystem::path& file, const ModelParams& p) {
  std::vector<ScenarioIssue> issues;
  const auto check = [&](const std::string& prefix, const EligibilitySpec& e) {
    if (const std::string why = empty_eligibility_range(e); !why.empty()) {
      const auto colon = why.find(": ");
      issues.push_back({file.string(), 0, 0, prefix + why.substr(0, colon), why.substr(colon + 2)});
    }
  };
  for (const auto& prog : p.programmes) check(fmt::format("programme[{}].", prog.name), prog.eligibility);
  check("justice.drug_court.", p.justice.drug_court.eligibility);
  check("justice.mental_health_court.", p.justice.mental_health_court.eligibility);
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}
}  // namespace

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& sets) {
  LoadedScenario s;
  s.params = with_defaults<ModelParams>();
  ParamTable table(s.params);
  TypedCollection<ProgrammeSpec> programmes("programme");
  const std::vector<Collection*> collections = {&programmes};
  s.meta = load_scenario_file(file, table, collections);
  apply_overrides(sets, table, s.meta, collections);
  s.params.programmes = programmes.values();
  if (s.params.population.profile_file.empty()) {
    throw ScenarioError(
        {{file.string(), 0, 0, "population.profile_file",
          "missing: a population profile CSV must be named (e.g. ../data/populations/us-state-2008.csv)"}});
  }
  check_named_files(file, table, s.meta);
  check_eligibility_ranges(file, s.params);
  s.resolved = resolved_toml(s.meta, table, collections);
  if (s.params.budget.programmes_per_1000 > 0) {
    const double planned = planned_programme_spending_per_1000(s.params);
    if (planned > s.params.budget.programmes_per_1000) {
      throw ScenarioError({{file.string(), 0, 0, "budget.programmes_per_1000",
                            fmt::format("over budget: at full occupancy the programmes and courts can spend {:.0f} USD "
                                        "(2023 prices) per 1,000 persons released over the horizon, more than the "
                                        "budget of {:.0f}; reduce places_per_1000 or costs, or raise the budget",
                                        planned, s.params.budget.programmes_per_1000)}});
    }
  }
  return s;
}

// Programme spending per week: participant-weeks times the cost per
// participant-week; pre-release courses, delivered before release, count in week 0.
std::vector<double> programme_costs_by_week(const Simulation& sim) {
  const auto& specs = sim.programmes().specs();
  std::vector<double> cost(sim.programme_weekly().size(), 0.0);
  for (std::size_t w = 0; w < cost.size(); ++w) {
    for (std::size_t p = 0; p < specs.size(); ++p) {
      cost[w] += static_cast<double>(sim.programme_weekly()[w].by_programme[p].participant_weeks) *
                 specs[p].cost_per_participant_week;
    }
  }
  // Problem-solving courts: participant-weeks at the court's weekly cost.
  const auto& justice = sim.params().justice;
  for (std::size_t w = 0; w < cost.size(); ++w) {
    cost[w] += static_cast<double>(sim.weekly()[w].in_drug_court) * justice.drug_court.cost_per_participant_week +
               static_cast<double>(sim.weekly()[w].in_mental_health_court) *
                   justice.mental_health_court.cost_per_participant_week;
  }
  // Volunteer mentors: coordination and support per mentee-week (volunteers are unpaid).
  for (std::size_t w = 0; w < cost.size(); ++w) {
    cost[w] += static_cast<double>(sim.weekly()[w].mentored) * sim.params().network.mentors.cost_per_mentee_week;
  }
  for (std::size_t p = 0; p < specs.size() && !cost.empty(); ++p) {
    cost[0] +=
        static_cast<double>(sim.programmes().pre_release()[p].participant_weeks) * specs[p].cost_per_participant_week;
  }
  return cost;
}

ScenarioHeader scenario_header(const LoadedScenario& s, const std::filesystem::path& file, int replicates) {
  ScenarioHeader h;
  h.name = s.meta.name;
  h.description = s.meta.description;
  h.scenario_file = file.string();
  h.resolved_toml = s.resolved;
  h.seed = static_cast<std::uint64_t>(s.params.run.seed);
  h.people = s.params.run.people;
  h.weeks = s.params.run.horizon_weeks();
  h.replicates = replicates;
  h.groups = standard_group_names();
  h.programmes = s.params.programmes;
  return h;
}

std::string parameter_reference_markdown() {
  auto p = with_defaults<ModelParams>();
  const ParamTable table(p);
  auto programme = with_defaults<ProgrammeSpec>();
  const ParamTable programme_table(programme);
  return parameters_markdown(table, {{"programme", &programme_table}});
}

void write_replicate_results(ResultsWriter& writer, int replicate, const Simulation& sim) {
  writer.write_programmes(replicate, sim);
  writer.write_reintegration(replicate, sim);
  writer.write_costs(replicate, compute_costs(sim.weekly(), sim.params().costs, programme_costs_by_week(sim)));
  writer.write_replicate(replicate, sim.weekly(), cumulative_tables(sim));
}

std::filesystem::path run_scenario(const RunOptions& o) {
  LoadedScenario s = load_scenario(o.scenario, o.sets);
  const PopulationProfile profile = read_profile(s.params.population.profile_file);
  const std::filesystem::path out =
      o.output.empty() ? std::filesystem::path("results") / (s.meta.name + ".h5") : o.output;

  Parallel par(o.threads);
  ResultsWriter writer(out);
  const ScenarioHeader h = scenario_header(s, o.scenario, s.params.run.replicates);
  ParamTable table(s.params);
  writer.begin_scenario(h, table);

  Progress progress("replicate", h.replicates, 0, o.progress);
  for (int r = 0; r < h.replicates; ++r) {
    Simulation sim(s.params, profile, static_cast<std::uint32_t>(r), par);
    const int every = static_cast<int>(std::lround(s.params.network.output.snapshot_every));
    while (!sim.finished()) {
      sim.step();
      if (r == 0 && every > 0 && sim.week() % every == 0) writer.write_network_snapshot(sim);
    }
    write_replicate_results(writer, r, sim);
    if (o.persons == PersonsOutput::All || (o.persons == PersonsOutput::FirstReplicate && r == 0)) {
      writer.write_persons(r, sim);
    }
    progress.update(r + 1);
  }
  writer.commit();
  return out;
}

}  // namespace pw
