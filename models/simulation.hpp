// One running simulation of one replicate: it owns all mutable state, so any
// number can live in one process (replicates, A/B comparisons, tests).
//
// The week is a short, fixed list of named phases (see kPhaseNames in
// simulation.cpp). Each phase runs over person ranges in parallel and returns
// integer counts; the end-of-week census adds the stocks. Shared pools (court
// places, programme places, job vacancies, beds and vouchers) are decided in
// barrier phases after the per-person phases.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "models/community/community.hpp"
#include "models/coordination/coordination_model.hpp"
#include "models/housing/housing_model.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/risk_assessment.hpp"
#include "models/labour/labour_model.hpp"
#include "models/model_params.hpp"
#include "models/needs/needs.hpp"
#include "models/network/network_model.hpp"
#include "models/population/attributes.hpp"
#include "models/population/profile.hpp"
#include "models/programmes/programmes_model.hpp"
#include "models/reintegration/situation_effects.hpp"
#include "models/reporting/group_index.hpp"
#include "models/simulation_levers.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

// CPU time spent in the network's phases, for the benchmark (bench/): the
// per-person phase "network" and its census, summed over blocks and threads,
// and the batch (serial). Thread CPU nanoseconds, so other processes on the
// machine do not inflate them. Off unless enable_network_timing().
struct NetworkTiming {
  std::atomic<std::int64_t> per_person_ns{0};
  std::int64_t batch_ns = 0;
};

class Simulation {
 public:
  // Synthesises the cohort of replicate `replicate` and sets up every sub-model.
  Simulation(const ModelParams& params, const PopulationProfile& profile, std::uint32_t replicate, Parallel& par);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs one week; returns that week's counts.
  WeekCounts step();
  // Runs until the horizon.
  void run_to_end();

  [[nodiscard]] int week() const { return week_; }
  [[nodiscard]] int horizon() const { return params_.run.horizon_weeks(); }
  [[nodiscard]] bool finished() const { return week_ >= horizon(); }
  [[nodiscard]] const std::vector<WeekCounts>& weekly() const { return weekly_; }
  // Per week, per declared programme (index as in params().programmes).
  [[nodiscard]] const std::vector<ProgrammeCounts>& programme_weekly() const { return programme_weekly_; }
  [[nodiscard]] const ProgrammesModel& programmes() const { return *programmes_; }
  [[nodiscard]] const ModelParams& params() const { return params_; }
  [[nodiscard]] const Population& population() const { return population_; }
  [[nodiscard]] const Needs& needs() const { return needs_; }
  [[nodiscard]] const RiskAssessment& risk() const { return risk_; }
  [[nodiscard]] const JusticeState& justice() const { return justice_->state(); }
  [[nodiscard]] const Community& community() const { return community_; }
  [[nodiscard]] const LabourModel& labour() const { return *labour_; }
  [[nodiscard]] const HousingModel& housing() const { return *housing_; }
  [[nodiscard]] const NetworkModel& network() const { return *network_; }
  [[nodiscard]] const CoordinationModel& coordination() const { return *coordination_; }
  [[nodiscard]] const Situation& situation() const { return situation_; }
  // The reporting groups each person belongs to (built once, at construction).
  [[nodiscard]] const GroupIndex& groups() const { return groups_; }
  // End-of-month census by group (index m - 1 for month m), for the months run so far.
  [[nodiscard]] const std::vector<MonthCensus>& monthly() const { return monthly_; }

  static std::vector<std::string_view> phase_names();

  // Starts timing the network phases (NetworkTiming); a few clock reads per block of persons.
  void enable_network_timing() { network_timing_ = std::make_unique<NetworkTiming>(); }
  [[nodiscard]] const NetworkTiming* network_timing() const { return network_timing_.get(); }

  // Levers: changes one parameter from the current week on (between steps).
  // See models/simulation_levers.hpp for the paths accepted and which are live.
  void set_parameter(const std::string& path, const ParamValue& value);

 private:
  ModelParams params_;
  Rng rng_;
  Parallel& par_;
  Population population_;
  Needs needs_;
  RiskAssessment risk_;
  std::unique_ptr<JusticeModel> justice_;
  std::unique_ptr<ProgrammesModel> programmes_;
  Community community_;
  std::unique_ptr<NetworkModel> network_;
  std::unique_ptr<LabourModel> labour_;
  std::unique_ptr<HousingModel> housing_;
  std::unique_ptr<CoordinationModel> coordination_;
  std::unique_ptr<SituationEffects> situation_effects_;
  Situation situation_;
  GroupIndex groups_;
  std::vector<MonthCensus> monthly_;
  int week_ = 0;
  std::vector<WeekCounts> weekly_;
  std::vector<ProgrammeCounts> programme_weekly_;
  std::unique_ptr<NetworkTiming> network_timing_;
};

}  // namespace pw
