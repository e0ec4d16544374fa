// The person view: pick a person (by id, or "a random person like..." from the
// recorded sample) and draw their life course week by week: custody,
// supervision, problem-solving court, each programme, and the arrests,
// convictions, violations and returns to prison, with their needs below.
// Data: PersonHistory recorded by the runner from replicate 0 of run A.
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <random>

#include "models/programmes/programmes_model.hpp"
#include "viz/app.hpp"
#include "viz/layout.hpp"
#include "viz/plot.hpp"

namespace pw::viz {

namespace {

constexpr std::array<const char*, 4> kRisk = {"low", "moderate", "high", "very high"};
constexpr std::array<const char*, 4> kOffence = {"violent", "property", "drug", "public order"};

struct Segment {
  const char* name;
  ImU32 colour;
};

// State colours per lane; index = the state's numeric value.
const std::array<Segment, 3> kCustody = {{{"community", IM_COL32(60, 170, 90, 255)},
                                          {"jail", IM_COL32(240, 160, 40, 255)},
                                          {"prison", IM_COL32(210, 50, 50, 255)}}};
const std::array<Segment, 3> kSupervision = {
    {{"none", 0}, {"standard", IM_COL32(90, 140, 230, 255)}, {"intensive", IM_COL32(40, 60, 200, 255)}}};
const std::array<Segment, 6> kHousingLane = {{{"own or rented home", IM_COL32(30, 120, 110, 255)},
                                              {"with family or friends", IM_COL32(140, 200, 90, 255)},
                                              {"transitional bed", IM_COL32(150, 110, 210, 255)},
                                              {"shelter", IM_COL32(185, 120, 60, 255)},
                                              {"street", IM_COL32(140, 25, 25, 255)},
                                              {"none (in custody)", 0}}};
const std::array<Segment, 2> kWork = {{{"not working", 0}, {"working", IM_COL32(60, 150, 200, 255)}}};
const std::array<Segment, 3> kCourt = {
    {{"none", 0}, {"drug court", IM_COL32(160, 90, 200, 255)}, {"mental-health court", IM_COL32(200, 90, 160, 255)}}};
const std::array<Segment, 6> kProgramme = {{{"not involved", 0},
                                            {"declined", IM_COL32(150, 150, 150, 255)},
                                            {"waiting", IM_COL32(240, 200, 60, 255)},
                                            {"in programme", IM_COL32(40, 170, 200, 255)},
                                            {"completed", IM_COL32(150, 220, 170, 255)},
                                            {"dropped out", IM_COL32(220, 150, 120, 255)}}};

// Wide enough for "any" and every name (text, paddings and the arrow).
float combo_width(const char* const* names, int count) {
  float w = ImGui::CalcTextSize("any").x;
  for (int i = 0; i < count; ++i) w = std::max(w, ImGui::CalcTextSize(names[i]).x);
  return w + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
}

bool combo(const char* label, int& value, const char* const* names, int count) {
  ImGui::SetNextItemWidth(combo_width(names, count));
  bool changed = false;
  if (ImGui::BeginCombo(label, value < 0 ? "any" : names[value])) {
    if (ImGui::Selectable("any", value < 0)) value = -1, changed = true;
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(names[i], value == i)) value = i, changed = true;
    }
    ImGui::EndCombo();
  }
  return changed;
}

void chooser(App& app) {
  int& id_input = app.person_id_input;
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(fs * 7);
  ImGui::InputInt("person id", &id_input, 1, 100);
  id_input = std::clamp(id_input, 0, static_cast<int>(std::max<long long>(1, app.data_a.people) - 1));
  ImGui::SameLine();
  if (ImGui::Button("Show")) app.select_person(static_cast<std::uint32_t>(id_input));
  ImGui::TextDisabled("or a random person like:");
  static const char* const sexes[] = {"male", "female"};
  static const char* const groups[] = {"group 0", "group 1"};
  // Each combo with its label wraps onto a new line in a narrow window.
  combo("sex", app.like_sex, sexes, 2);
  same_line_if_fits(labelled_width(combo_width(kRisk.data(), 4), "risk"));
  combo("risk", app.like_risk, kRisk.data(), 4);
  same_line_if_fits(labelled_width(combo_width(kOffence.data(), 4), "offence"));
  combo("offence", app.like_offence, kOffence.data(), 4);
  same_line_if_fits(labelled_width(combo_width(groups, 2), "group"));
  combo("group", app.like_group, groups, 2);
  same_line_if_fits(button_width("Pick"));
  if (ImGui::Button("Pick")) {
    std::vector<std::uint32_t> fits;
    for (const auto& f : app.a->sample_facts()) {
      if ((app.like_sex < 0 || f.sex == app.like_sex) && (app.like_risk < 0 || f.risk_level == app.like_risk) &&
          (app.like_offence < 0 || f.offence == app.like_offence) &&
          (app.like_group < 0 || f.group == app.like_group)) {
        fits.push_back(f.id);
      }
    }
    if (fits.empty()) {
      app.message = "nobody in the recorded sample fits; widen the choice";
    } else {
      std::mt19937 pick(++app.random_draws);
      app.select_person(fits[std::uniform_int_distribution<std::size_t>(0, fits.size() - 1)(pick)]);
      app.message.clear();
    }
  }
}

}  // namespace

