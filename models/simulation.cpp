#include "models/simulation.hpp"

#include <array>

#include "models/population/synthesis.hpp"

namespace pw {

namespace {
// The week, in order. "Week t" means: every phase sees the state left by the
// phases before it in week t; a phase reads only state as it stood when the
// phase began and writes only its own persons' rows.
//
// Because no phase reads another person's row, the engine runs every phase on
// one block of persons before moving to the next block: the result is the same
// as running each phase over everyone in turn, and each block's columns stay in
// cache. A future phase that reads shared state (allocation of scarce places,
// the network) will be a barrier between blocks of such per-person phases.
struct Phase {
  std::string_view name;
  WeekCounts (JusticeModel::*run)(std::size_t, std::size_t, int);
};
constexpr std::array<Phase, 3> kPhases = {{
    {"releases", &JusticeModel::releases},                              // MODEL §3 step 1 and 8 (returns)
    {"offending", &JusticeModel::offending},                            // MODEL §3 step 7
    {"courts_and_supervision", &JusticeModel::courts_and_supervision},  // MODEL §3 step 8
}};
}  // namespace

std::vector<std::string_view> Simulation::phase_names() {
  std::vector<std::string_view> names;
  for (const auto& p : kPhases) names.push_back(p.name);
  names.emplace_back("census");
  return names;
}

Simulation::Simulation(const ModelParams& params, const PopulationProfile& profile, std::uint32_t replicate,
                       Parallel& par)
    : params_(params), rng_(static_cast<std::uint64_t>(params.run.seed), replicate), par_(par) {
  population_ = synthesise_population(static_cast<std::size_t>(params_.run.people), profile, params_.population,
                                      rng_, par_);
  needs_ = draw_needs(population_, params_.needs, rng_, par_);
  risk_ = assess_risk(population_, needs_, params_.justice.risk);
  justice_ = std::make_unique<JusticeModel>(params_.justice, population_, needs_, risk_, rng_,
                                            profile.share("release", "to_supervision"));
  justice_->setup(par_);
  weekly_.reserve(static_cast<std::size_t>(horizon()));
}

WeekCounts Simulation::step() {
  const std::size_t n = population_.size();
  const WeekCounts week_counts = par_.reduce_ranges<WeekCounts>(n, [&](std::size_t b, std::size_t e) {
    WeekCounts c;
    for (const auto& phase : kPhases) c += ((*justice_).*(phase.run))(b, e, week_);
    c += justice_->census(b, e);
    return c;
  });
  weekly_.push_back(week_counts);
  ++week_;
  return week_counts;
}

void Simulation::run_to_end() {
  while (!finished()) step();
}

}  // namespace pw
