// The ego network of the selected person, drawn on ImDrawList: the person at
// the centre, their ties around them coloured by type (legend beside), line
// width and opacity by strength, released peers as squares (click one to show
// that person), and, faintly, the peers' own ties (second ring). Hover a node
// for its kind and its ties (type, strength, week formed). Beside the graph:
// counts and strengths by type and the antisocial share.
//
// Data: live, the runner's EgoNetwork (replicate 0 of A, or of B), extracted
// on the worker thread after each week; in replay, the file's latest network
// snapshot at or before the scrubbed week. Layout: viz/ego_network.hpp.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "viz/app.hpp"
#include "viz/layout.hpp"

namespace pw::viz {

namespace {

struct TieStyle {
  const char* label;
  ImU32 on_dark, on_light;  // normal look, presentation look (black on white)
};
// Indexed by TieType; Okabe-Ito hues, darker and more saturated on white.
constexpr std::array<TieStyle, kTieTypes> kTieStyles = {{
    {"family", IM_COL32(86, 180, 233, 255), IM_COL32(0, 90, 200, 255)},
    {"prosocial", IM_COL32(0, 190, 130, 255), IM_COL32(0, 130, 60, 255)},
    {"antisocial", IM_COL32(240, 70, 60, 255), IM_COL32(205, 0, 0, 255)},
    {"mentor", IM_COL32(215, 130, 200, 255), IM_COL32(150, 0, 170, 255)},
    {"co-worker", IM_COL32(240, 170, 20, 255), IM_COL32(175, 95, 0, 255)},
}};

constexpr std::array<const char*, 6> kNodeKind = {"released person",  "family member",
                                                  "prosocial friend", "antisocial community member",
                                                  "volunteer mentor", "workplace (co-workers)"};

ImU32 tie_colour(TieType t, bool presentation, float alpha = 1) {
  const auto& s = kTieStyles[static_cast<std::size_t>(t)];
  ImU32 c = presentation ? s.on_light : s.on_dark;
  const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

std::string formed_text(std::int16_t week) {
  return week < 0 ? std::string("at release") : fmt::format("in week {}", week);
}

// The ego network to draw now, or why there is none (in `why`).
bool current_ego(App& app, EgoNetwork& ego, std::string& why) {
  if (!app.replay()) {
    SimRunner* r = app.ego_of_b && app.b ? app.b.get() : app.a.get();
    if (r == nullptr) return false;
    r->show_ego(app.person_id);
    if (!r->ego_network(ego) || ego.person != app.person_id) {
      why = "extracting the network...";
      return false;
    }
    return true;
  }
  const int s = app.replay_a;
  const auto& run = app.replay_[static_cast<std::size_t>(s)];
  const auto& weeks = app.snapshot_weeks[static_cast<std::size_t>(s)];
  if (weeks.empty()) {
    why = fmt::format(
        "This file has no network snapshot for scenario {}{}, so there is no ego network to draw. Write one with "
        "`pathways run SCENARIO.toml --set network.output.snapshot_every=26w -o FILE.h5` (a snapshot of replicate 0 "
        "every 26 weeks; compare and sweep files carry none), then open that file.",
        run.name, app.snapshot_error.empty() ? "" : " (" + app.snapshot_error + ")");
    return false;
  }
  const int week = snapshot_at_or_before(weeks, app.replay_week);
  if (week < 0) {
    why = fmt::format(
        "No network snapshot at or before week {}: the first was taken after week {}. Move the week cursor "
        "to {} or later.",
        app.replay_week, weeks.front(), weeks.front());
    return false;
  }
  if (!app.snapshot || app.snapshot_scenario != s || app.snapshot->week != week) {
    try {
      app.snapshot = std::make_shared<const NetworkSnapshot>(
          read_network_snapshot(app.options.input, run.name, week, static_cast<std::size_t>(run.people)));
      app.snapshot_scenario = s;
    } catch (const std::exception& e) {
      why = e.what();
      app.snapshot.reset();
      return false;
    }
  }
  ego = extract_ego(app.snapshot->source(), app.person_id, app.ego_second_ring, week);
  if (!ego.valid) {
    why = fmt::format("Person {} is not in this file (it has {} people).", app.person_id, run.people);
    return false;
  }
  return true;
}

// A horizontal rule as wide as the side column (ImGui::Separator would cross the whole window).
void rule(float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + ImGui::GetStyle().ItemSpacing.y * 0.5f;
  ImGui::GetWindowDrawList()->AddLine({p.x, y}, {p.x + width, y}, ImGui::GetColorU32(ImGuiCol_Separator));
  ImGui::Dummy({width, ImGui::GetStyle().ItemSpacing.y});
}

// Text on a small box of the canvas colour, so lines under it do not hide it.
void label(ImDrawList* dl, ImVec2 at, const std::string& text) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  dl->AddRectFilled({at.x - 2, at.y}, {at.x + size.x + 2, at.y + size.y}, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.85f),
                    3);
  dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
}

// Counts by type, the antisocial share and the legend, in a column beside the graph.
void side_column(App& app, const EgoNetwork& ego, float width) {
  const bool pres = app.look.presentation;
  const float fs = ImGui::GetFontSize();
  if (app.replay()) {
    ImGui::Text("Person %u, week %d", ego.person, ego.week);
    ImGui::TextDisabled("(snapshot after week %d)", ego.week);
  } else {
    ImGui::Text("Person %u, %s", ego.person,
                ego.week < 0 ? "at release" : fmt::format("after week {}", ego.week).c_str());
  }
  if (!app.replay() && app.b) {
    int which = app.ego_of_b ? 1 : 0;
    ImGui::TextUnformatted("network in");
    ImGui::SameLine();
    ImGui::RadioButton("A", &which, 0);
    ImGui::SameLine();
    ImGui::RadioButton("B", &which, 1);
    app.ego_of_b = which == 1;
  }
  rule(width);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  static constexpr TieType kOrder[] = {TieType::Family, TieType::Prosocial, TieType::Mentor, TieType::Coworker,
                                       TieType::Antisocial};
  for (TieType t : kOrder) {
    const auto i = static_cast<std::size_t>(t);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled({p.x, p.y + fs * 0.2f}, {p.x + fs * 1.4f, p.y + fs * 0.8f}, tie_colour(t, pres));
    ImGui::Dummy({fs * 1.6f, fs});
    ImGui::SameLine();
    ImGui::TextUnformatted(kTieStyles[i].label);
    ImGui::SameLine(fs * 8.5f);
    ImGui::Text("%d", ego.count[i]);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%d %s ties, summed strength %.2f", ego.count[i], kTieStyles[i].label, ego.strength[i]);
  }
  ImGui::Text("ties: %d, to %d released peers", ego.ties(), ego.released_peers);
  ImGui::Text("antisocial share: %.2f", ego.antisocial_share());
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "antisocial strength over all tie strength; the offending hazard is multiplied by\n"
        "exp(1.0 x (share - 0.40)) (docs/network.md)");
  }
  rule(width);
  // Node legend.
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  auto legend = [&](int shape, const char* label) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c{p.x + fs * 0.7f, p.y + fs * 0.5f};
    const float r = fs * 0.32f;
    if (shape == 0) dl->AddCircleFilled(c, r * 1.3f, text);
    if (shape == 1) {
      dl->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, tie_colour(TieType::Antisocial, pres));
      dl->AddRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, text, 0, 0, 1.5f);
    }
    if (shape == 2) dl->AddCircleFilled(c, r, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    if (shape == 3) dl->AddCircleFilled(c, r * 0.7f, tie_colour(TieType::Antisocial, pres, 0.45f));
    ImGui::Dummy({fs * 1.6f, fs});
    ImGui::SameLine();
    ImGui::TextUnformatted(label);
  };
  legend(0, "this person");
  legend(1, "released peer (click)");
  legend(2, "community member");
  ImGui::TextDisabled("  (coloured by their tie)");
  if (app.ego_second_ring) legend(3, "a peer's tie (faint)");
  ImGui::TextDisabled("thicker = stronger tie");
  ImGui::Checkbox("peers' own ties", &app.ego_second_ring);
}

}  // namespace