void draw_person_view(App& app) {
  if (app.replay() || !app.a) {
    ImGui::TextWrapped(
        "A person's week-by-week life course needs a live run (pathways-viewer SCENARIO.toml): a "
        "results file holds weekly totals and each person's summary. Their ego network is drawn from "
        "the file's network snapshot, if it has one.");
    draw_network_view(app);
    return;
  }
  chooser(app);
  if (!app.person_chosen) {
    ImGui::TextWrapped(
        "Pick a person by id, or a random person like a profile. Every 50th person is recorded from "
        "week 0 (the sample \"random person like\" draws from); another id is recorded from the week "
        "you choose it.");
    return;
  }
  PersonHistory h;
  if (!app.a->person_history(app.person_id, h)) {
    ImGui::Text("Person %u: recording starts at the next week.", app.person_id);
    return;
  }
  const auto& f = h.facts;
  ImGui::TextWrapped(
      "Person %u: %s, %.0f years old at release, %d prior arrests, served for a %s offence; risk %s; %s; "
      "community group %d",
      f.id, f.sex == 0 ? "man" : "woman", f.age, f.prior_arrests, kOffence[static_cast<std::size_t>(f.offence)],
      kRisk[static_cast<std::size_t>(f.risk_level)],
      f.supervised_at_release ? "released to supervision" : "released unconditionally", f.group);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "neighbourhood %d; at release %d family and %d prosocial ties (the ego network below is this "
      "week's)",
      f.neighbourhood, f.family_ties, f.prosocial_ties);
  ImGui::PopTextWrapPos();
  if (h.first_week > 0)
    ImGui::TextDisabled("recorded from week %d (chosen then); restart to see it from release", h.first_week);

  // Lanes.
  const auto& specs = app.a->params().programmes;
  struct Lane {
    std::string name;
    std::function<std::pair<ImU32, const char*>(const PersonWeek&)> state;
  };
  std::vector<Lane> lanes = {
      {"custody",
       [](const PersonWeek& w) {
         return std::pair{kCustody[w.custody].colour, kCustody[w.custody].name};
       }},
      {"supervision",
       [](const PersonWeek& w) {
         return std::pair{kSupervision[w.supervision].colour, kSupervision[w.supervision].name};
       }},
      {"court programme",
       [](const PersonWeek& w) {
         return std::pair{kCourt[w.court].colour, kCourt[w.court].name};
       }},
      {"housing",
       [](const PersonWeek& w) {
         const auto h = std::min<std::size_t>(w.housing, kHousingLane.size() - 1);
         return std::pair{kHousingLane[h].colour, kHousingLane[h].name};
       }},
      {"work",
       [](const PersonWeek& w) {
         return std::pair{kWork[w.employed].colour, kWork[w.employed].name};
       }},
  };
  for (std::size_t p = 0; p < specs.size() && p < kMaxTrackedProgrammes; ++p) {
    lanes.push_back({specs[p].name, [p](const PersonWeek& w) {
                       const auto s = std::min<std::size_t>(w.programme[p], kProgramme.size() - 1);
                       return std::pair{kProgramme[s].colour, kProgramme[s].name};
                     }});
  }
  const float fs = ImGui::GetFontSize();
  const float lane_h = fs * 1.4f;
  // Lane names to the left: as wide as the longest (a programme's name can be long), at most 40%.
  float label_w = ImGui::CalcTextSize("antisocial share").x;
  for (const auto& lane : lanes) label_w = std::max(label_w, ImGui::CalcTextSize(lane.name.c_str()).x);
  label_w = std::min(label_w + fs * 0.6f, ImGui::GetContentRegionAvail().x * 0.4f);
  for (const auto& lane : lanes)
    app.audit.check(lane.name, ImGui::CalcTextSize(lane.name.c_str()).x, label_w - fs * 0.3f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float events_h = lane_h * 1.6f;
  const float total_h = lane_h * static_cast<float>(lanes.size() + 1) + events_h + fs * 1.5f;
  ImGui::InvisibleButton("timeline", {width, total_h});
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float x0 = origin.x + label_w, x1 = origin.x + width - 8;
  const int horizon = std::max(1, app.data_a.horizon);
  auto wx = [&](int week) { return x0 + (x1 - x0) * static_cast<float>(week) / static_cast<float>(horizon); };
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const float y = origin.y + lane_h * static_cast<float>(l);
    dl->AddText({origin.x, y + (lane_h - fs) * 0.5f}, text, lanes[l].name.c_str());
    dl->AddRectFilled({x0, y + 2}, {x1, y + lane_h - 2}, ImGui::GetColorU32(ImGuiCol_FrameBg));
    // One rectangle per run of weeks in the same state.
    std::size_t k = 0;
    while (k < h.weeks.size()) {
      const ImU32 c = lanes[l].state(h.weeks[k]).first;
      std::size_t e = k + 1;
      while (e < h.weeks.size() && lanes[l].state(h.weeks[e]).first == c) ++e;
      if (c != 0) {
        dl->AddRectFilled({wx(h.first_week + static_cast<int>(k)), y + 2},
                          {wx(h.first_week + static_cast<int>(e)), y + lane_h - 2}, c);
      }
      k = e;
    }
  }
  // Ties lane: the antisocial share of tie strength, week by week, as a bar from the lane's foot.
  const float ty = origin.y + lane_h * static_cast<float>(lanes.size());
  dl->AddText({origin.x, ty + (lane_h - fs) * 0.5f}, text, "antisocial share");
  dl->AddRectFilled({x0, ty + 2}, {x1, ty + lane_h - 2}, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ImU32 antisocial = app.look.presentation ? IM_COL32(205, 0, 0, 255) : IM_COL32(240, 70, 60, 255);
  for (std::size_t k = 0; k < h.weeks.size(); ++k) {
    const int week = h.first_week + static_cast<int>(k);
    const float share = std::clamp(h.weeks[k].antisocial_share, 0.0f, 1.0f);
    if (share <= 0) continue;
    dl->AddRectFilled({wx(week), ty + lane_h - 2 - share * (lane_h - 4)},
                      {std::max(wx(week + 1), wx(week) + 1), ty + lane_h - 2}, antisocial);
  }
  dl->AddLine({x0, ty + lane_h * 0.5f}, {x1, ty + lane_h * 0.5f}, ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.0f);
  // Events lane: arrests (triangles), convictions (ring), violations (x), returns (red bar).
  const float ey = ty + lane_h;
  dl->AddText({origin.x, ey + (events_h - fs) * 0.5f}, text, "events");
  dl->AddRectFilled({x0, ey + 2}, {x1, ey + events_h - 2}, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const float mid = ey + events_h * 0.5f, r = fs * 0.35f;
  for (std::size_t k = 0; k < h.weeks.size(); ++k) {
    const int week = h.first_week + static_cast<int>(k);
    const PersonWeek& w = h.weeks[k];
    const PersonWeek* prev = k > 0 ? &h.weeks[k - 1] : nullptr;
    const float x = wx(week) + 0.5f * (wx(week + 1) - wx(week));
    if (w.arrests > (prev ? prev->arrests : 0))
      dl->AddTriangleFilled({x, mid - r * 1.6f}, {x - r, mid}, {x + r, mid}, IM_COL32(230, 60, 60, 255));
    if (w.convictions > (prev ? prev->convictions : 0)) dl->AddCircle({x, mid + r * 1.1f}, r * 0.8f, text, 0, 1.5f);
    if (w.violations > (prev ? prev->violations : 0)) {
      dl->AddLine({x - r, mid - r}, {x + r, mid + r}, IM_COL32(240, 160, 40, 255), 2);
      dl->AddLine({x - r, mid + r}, {x + r, mid - r}, IM_COL32(240, 160, 40, 255), 2);
    }
    if (w.returns > (prev ? prev->returns : 0))
      dl->AddRectFilled({x - 1.5f, ey + 2}, {x + 1.5f, ey + events_h - 2}, IM_COL32(210, 50, 50, 255));
  }
  // Week axis.
  const float ay = ey + events_h + 2;
  for (double t : nice_ticks(0, horizon, std::max(3, static_cast<int>((x1 - x0) / (fs * 4.5f))))) {
    const float x = wx(static_cast<int>(t));
    dl->AddLine({x, ay}, {x, ay + 4}, text);
    const auto s = tick_label(t, 1);
    const float tw = ImGui::CalcTextSize(s.c_str()).x;
    dl->AddText({std::min(x - tw * 0.5f, x1 - tw), ay + 4}, text, s.c_str());
  }
  if (app.data_a.weeks_done < horizon) {
    const float x = wx(app.data_a.weeks_done);
    dl->AddLine({x, origin.y}, {x, ay}, ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.5f);
  }
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    const int week = static_cast<int>((mx - x0) / (x1 - x0) * static_cast<float>(horizon));
    const int k = week - h.first_week;
    if (k >= 0 && k < static_cast<int>(h.weeks.size())) {
      const PersonWeek& w = h.weeks[static_cast<std::size_t>(k)];
      ImGui::BeginTooltip();
      ImGui::Text("week %d (year %.1f)", week, week / 52.0);
      for (const auto& lane : lanes) ImGui::Text("%s: %s", lane.name.c_str(), lane.state(w).second);
      if (w.employed) ImGui::Text("wage: %d USD a week", w.wage);
      ImGui::Text("so far: %d arrests, %d convictions, %d violations, %d returns to prison", w.arrests, w.convictions,
                  w.violations, w.returns);
      ImGui::Text("ties: %d family, %d prosocial, %d antisocial, %d mentor, %d co-worker; antisocial share %.2f",
                  w.ties[0], w.ties[1], w.ties[2], w.ties[3], w.ties[4], w.antisocial_share);
      ImGui::EndTooltip();
    }
  }
  // Legend.
  auto swatch = [&](ImU32 c, const char* name) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + fs * 0.2f}, {p.x + fs, p.y + fs * 0.9f}, c);
    ImGui::Dummy({fs * 1.1f, fs});
    ImGui::SameLine();
    ImGui::TextUnformatted(name);
    ImGui::SameLine(0, fs);
  };
  // Starts a new legend row when the next entry would not fit.
  auto fits = [&](const char* name) {
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(name).x + fs * 2.5f) ImGui::NewLine();
  };
  for (const auto& s : kCustody) fits(s.name), swatch(s.colour, s.name);
  fits("standard supervision"), swatch(kSupervision[1].colour, "standard supervision");
  fits("intensive"), swatch(kSupervision[2].colour, "intensive");
  for (std::size_t s = 0; s < 5; ++s) fits(kHousingLane[s].name), swatch(kHousingLane[s].colour, kHousingLane[s].name);
  fits("working"), swatch(kWork[1].colour, "working");
  for (std::size_t s = 2; s < kProgramme.size(); ++s)
    fits(kProgramme[s].name), swatch(kProgramme[s].colour, kProgramme[s].name);
  ImGui::NewLine();
  ImGui::TextWrapped(
      "antisocial share: antisocial tie strength over all (bar height; the line marks one half). "
      "events: red triangle = arrest, ring = conviction, orange x = technical violation, red bar = "
      "return to prison");

  // Needs over time.
  PlotSpec spec;
  spec.title = "Criminogenic needs (0 = none, 1 = highest)";
  spec.y_label = "need score";
  spec.x_max = static_cast<float>(horizon);
  spec.line_thickness = std::max(2.0f, fs * 0.11f);
  spec.audit = &app.audit;
  static const char* const need_names[] = {"substance use", "mental health", "antisocial cognition", "employability"};
  std::vector<PlotLine> lines(4);
  for (std::size_t n = 0; n < 4; ++n) {
    lines[n].label = need_names[n];
    lines[n].colour = series_colour(n, app.look.presentation);
    lines[n].x0 = static_cast<float>(h.first_week);
    for (const auto& w : h.weeks) lines[n].mean.push_back(w.needs[n]);
  }
  // The ego network (left) and the needs (right), side by side below the timeline.
  // In a narrow window (large fonts) the needs go below the ego network, so their labels fit.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float row_h = std::max(fs * 14, avail.y);
  const float ego_w = std::min(avail.x * 0.58f, row_h + fs * 15);
  const bool side_by_side = avail.x - ego_w - fs >= fs * 18;
  ImGui::BeginGroup();
  draw_ego_network(app, {side_by_side ? ego_w : avail.x, row_h});
  ImGui::EndGroup();
  if (side_by_side) ImGui::SameLine(0, fs);
  plot("needs", spec, lines, {0, side_by_side ? row_h : fs * 16});
}

}  // namespace pw::viz
