#include "viz/app.hpp"

#include <GLFW/glfw3.h>  // key codes: imgui 1.86 indexes keys by the backend's codes

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/simulation_levers.hpp"
#include "sim/engine/params/scenario_loader.hpp"
#include "viz/assignment.hpp"
#include "viz/replay_reader.hpp"

namespace pw::viz {

double FrameStats::mean(std::size_t skip) const {
  if (ms.size() <= skip) return 0;
  return std::accumulate(ms.begin() + static_cast<std::ptrdiff_t>(skip), ms.end(), 0.0) /
         static_cast<double>(ms.size() - skip);
}

double FrameStats::percentile(double q, std::size_t skip) const {
  if (ms.size() <= skip) return 0;
  std::vector<double> v(ms.begin() + static_cast<std::ptrdiff_t>(skip), ms.end());
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

App::App(ViewerOptions o) : options(std::move(o)) {
  speed = static_cast<float>(options.speed);
  for (const auto& c : chart_catalog()) ab_charts[c.key] = false;
  for (const auto& key : options.ab_charts) ab_charts[key] = true;
  if (options.view == "ab") view = View::AB;
  if (options.view == "person") view = View::Person;
  if (options.view == "network") view = View::Network;
  if (options.person) {
    person_id = *options.person;
    person_id_input = static_cast<int>(person_id);
    person_chosen = true;
  }
  if (is_results_file(options.input)) {
    load_replay();
  } else {
    start_live();
  }
}

App::~App() = default;

void App::load_replay() {
  replay_ = read_results_file(options.input);
  if (replay_.size() > 1) replay_b = 1;
  replay_week = options.replay_week >= 0 ? options.replay_week : replay_[0].weeks_done;
  for (auto& r : replay_) r.events.clear();
  for (const auto& r : replay_) {
    try {
      snapshot_weeks.push_back(pw::viz::snapshot_weeks(options.input, r.name));
    } catch (const std::exception& e) {
      snapshot_weeks.emplace_back();
      snapshot_error = e.what();
    }
  }
}

void App::select_person(std::uint32_t id) {
  person_id = id;
  person_id_input = static_cast<int>(id);
  person_chosen = true;
  if (a) {
    a->track_person(id);
    a->show_ego(id);
  }
  if (b) b->show_ego(id);
}

void App::start_live() {
  std::vector<std::string> sets = options.sets;
  if (options.people) sets.push_back(fmt::format("simulation.people={}", *options.people));
  if (options.seed) sets.push_back(fmt::format("simulation.seed={}", *options.seed));
  scenario_a_ = load_scenario(options.input, sets);
  profile_ = std::make_shared<const PopulationProfile>(read_profile(scenario_a_.params.population.profile_file));
  seed = scenario_a_.params.run.seed;
  a = std::make_unique<SimRunner>(RunnerConfig{scenario_a_, profile_, options.replicates, options.threads});
  if (!options.b_scenario.empty()) {
    start_b_from(options.b_scenario);
    if (!message.empty()) throw std::runtime_error("--b " + message);
  } else if (!options.b_sets.empty()) {
    start_b_as_copy();
  }
  // --b-set: parsed and checked now, so a bad value exits 2 before any window opens.
  for (const auto& text : options.b_sets) {
    Assignment c;
    if (auto why = parse_assignment(scenario_a_.params, text, c.path, c.value); !why.empty()) {
      throw std::runtime_error("--b-set " + why);
    }
    // The last two components of the path name the lever well enough.
    const auto last = c.path.rfind('.');
    const auto before = last == std::string::npos || last == 0 ? std::string::npos : c.path.rfind('.', last - 1);
    // Words, not a path, so the label wraps on the chart: "drug court places per 1000 = 15".
    std::string name = before == std::string::npos ? c.path : c.path.substr(before + 1);
    std::replace(name.begin(), name.end(), '.', ' ');
    std::replace(name.begin(), name.end(), '_', ' ');
    c.label = name + " = " + text.substr(text.find('=') + 1);
    b_changes_.push_back(std::move(c));
  }
  // Set-up levers among them shape B from week 0 (B is rebuilt with them); live
  // ones wait for --b-week (prepare_headless).
  if (b) {
    bool rebuild = false;
    for (const auto& c : b_changes_) {
      if (live_lever(c.path)) continue;
      if (auto why = b->change(c.path, c.value, c.label); !why.empty()) throw std::runtime_error("--b-set " + why);
      rebuild = true;
    }
    if (rebuild) b->reset(seed);
  }
  if (b) lever_target = 1;
  a->set_speed(options.speed);
  if (b) b->set_speed(options.speed);
  if (person_chosen) a->track_person(person_id);
}

void App::start_b_as_copy() {
  if (!a) return;
  // B starts as A was built and replays A's lever changes at the same weeks, so
  // the two are identical until a lever is changed on B alone.
  LoadedScenario sb = scenario_a_;
  sb.params = a->built_params();
  sb.meta.name = scenario_a_.meta.name + " (B)";
  b = std::make_unique<SimRunner>(RunnerConfig{sb, profile_, options.replicates, options.threads});
  b->set_speed(speed);
  lever_target = 1;
  for (const auto& e : data_a.events) b->change(e.path, e.value, e.label, e.week);
  // Catch up with A in the background, so both show the same weeks.
  b->request_weeks(a->status().week);
  if (a->status().playing) b->set_playing(true);
}

bool App::live_lever(const std::string& path) const {
  bool pre_release = false;
  if (path.rfind("programme[", 0) == 0 && path.find("].") != std::string::npos) {
    const std::string name = path.substr(10, path.find("].") - 10);
    for (const auto& spec : scenario_a_.params.programmes)
      pre_release = pre_release || (spec.name == name && spec.phase == "pre_release");
  }
  return lever_rule(path, pre_release).timing == LeverTiming::Live;
}

void App::start_b_from(const std::filesystem::path& scenario) {
  if (!a) return;
  try {
    LoadedScenario sb = load_scenario(scenario, options.sets);
    // A's seed, cohort size and horizon: common random numbers, so the gap is the policy's.
    const auto status = a->status();
    sb.params.run.seed = status.seed;
    sb.params.run.people = scenario_a_.params.run.people;
    sb.params.run.weeks = scenario_a_.params.run.weeks;
    auto profile_b = std::make_shared<const PopulationProfile>(read_profile(sb.params.population.profile_file));
    b = std::make_unique<SimRunner>(RunnerConfig{sb, profile_b, options.replicates, options.threads});
    b->set_speed(speed);
    b->request_weeks(status.week);
    if (status.playing) b->set_playing(true);
    lever_target = 1;
    message.clear();
  } catch (const ScenarioError& e) {
    message = e.issues().empty() ? e.what() : e.issues().front().to_string();
  } catch (const std::exception& e) {
    message = e.what();
  }
}

std::vector<std::filesystem::path> App::sibling_scenarios() const {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  const auto dir = options.input.has_parent_path() ? options.input.parent_path() : std::filesystem::path(".");
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void App::prepare_headless() {
  if (!a) return;
  a->wait_built();
  if (b) b->wait_built();
  const int b_week = std::min(options.b_week, options.advance);
  if (b && !b_changes_.empty()) {
    a->advance_to(b_week);
    b->advance_to(b_week);
    for (const auto& c : b_changes_) {
      if (!live_lever(c.path)) continue;
      if (auto why = b->change(c.path, c.value, c.label); !why.empty()) throw std::runtime_error("--b-set " + why);
    }
  }
  a->advance_to(options.advance);
  if (b) b->advance_to(options.advance);
  if (options.play) {
    a->set_playing(true);
    if (b) b->set_playing(true);
  }
}

bool App::animating() const {
  if (replay()) return replay_playing;
  auto moving = [](const std::unique_ptr<SimRunner>& r) {
    if (!r) return false;
    const auto s = r->status();
    return s.building || (s.playing && !s.finished);
  };
  return moving(a) || moving(b) || (b && b->status().week != a->status().week);
}

void App::change(const std::string& path, const ParamValue& value, const std::string& label) {
  std::string why;
  if ((lever_target == 0 || lever_target == 2 || !b) && a) why = a->change(path, value, label);
  // On both: B takes the change at A's week, even while it is still catching up.
  const int week = lever_target == 2 && a ? a->status().week : -1;
  if (why.empty() && (lever_target >= 1) && b) why = b->change(path, value, label, week);
  message = why.empty() ? "" : why;
}

std::vector<const RunData*> App::shown_runs() const {
  std::vector<const RunData*> runs;
  if (replay()) {
    runs.push_back(&replay_[static_cast<std::size_t>(replay_a)]);
    if (replay_b >= 0 && replay_b != replay_a) runs.push_back(&replay_[static_cast<std::size_t>(replay_b)]);
  } else {
    runs.push_back(&data_a);
    if (b) runs.push_back(&data_b);
  }
  return runs;
}

void App::draw_menu() {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Presentation mode", "F11", look.presentation)) toggle_look = true;
    if (ImGui::MenuItem("Reset window layout")) reset_layout = true;
    ImGui::EndMenu();
  }
  ImGui::TextDisabled("| %s", replay() ? ("replay: " + options.input.filename().string()).c_str()
                                       : ("live: " + options.input.filename().string()).c_str());
  const auto& io = ImGui::GetIO();
  ImGui::TextDisabled("| %.0f fps (%.1f ms per frame)", io.Framerate, 1000.0f / std::max(io.Framerate, 1.0f));
  ImGui::EndMainMenuBar();
}

void App::frame(double frame_ms) {
  stats_.ms.push_back(frame_ms);
  audit.reset();
  // Looks change between windows, never inside one (fonts and style stacks).
  if (toggle_look || ImGui::IsKeyPressed(GLFW_KEY_F11, false)) apply_look(look, !look.presentation);
  toggle_look = false;
  if (a) a->copy_if_newer(data_a);
  if (b) b->copy_if_newer(data_b);
  if (replay() && replay_playing) {
    replay_weeks_due += frame_ms / 1000.0 * speed;
    while (replay_weeks_due >= 1) {
      replay_weeks_due -= 1;
      if (replay_week < replay_[0].weeks_done) ++replay_week;
    }
    if (replay_week >= replay_[0].weeks_done) replay_playing = false;
  }

  draw_menu();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // The two panels follow the window when it is resized.
  if (vp->WorkSize.x != last_size_.x || vp->WorkSize.y != last_size_.y) {
    if (last_size_.x > 0) reset_layout = true;
    last_size_ = vp->WorkSize;
  }
  const float fs = ImGui::GetFontSize();
  const float left_w = std::round(std::clamp(fs * 26.0f, 300.0f, vp->WorkSize.x * 0.34f));
  const ImGuiCond cond = reset_layout || options.frames > 0 ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  ImGui::SetNextWindowPos(vp->WorkPos, cond);
  ImGui::SetNextWindowSize({left_w, vp->WorkSize.y}, cond);
  // The two main windows draw no background of their own: the frame is cleared
  // to the window colour, which saves a full-screen fill on software GL.
  const ImGuiWindowFlags main_flags = ImGuiWindowFlags_NoBackground;
  if (ImGui::Begin(replay() ? "Replay###controls" : "Run and policy###controls", nullptr, main_flags)) {
    draw_controls_panel(*this);
    if (!replay()) draw_policy_panel(*this);
  }
  ImGui::End();

  ImGui::SetNextWindowPos({vp->WorkPos.x + left_w, vp->WorkPos.y}, cond);
  ImGui::SetNextWindowSize({vp->WorkSize.x - left_w, vp->WorkSize.y}, cond);
  if (ImGui::Begin("Views###views", nullptr, main_flags)) {
    if (ImGui::BeginTabBar("views")) {
      auto tab = [&](const char* label, View v) {
        const ImGuiTabItemFlags f = select_view && view == v ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(label, nullptr, f);
        if (open && !select_view) view = v;
        return open;
      };
      if (tab("Charts", View::Charts)) {
        std::vector<const RunData*> runs = {shown_runs().front()};
        draw_charts(*this, runs, false);
        ImGui::EndTabItem();
      }
      if (tab("A/B comparison", View::AB)) {
        const auto runs = shown_runs();
        if (runs.size() < 2) {
          ImGui::TextWrapped("%s", replay() ? "This file holds one scenario: there is nothing to compare."
                                            : "B is not running. Start B as a copy of A in the left panel (same seed, "
                                              "so both share their random numbers), then change a lever on B.");
          if (!replay() && ImGui::Button("Start B as a copy of A")) start_b_as_copy();
        } else {
          draw_charts(*this, runs, true);
        }
        ImGui::EndTabItem();
      }
      if (tab("Person", View::Person)) {
        draw_person_view(*this);
        ImGui::EndTabItem();
      }
      if (tab("Ego network", View::Network)) {
        draw_network_view(*this);
        ImGui::EndTabItem();
      }
      select_view = false;
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
  reset_layout = false;
  audit_windows(audit);
}

}  // namespace pw::viz