void draw_ego_network(App& app, ImVec2 size) {
  EgoNetwork ego;
  std::string why;
  if (!current_ego(app, ego, why)) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(size.x, 200.0f));
    ImGui::TextWrapped("Ego network: %s", why.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const bool pres = app.look.presentation;
  const float fs = ImGui::GetFontSize();
  const float side_w = fs * 13.5f;
  const float side = std::max(fs * 8, std::min(size.y, size.x - side_w - fs));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("ego_canvas", {side, side});
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, {origin.x + side, origin.y + side}, ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
  const float node_r = std::clamp(side * 0.016f, fs * (pres ? 0.32f : 0.38f), fs * 0.75f);
  const float margin = node_r * 2.5f;
  const ImVec2 centre{origin.x + side * 0.5f, origin.y + side * 0.5f};
  const float scale = side * 0.5f - margin;
  auto at = [&](const EgoNode& n) { return ImVec2{centre.x + n.x * scale, centre.y + n.y * scale}; };

  // The node under the mouse (nearest within a node's reach).
  int hover = -1;
  if (hovered) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    float best = node_r * node_r * 3.0f;
    for (std::size_t k = 0; k < ego.nodes.size(); ++k) {
      const ImVec2 p = at(ego.nodes[k]);
      const float d = (p.x - m.x) * (p.x - m.x) + (p.y - m.y) * (p.y - m.y);
      if (d < best) best = d, hover = static_cast<int>(k);
    }
  }
  // Ties: the peers' first (faint, underneath), then the person's.
  const float width_scale = pres ? 1.6f : 1.2f;
  for (int ring = 2; ring >= 1; --ring) {
    for (const auto& e : ego.edges) {
      if (e.ring != ring) continue;
      const bool lit = hover >= 0 && (e.from == hover || e.to == hover);
      const float s = std::clamp(e.strength, 0.05f, 1.0f);
      const float alpha = ring == 2 ? (lit ? 0.8f : 0.28f) : 0.45f + 0.55f * s;
      const float w = (ring == 2 ? 1.0f : 1.0f + 3.0f * s) * width_scale * (lit ? 1.6f : 1.0f);
      dl->AddLine(at(ego.nodes[static_cast<std::size_t>(e.from)]), at(ego.nodes[static_cast<std::size_t>(e.to)]),
                  tie_colour(e.type, pres, alpha), w);
    }
  }
  // Nodes: coloured by the type of their first tie; released peers as squares.
  std::vector<TieType> node_type(ego.nodes.size(), TieType::Family);
  std::vector<bool> typed(ego.nodes.size(), false);
  for (const auto& e : ego.edges) {
    const auto k = static_cast<std::size_t>(e.to);
    if (!typed[k]) node_type[k] = e.type, typed[k] = true;
  }
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 bg = ImGui::GetColorU32(ImGuiCol_FrameBg);
  for (std::size_t k = ego.nodes.size(); k-- > 1;) {
    const EgoNode& n = ego.nodes[k];
    const ImVec2 p = at(n);
    const bool faint = n.ring == 2;
    const float r = faint ? node_r * 0.7f : node_r;
    const ImU32 c = tie_colour(node_type[k], pres, faint ? 0.5f : 1.0f);
    if (n.released()) {
      dl->AddRectFilled({p.x - r, p.y - r}, {p.x + r, p.y + r}, c);
      dl->AddRect({p.x - r, p.y - r}, {p.x + r, p.y + r}, faint ? (text & 0x80FFFFFF) : text, 0, 0, 1.5f);
    } else {
      dl->AddCircleFilled(p, r, c);
      if (!faint) dl->AddCircle(p, r, bg, 0, 1.0f);
    }
    if (static_cast<int>(k) == hover) dl->AddCircle(p, r + 4, text, 0, 2.0f);
  }
  // Labels of the released peers of ring 1, outside their node, away from the centre.
  for (std::size_t k = 1; k < ego.nodes.size(); ++k) {
    const EgoNode& n = ego.nodes[k];
    if (!n.released() || n.ring != 1) continue;
    const auto tag = fmt::format("#{}", n.vertex);
    const ImVec2 p = at(n), ts = ImGui::CalcTextSize(tag.c_str());
    const float len = std::max(1e-3f, std::hypot(n.x, n.y));
    const float ox = n.x / len, oy = n.y / len;
    const ImVec2 q{p.x + ox * (node_r + 3 + ts.x * 0.5f) - ts.x * 0.5f,
                   p.y + oy * (node_r + 3 + ts.y * 0.5f) - ts.y * 0.5f};
    label(dl, q, tag);
  }
  // The person.
  dl->AddCircleFilled(centre, node_r * 1.5f, text);
  const auto me = fmt::format("#{}", ego.person);
  const ImVec2 ms = ImGui::CalcTextSize(me.c_str());
  label(dl, {centre.x - ms.x * 0.5f, centre.y + node_r * 1.6f}, me);
  if (ego.ties() == 0) {
    const char* none = "no ties";
    const ImVec2 ns = ImGui::CalcTextSize(none);
    label(dl, {centre.x - ns.x * 0.5f, centre.y - node_r * 1.6f - ns.y}, none);
  }

  if (hover >= 0) {
    const EgoNode& n = ego.nodes[static_cast<std::size_t>(hover)];
    ImGui::BeginTooltip();
    if (hover == 0) {
      ImGui::Text("person %u (neighbourhood %d)", n.vertex, n.neighbourhood);
    } else if (n.released()) {
      ImGui::Text("released person %u (neighbourhood %d)", n.vertex, n.neighbourhood);
    } else {
      ImGui::Text("%s (node %u, neighbourhood %d)", kNodeKind[static_cast<std::size_t>(n.kind)], n.vertex,
                  n.neighbourhood);
    }
    for (const auto& e : ego.edges) {
      if (e.from != hover && e.to != hover) continue;
      const EgoNode& a = ego.nodes[static_cast<std::size_t>(e.from)];
      const EgoNode& b = ego.nodes[static_cast<std::size_t>(e.to)];
      const std::string who =
          e.ring == 1 ? fmt::format("tie of person {}", a.vertex)
                      : fmt::format("tie of peer {} to {} {}", a.vertex, b.released() ? "person" : "node", b.vertex);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(tie_colour(e.type, pres)), "%s: %s, strength %.2f, formed %s",
                         who.c_str(), kTieStyles[static_cast<std::size_t>(e.type)].label, e.strength,
                         formed_text(e.formed_week).c_str());
    }
    if (n.released() && hover != 0) ImGui::TextDisabled("click to show person %u", n.vertex);
    ImGui::EndTooltip();
    if (clicked && n.released() && hover != 0) app.select_person(n.vertex);
  }

  ImGui::SameLine(0, fs);
  ImGui::BeginGroup();
  side_column(app, ego, side_w - fs);
  ImGui::EndGroup();
}

void draw_network_view(App& app) {
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(fs * 7);
  ImGui::InputInt("person id", &app.person_id_input, 1, 100);
  const long long people =
      app.replay() ? app.replay_[static_cast<std::size_t>(app.replay_a)].people : app.data_a.people;
  app.person_id_input = std::clamp(app.person_id_input, 0, static_cast<int>(std::max<long long>(1, people) - 1));
  ImGui::SameLine();
  if (ImGui::Button("Show")) app.select_person(static_cast<std::uint32_t>(app.person_id_input));
  text_wrapped_disabled(app.replay() ? "From the file's network snapshot at or before the week cursor."
                                     : "Replicate 0 after the latest week; the Person tab shows their life course.");
  if (!app.person_chosen) {
    ImGui::TextWrapped("Choose a person by id (or in the Person tab) to draw their ego network.");
    return;
  }
  draw_ego_network(app, ImGui::GetContentRegionAvail());
}

}  // namespace pw::viz
