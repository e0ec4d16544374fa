#include "sim/app/experiment/experiment_plan.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "sim/app/io/results_file.hpp"

namespace pw {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint32_t independent_seed(std::uint32_t base, int k) {
  const std::uint64_t s = static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(k) * 0x9E3779B1ULL;
  return static_cast<std::uint32_t>(s & 0x7FFFFFFFULL);
}

std::string without_comment_lines(const std::string& toml) {
  std::istringstream in(toml);
  std::string line, out;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;
    out += line;
    out += '\n';
  }
  return out;
}

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void hash_inputs(ExperimentPlan& plan) {
  std::uint64_t h = fnv1a64(plan.kind);
  const auto add = [&](const std::string& s) {
    h = fnv1a64(s, h);
    h = fnv1a64(std::string_view("\0", 1), h);
  };
  add(fmt::format("replicates={} crn={} persons={}", plan.replicates, plan.common_random_numbers,
                  static_cast<int>(plan.persons)));
  add(program_version());
  add(git_commit());
  for (const auto& s : plan.scenarios) {
    add(s.name());
    add(without_comment_lines(s.loaded.resolved));
    add(file_bytes(s.loaded.params.population.profile_file));
  }
  if (plan.sweep) {
    add(plan.sweep->design);
    for (const auto& v : plan.sweep->set_values) add(v);
  }
  plan.inputs_hash = fmt::format("{:016x}", h);
}

ExperimentPlan plan_compare(const CompareOptions& o) {
  if (o.scenarios.size() < 2) {
    throw ScenarioError({{"(command line)", 0, 0, "scenarios",
                          "compare needs at least two scenario files: the baseline first, then the alternatives"}});
  }
  // The baseline fixes people, horizon, replicates and seed unless the command line does.
  const LoadedScenario base = load_scenario(o.scenarios.front(), o.sets);
  const int people = o.people > 0 ? o.people : base.params.run.people;
  const int weeks = o.weeks > 0 ? o.weeks : base.params.run.horizon_weeks();
  const int reps = o.replicates > 0 ? o.replicates : base.params.run.replicates;
  const auto seed = static_cast<std::uint32_t>(o.seed >= 0 ? o.seed : base.params.run.seed);

  ExperimentPlan plan;
  plan.kind = "compare";
  plan.replicates = reps;
  plan.common_random_numbers = !o.independent;
  plan.persons = o.persons;
  std::map<std::string, std::filesystem::path> names;
  for (std::size_t k = 0; k < o.scenarios.size(); ++k) {
    const std::uint32_t s = o.independent ? independent_seed(seed, static_cast<int>(k)) : seed;
    std::vector<std::string> sets = o.sets;
    sets.push_back(fmt::format("simulation.people={}", people));
    sets.push_back(fmt::format("simulation.horizon={}w", weeks));
    sets.push_back(fmt::format("simulation.replicates={}", reps));
    sets.push_back(fmt::format("simulation.seed={}", s));
    ExperimentScenario es{o.scenarios[k], load_scenario(o.scenarios[k], sets)};
    if (const auto it = names.find(es.name()); it != names.end()) {
      throw ScenarioError({{o.scenarios[k].string(), 0, 0, "name",
                            fmt::format("scenario name \"{}\" is also the name of {}; every scenario of a comparison "
                                        "needs its own name (set `name = ...` in the file)",
                                        es.name(), it->second.string())}});
    }
    names.emplace(es.name(), o.scenarios[k]);
    plan.scenarios.push_back(std::move(es));
  }
  hash_inputs(plan);
  return plan;
}

}  // namespace pw
