// The run controls (live: play, pause, step, speed, reset with a new seed,
// B on/off; replay: which scenarios, the week cursor) at the top of the left panel.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

#include "viz/app.hpp"
#include "viz/layout.hpp"

namespace pw::viz {

namespace {

void status_line(const char* who, const RunnerStatus& s, std::size_t replicates) {
  if (!s.error.empty()) {
    ImGui::TextColored({1, 0.3f, 0.3f, 1}, "%s: %s", who, s.error.c_str());
  } else if (s.building) {
    ImGui::Text("%s: building %zu replicates...", who, replicates);
  } else {
    ImGui::TextWrapped("%s: week %d of %d (year %.1f)%s", who, s.week, s.horizon, s.week / 52.0,
                       s.finished  ? ", finished"
                       : s.playing ? ", playing"
                                   : ", paused");
    text_wrapped_disabled(fmt::format("   {:.1f} ms per week for {} replicates; built in {:.1f} s", s.ms_per_week,
                                      replicates, s.build_seconds));
  }
}

void live_controls(App& app) {
  const RunnerStatus sa = app.a->status();
  ImGui::TextWrapped("%s", app.data_a.description.empty() ? app.data_a.name.c_str() : app.data_a.description.c_str());
  text_wrapped_disabled(
      fmt::format("{} people x {} replicates, seed {}", app.data_a.people, app.data_a.replicates, sa.seed));
  const bool playing = sa.playing;
  if (ImGui::Button(playing ? "Pause" : "Play", {ImGui::GetFontSize() * 5, 0})) {
    app.a->set_playing(!playing);
    if (app.b) app.b->set_playing(!playing);
  }
  same_line_if_fits(button_width("Step one week"));
  if (ImGui::Button("Step one week")) {
    app.a->step_once();
    if (app.b) app.b->step_once();
  }
  {
    const float lo = 0, hi = 520;
    const SliderResult r = value_slider(
        "speed", ImGuiDataType_Float, &app.speed, &lo, &hi, app.speed <= 0 ? "as fast as possible" : "%.0f weeks/s",
        ImGuiSliderFlags_Logarithmic, ImGui::GetContentRegionAvail().x * 0.75f, &app.audit);
    if (r.changed) {
      app.a->set_speed(app.speed);
      if (app.b) app.b->set_speed(app.speed);
    }
    if (r.hovered) ImGui::SetTooltip("Weeks simulated per second while playing (0: as fast as the machine allows)");
  }
  // Room for the seed's digits besides the - and + buttons.
  const float seed_w = ImGui::CalcTextSize("2147483647").x + ImGui::GetStyle().FramePadding.x * 2 +
                       2 * (ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(seed_w);
  ImGui::InputInt("##seed", &app.seed);
  app.seed = std::max(0, app.seed);
  same_line_if_fits(button_width("Reset with this seed"));
  if (ImGui::Button("Reset with this seed")) {
    app.a->reset(app.seed);
    if (app.b) app.b->reset(app.seed);
  }
  same_line_if_fits(button_width("New seed"));
  if (ImGui::Button("New seed")) {
    app.seed = static_cast<int>((static_cast<unsigned>(app.seed) * 1103515245u + 12345u) % 2147483647u);
    app.a->reset(app.seed);
    if (app.b) app.b->reset(app.seed);
  }
  status_line("A", sa, static_cast<std::size_t>(app.data_a.replicates));
  if (sa.restart_pending) ImGui::TextColored({1, 0.7f, 0.2f, 1}, "A: a set-up lever changed; reset to apply it");
  if (app.b) {
    const RunnerStatus sb = app.b->status();
    status_line("B", sb, static_cast<std::size_t>(app.data_b.replicates));
    if (sb.restart_pending) ImGui::TextColored({1, 0.7f, 0.2f, 1}, "B: a set-up lever changed; reset to apply it");
    if (ImGui::Button("Stop B")) {
      app.b.reset();
      app.lever_target = 0;
    }
  } else {
    if (ImGui::Button("Start B as a copy of A")) app.start_b_as_copy();
    same_line_if_fits(ImGui::CalcTextSize("or from").x + ImGui::GetFontSize() * 8);
    ImGui::TextDisabled("or from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##b_scenario", "a scenario...")) {
      for (const auto& f : app.sibling_scenarios()) {
        if (ImGui::Selectable(f.filename().string().c_str())) app.start_b_from(f);
      }
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("B runs that scenario from week 0 on A's seed, cohort size and horizon, and catches up with A");
    }
  }
  if (!app.message.empty()) ImGui::TextColored({1, 0.35f, 0.35f, 1}, "%s", app.message.c_str());
}

void replay_controls(App& app) {
  const auto& runs = app.replay_;
  ImGui::TextWrapped("%s", app.options.input.string().c_str());
  auto combo = [&](const char* label, int& index, bool allow_none) {
    const char* current = index < 0 ? "(none)" : runs[static_cast<std::size_t>(index)].name.c_str();
    if (ImGui::BeginCombo(label, current)) {
      if (allow_none && ImGui::Selectable("(none)", index < 0)) index = -1;
      for (std::size_t i = 0; i < runs.size(); ++i) {
        if (ImGui::Selectable(runs[i].name.c_str(), index == static_cast<int>(i))) index = static_cast<int>(i);
      }
      ImGui::EndCombo();
    }
  };
  combo("A", app.replay_a, false);
  combo("B", app.replay_b, true);
  const auto& ra = runs[static_cast<std::size_t>(app.replay_a)];
  ImGui::TextWrapped("%s", ra.description.c_str());
  ImGui::TextDisabled("%lld people x %d replicates, %d weeks", ra.people, ra.replicates, ra.weeks_done);
  if (ImGui::Button(app.replay_playing ? "Pause" : "Play", {ImGui::GetFontSize() * 5, 0})) {
    if (app.replay_week >= ra.weeks_done) app.replay_week = 0;
    app.replay_playing = !app.replay_playing;
  }
  ImGui::SameLine();
  {
    const int lo = 0, hi = ra.weeks_done;
    value_slider("##week", ImGuiDataType_S32, &app.replay_week, &lo, &hi, "week %d", ImGuiSliderFlags_None,
                 ImGui::GetContentRegionAvail().x, &app.audit);
  }
  {
    const float lo = 1, hi = 520;
    value_slider("speed", ImGuiDataType_Float, &app.speed, &lo, &hi, "%.0f weeks/s", ImGuiSliderFlags_Logarithmic,
                 ImGui::GetContentRegionAvail().x * 0.75f, &app.audit);
  }
  ImGui::Separator();
  ImGui::TextWrapped(
      "A results file holds weekly totals, not weekly lives: a person's life course and the levers need a live run "
      "(pathways-viewer SCENARIO.toml). The ego network is drawn from the file's network snapshots, if it has any.");
}

}  // namespace

void draw_controls_panel(App& app) {
  if (app.replay()) {
    replay_controls(app);
  } else {
    live_controls(app);
  }
  ImGui::Separator();
}

}  // namespace pw::viz
