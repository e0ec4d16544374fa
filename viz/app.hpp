// The viewer application: what is open (live runners A and B, or a replayed
// file), the UI state, and the frame that draws every window. Owned by
// viewer_main.cpp; runs on the UI thread. Simulations run on the runners'
// worker threads (sim_runner.hpp); this class only sends them commands and
// draws copies of their data.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "viz/assignment.hpp"
#include "viz/layout.hpp"
#include "viz/network_snapshot.hpp"
#include "viz/person_history.hpp"
#include "viz/run_data.hpp"
#include "viz/sim_runner.hpp"
#include "viz/style.hpp"
#include "viz/viewer_options.hpp"

namespace pw::viz {

enum class View { Charts, AB, Person, Network };

// Frame-time statistics (milliseconds), for the status line and --frames.
struct FrameStats {
  std::vector<double> ms;
  [[nodiscard]] double mean(std::size_t skip = 0) const;
  [[nodiscard]] double percentile(double q, std::size_t skip = 0) const;
};

class App {
 public:
  explicit App(ViewerOptions options);
  ~App();

  // Blocking work before the first frame (--advance, --b-set at --b-week).
  void prepare_headless();
  // Draws one frame of every window.
  void frame(double frame_ms);
  [[nodiscard]] const FrameStats& stats() const { return stats_; }
  [[nodiscard]] bool replay() const { return !replay_.empty(); }
  // Something changes on screen without input (a run playing or building, a replay playing).
  [[nodiscard]] bool animating() const;

  // --- used by the panels -------------------------------------------------
  ViewerOptions options;
  Look look;
  std::unique_ptr<SimRunner> a, b;  // live mode
  RunData data_a, data_b;           // latest copies for drawing
  std::vector<RunData> replay_;     // replay mode: every scenario in the file
  int replay_a = 0, replay_b = -1;  // which replayed scenarios are A and B
  int replay_week = 0;              // the scrub cursor
  bool replay_playing = false;
  View view = View::Charts;
  bool select_view = true;  // set the tab from `view` on the next frame
  bool reset_layout = false;
  bool toggle_look = false;               // presentation mode on/off at the next frame
  int lever_target = 0;                   // 0: A, 1: B, 2: both
  std::map<std::string, bool> ab_charts;  // charts shown in the A/B view, by ChartDef::key
  std::map<std::string, ParamValue> edits;
  std::map<std::string, double> slider_tops;  // upper ends of open-ended sliders, fixed when first drawn
  std::string search;                         // the "any parameter" filter
  int person_id_input = 0;
  double replay_weeks_due =
      0;                // fractional weeks of replay playback not yet shown  // slider values while being dragged
  std::string message;  // last error or note, shown in the controls
  TextAudit audit;      // text that did not fit its box in the last frame (layout.hpp)
  std::uint32_t person_id = 0;
  bool person_chosen = false;
  int like_sex = -1, like_risk = -1, like_offence = -1, like_group = -1;
  bool ego_second_ring = true;  // draw the released peers' own ties faintly
  bool ego_of_b = false;        // live A/B: draw B's ego network instead of A's
  // Replay: snapshot weeks per replayed scenario, and the snapshot drawn now.
  std::vector<std::vector<int>> snapshot_weeks;
  std::string snapshot_error;
  int snapshot_scenario = -1;
  std::shared_ptr<const NetworkSnapshot> snapshot;
  // Selects a person in the person and ego network views (live: recorded from now on).
  void select_person(std::uint32_t id);
  unsigned random_draws = 0;
  int seed = 0;
  float speed = 52;

  // Starts B as a copy of A's scenario (same seed, so the same random numbers).
  void start_b_as_copy();
  // Starts B from another scenario file, on A's seed, cohort size and horizon; B
  // runs from week 0 and catches up with A. Errors go to `message`.
  void start_b_from(const std::filesystem::path& scenario);
  // Scenario files beside A's (for the B chooser).
  [[nodiscard]] std::vector<std::filesystem::path> sibling_scenarios() const;
  // Applies a lever change to the target runner(s); records `message` on failure.
  void change(const std::string& path, const ParamValue& value, const std::string& label);
  [[nodiscard]] std::vector<const RunData*> shown_runs() const;

 private:
  void load_replay();
  // Whether a change of `path` acts mid-run (models/simulation_levers.hpp) in A's scenario.
  [[nodiscard]] bool live_lever(const std::string& path) const;
  void start_live();
  void draw_menu();

  FrameStats stats_;
  ImVec2 last_size_{0, 0};
  struct Assignment {
    std::string path, label;
    ParamValue value;
  };
  std::vector<Assignment> b_changes_;  // --b-set, parsed and checked at start-up
  std::shared_ptr<const PopulationProfile> profile_;
  LoadedScenario scenario_a_;
};

// Panels (one file each).
void draw_controls_panel(App& app);
void draw_policy_panel(App& app);
void draw_charts(App& app, const std::vector<const RunData*>& runs, bool difference);
void draw_person_view(App& app);
// The ego network of app.person_id in a box of `size` (graph, counts by type, legend).
void draw_ego_network(App& app, ImVec2 size);
// The "Ego network" tab: a person chooser and a large ego network.
void draw_network_view(App& app);

}  // namespace pw::viz
