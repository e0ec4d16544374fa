// Runs one scenario live for the viewer: R replicates stepped week by week on
// a worker thread with its own Parallel (task arena), so the UI thread only
// draws. All simulations are owned and touched by the worker thread; the UI
// reads copies (RunData, PersonHistory) taken under a lock, and sends commands
// (play, step, speed, lever changes, reset) that the worker applies between
// two weeks.
//
// Replicate r uses the scenario's seed and replicate number r, exactly as
// `pathways run` does, so two runners with the same seed (A/B) share their
// random numbers (common random numbers): their difference is the policy's.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "models/population/profile.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "viz/ego_network.hpp"
#include "viz/person_history.hpp"
#include "viz/run_data.hpp"

namespace pw {
class Simulation;
class Parallel;
}  // namespace pw

namespace pw::viz {

struct RunnerConfig {
  LoadedScenario scenario;
  std::shared_ptr<const PopulationProfile> profile;
  int replicates = 3;
  int threads = 1;  // of the runner's own task arena
};

struct RunnerStatus {
  int week = 0, horizon = 0, seed = 0;
  bool building = true, playing = false, finished = false;
  double ms_per_week = 0;  // last step, all replicates
  double build_seconds = 0;
  bool restart_pending = false;  // a Restart lever changed since the last build
  std::string error;
};

class SimRunner {
 public:
  explicit SimRunner(RunnerConfig config);
  ~SimRunner();
  SimRunner(const SimRunner&) = delete;
  SimRunner& operator=(const SimRunner&) = delete;

  void set_playing(bool playing);
  void step_once();
  // Weeks per second when playing; <= 0: as fast as the machine allows.
  void set_speed(double weeks_per_second);
  // Rebuilds every replicate with `seed` and the current parameter values
  // (lever changes become the starting values; markers are cleared).
  void reset(int seed);
  // Validates a change (schema type, range, choices). A live parameter applies
  // to every replicate from the current week and is marked on the charts; a
  // restart parameter is kept for the next reset. Returns "" or why not.
  // `at_week` > the current week: a live change waits until the run reaches
  // that week (B replaying A's changes, or catching up with A).
  std::string change(const std::string& path, const ParamValue& value, const std::string& label, int at_week = -1);
  // The parameters the replicates were built with (before any lever change since).
  [[nodiscard]] ModelParams built_params() const;
  // Asks for steps until the run reaches `week`, without waiting (B catching up with A).
  void request_weeks(int week);
  // Blocks until the run has reached `week` (or its end); for headless use.
  void advance_to(int week);
  // Blocks until the replicates are built.
  void wait_built();

  // Copies the data when it changed since `out.version`; true if copied.
  bool copy_if_newer(RunData& out) const;
  [[nodiscard]] RunnerStatus status() const;
  // The current value of every parameter (levers included); programme keys as "programme[NAME].key".
  [[nodiscard]] ModelParams params() const;
  [[nodiscard]] const std::string& name() const { return config_.scenario.meta.name; }

  void track_person(std::uint32_t id);
  bool person_history(std::uint32_t id, PersonHistory& out) const;
  [[nodiscard]] std::vector<PersonFacts> sample_facts() const;
  // The person whose ego network (replicate 0, with their released peers' ties)
  // the worker extracts after every week; extracted at once when it changes.
  void show_ego(std::uint32_t id);
  // Copies the latest ego network of the person given to show_ego; false before the first.
  bool ego_network(EgoNetwork& out) const;

 private:
  struct Pending {
    std::string path, label;
    ParamValue value;
    int week = -1;  // apply when the run reaches this week (-1: before the next step)
  };
  [[nodiscard]] bool change_due() const;  // with mutex_ held
  void worker();
  void build();
  void step_all();
  void refresh_ego();  // worker: extracts ego_ for ego_person_ from replicate 0

  RunnerConfig config_;
  mutable std::mutex mutex_;  // guards everything below, except sims_ (worker only)
  std::condition_variable wake_, progressed_;
  bool stop_ = false, rebuild_ = true, playing_ = false;
  int step_requests_ = 0;
  double weeks_per_second_ = 0;
  int seed_ = 0;
  ModelParams params_;            // current values, levers applied
  ModelParams built_params_;      // values at the last build
  std::vector<Pending> pending_;  // live changes to apply before the next step
  std::vector<std::uint32_t> track_requests_;
  RunData data_;
  RunnerStatus status_;
  std::unique_ptr<PersonRecorder> persons_;
  std::int64_t ego_person_ = -1;  // -1: none asked for
  bool ego_stale_ = false;        // ego_person_ changed since ego_ was extracted
  EgoNetwork ego_;

  std::unique_ptr<Parallel> par_;                  // worker only
  std::vector<std::unique_ptr<Simulation>> sims_;  // worker only
  std::thread thread_;
};

// Reads a parameter's current value (internal units) from a ModelParams;
// programme keys as "programme[NAME].key". False if the path is unknown.
bool current_value(const ModelParams& params, const std::string& path, ParamValue& out);

}  // namespace pw::viz
