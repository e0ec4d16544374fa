#include "models/simulation.hpp"

#include <array>
#include <ctime>

#include "models/population/synthesis.hpp"
#include "models/reporting/outcome_tables.hpp"

namespace pw {

namespace {
// CPU time of the calling thread, nanoseconds (for NetworkTiming; robust to other processes).
std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The week, in order. "Week t" means: every phase sees the state left by the
// phases before it in week t; a phase reads only state as it stood when the
// phase began and writes only its own persons' rows.
//
// Because no per-person phase reads another person's row, the engine runs them
// all on one block of persons before moving to the next block: the result is
// the same as running each phase over everyone in turn, and each block's
// columns stay in cache. Phases that decide shared pools (programme places)
// run after the per-person phases, as barriers, in a deterministic order.
struct BlockCounts {
  WeekCounts week;
  ProgrammeCounts programmes;
  LabourFlows labour;
  HousingFlows housing;
  NetworkFlows network;
  BlockCounts& operator+=(const BlockCounts& o) {
    week += o.week;
    programmes += o.programmes;
    labour += o.labour;
    housing += o.housing;
    network += o.network;
    return *this;
  }
};

constexpr std::array<std::string_view, 14> kPhaseNames = {
    "releases",                // ODD §3.2 phase 1 (and returns from jail)
    "programme_progress",      // ODD §3.2 phase 2: drop-out, completion, joining waiting lists
    "labour",                  // ODD §3.2 phase 3: work, separations, search, screening
    "housing",                 // ODD §3.2 phase 4: entry, loss, exits, requests for places
    "situation",               // ODD §3.2 phase 5: work and housing multipliers of offending and violations
                               // (and, models/coordination, the multiplier while without benefits)
    "offending",               // ODD §3.2 phase 6
    "courts_and_supervision",  // ODD §3.2 phase 7
    "coordination",            // ODD §3.2 phase 7b, §7.20: IDs, benefits and enrolment obtained at the end
                               // of the week
    "network",                 // ODD §3.2 phase 8: each person's tie changes decided (after the week's events)
    "census",                  // ODD §3.2 phase 9: end-of-week stocks
    "court_diversion",         // ODD §3.2 phase 10: barrier, problem-solving court places
    "programme_allocation",    // ODD §3.2 phase 11: barrier, places for week t + 1
    "hiring_and_housing",      // ODD §3.2 phase 12: barriers, vacancies (work from t + 1), beds and vouchers
    "network_batch",           // ODD §3.2 phase 13: barrier, tie changes applied, mentors matched (read from t + 1)
};
}  // namespace

std::vector<std::string_view> Simulation::phase_names() { return {kPhaseNames.begin(), kPhaseNames.end()}; }

Simulation::Simulation(const ModelParams& params, const PopulationProfile& profile, std::uint32_t replicate,
                       Parallel& par)
    : params_(params), rng_(static_cast<std::uint64_t>(params.run.seed), replicate), par_(par) {
  population_ =
      synthesise_population(static_cast<std::size_t>(params_.run.people), profile, params_.population, rng_, par_);
  needs_ = draw_needs(population_, params_.needs, rng_, par_);
  risk_ = assess_risk(population_, needs_, params_.justice.risk);
  justice_ = std::make_unique<JusticeModel>(params_.justice, population_, needs_, risk_, rng_,
                                            profile.share("release", "to_supervision"));
  justice_->setup(par_);
  programmes_ = std::make_unique<ProgrammesModel>(params_.programmes, params_.programme_kinds, population_, needs_,
                                                  risk_, *justice_, rng_);
  programmes_->setup(par_);
  community_ = make_community(population_, params_.community, rng_, par_);
  network_ = std::make_unique<NetworkModel>(params_.network, params_.community, population_, risk_, community_, rng_);
  network_->setup(par_);
  labour_ = std::make_unique<LabourModel>(params_.labour, population_, needs_, community_, network_->summary(),
                                          justice_->state(), rng_);
  labour_->setup();
  housing_ = std::make_unique<HousingModel>(params_.housing, population_, needs_, risk_, community_,
                                            network_->summary(), justice_->state(), labour_->state().working, rng_);
  housing_->setup();
  labour_->attach_housing(&housing_->states());
  coordination_ = std::make_unique<CoordinationModel>(params_.coordination, justice_->state(), rng_);
  for (std::size_t p = 0; p < programmes_->size(); ++p) {
    const auto& spec = programmes_->specs()[p];
    if (spec.kind == "interagency_coordination") {
      coordination_->attach_programme(&programmes_->status(p), spec.phase == "pre_release");
    }
  }
  coordination_->setup(population_.size());
  labour_->attach_id(&coordination_->id_column());
  housing_->attach_id(&coordination_->id_column());
  programmes_->attach_enrolment(&coordination_->enrolment_column());
  {
    std::vector<const std::vector<std::uint8_t>*> tj;
    for (std::size_t p = 0; p < programmes_->size(); ++p) {
      const auto& spec = programmes_->specs()[p];
      if (spec.kind == "transitional_jobs" && spec.phase == "post_release") tj.push_back(&programmes_->status(p));
    }
    labour_->attach_transitional_jobs(std::move(tj));
    std::vector<const std::vector<std::uint8_t>*> community_programmes;
    for (std::size_t p = 0; p < programmes_->size(); ++p)
      if (programmes_->specs()[p].phase == "post_release") community_programmes.push_back(&programmes_->status(p));
    network_->attach(&justice_->state(), &labour_->state(), &labour_->employers(), &housing_->states(),
                     &housing_->state().bed_hood, std::move(community_programmes));
    programmes_->attach_mentors(&network_->summary(), params_.network.mentors.completion_bonus);
  }
  situation_effects_ =
      std::make_unique<SituationEffects>(params_.labour.effects, params_.housing.effects, params_.justice.drug_court,
                                         params_.justice.mental_health_court, params_.network);
  situation_.resize(population_.size());
  justice_->set_situation(&situation_);
  groups_ = build_group_index(*this);
  weekly_.reserve(static_cast<std::size_t>(horizon()));
  programme_weekly_.reserve(static_cast<std::size_t>(horizon()));
}

WeekCounts Simulation::step() {
  const std::size_t n = population_.size();
  BlockCounts c = par_.reduce_ranges<BlockCounts>(n, [&](std::size_t b, std::size_t e) {
    BlockCounts block;
    block.week += justice_->releases(b, e, week_);
    block.week += coordination_->releases(b, e, week_);
    block.programmes += programmes_->progress(b, e, week_);
    PersonWeekDraws draws;
    const auto& custody = justice_->state().custody;
    draws.fill(rng_, b, e, week_,
               [&](std::size_t i) { return custody[i] == static_cast<std::uint8_t>(Custody::Community); });
    block.week += labour_->work(b, e, week_, draws, block.labour);
    block.week += housing_->transitions(b, e, week_, draws, block.housing);
    situation_effects_->update(b, e, week_, population_, labour_->state().working, housing_->states(),
                               justice_->state().court_programme, network_->summary(), situation_);
    coordination_->apply_to_offending(b, e, situation_);
    block.week += justice_->offending(b, e, week_, draws);
    block.week += justice_->courts_and_supervision(b, e, week_);
    block.week += coordination_->update(b, e, week_);
    const std::int64_t t0 = network_timing_ ? thread_cpu_ns() : 0;
    network_->decide(b, e, week_, block.network);
    block.week += network_->census(b, e);
    if (network_timing_) network_timing_->per_person_ns += thread_cpu_ns() - t0;
    block.week += justice_->census(b, e);
    block.week += housing_->census(b, e, block.housing);
    return block;
  });
  justice_->divert_to_courts(week_, c.week);
  c.programmes.by_programme.resize(programmes_->size());
  programmes_->allocate(week_, c.programmes);
  labour_->hire(week_, c.labour, c.week);
  housing_->allocate(week_, c.housing, c.week);
  {
    const std::int64_t t0 = network_timing_ ? thread_cpu_ns() : 0;
    network_->apply(week_, c.network, c.week);
    if (network_timing_) network_timing_->batch_ns += thread_cpu_ns() - t0;
  }
  if (week_ + 1 == week_ending_month(static_cast<int>(monthly_.size()) + 1)) {
    monthly_.push_back(month_census(*this, par_));
  }
  weekly_.push_back(c.week);
  programme_weekly_.push_back(std::move(c.programmes));
  ++week_;
  return c.week;
}

void Simulation::run_to_end() {
  while (!finished()) step();
}

}  // namespace pw
