// The policy panel: levers generated from the parameter schema. Which levers
// appear is a short list of path prefixes (kLeverGroups); every widget, range,
// unit and tooltip comes from the parameter's declaration (ParamInfo), so new
// parameters under a listed prefix appear without touching this file.
// A change is sent when the slider is released; live levers take effect from
// the current week, set-up levers at the next reset (models/simulation_levers.hpp).
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "models/simulation_levers.hpp"
#include "viz/app.hpp"
#include "viz/layout.hpp"

namespace pw::viz {

namespace {

struct LeverGroup {
  const char* title;
  std::vector<std::string> prefixes;  // "programme[*].key" expands over the scenario's programmes
  bool open_by_default;
};

// The levers a trainer reaches for. Add a prefix here to expose a new family
// of parameters (e.g. the labour and housing levers when they land).
const std::vector<LeverGroup>& lever_groups() {
  static const std::vector<LeverGroup> groups = {
      {"Programmes", {"programme[*].places_per_1000", "programme[*].priority", "programme[*].effects.strength"}, true},
      // Every eligibility key of every programme (models/eligibility): age at release, sex,
      // group, risk range, offence, prior arrests, need thresholds. Set-up levers (orange).
      {"Programme eligibility", {"programme[*].eligibility."}, false},
      {"Problem-solving courts",
       {"justice.drug_court.places_per_1000", "justice.mental_health_court.places_per_1000",
        "justice.drug_court.need_threshold", "justice.mental_health_court.need_threshold"},
       true},
      {"Supervision",
       {"justice.supervision.intensive_share_", "justice.supervision.term_median",
        "justice.supervision.revocation_probability", "justice.supervision.revocation_on_arrest"},
       true},
      {"Graduated sanctions",
       {"justice.supervision.graduated_sanctions", "justice.supervision.sanctions_before_revocation",
        "justice.supervision.sanction_jail"},
       true},
      {"Courts and sentencing",
       {"justice.courts.pretrial_detention_probability", "justice.courts.prison_given_conviction",
        "justice.courts.term_median", "justice.courts.delay_median"},
       false},
      {"Employment",
       {"labour.ban_the_box.", "labour.incentives.tax_credit_uplift", "labour.incentives.bonding_uplift",
        "labour.incentives.certificate_uplift", "labour.incentives.", "labour.search.referral_per_tie"},
       true},
      {"Housing", {"housing.stocks.", "housing.entry.family_accept_per_tie"}, true},
      {"Community",
       {"network.mentors.volunteers_per_1000", "network.mentors.volunteers_per_mentee", "network.mentors.min_risk",
        "community.awareness", "coordination."},
       true},
      {"Programme effects", {"programmes."}, false},
  };
  return groups;
}

struct Lever {
  std::string path;
  ParamInfo info;
  ParamValue value;
  bool pre_release = false;
};

// Every parameter of `params` with its declaration and current value.
struct Collector {
  std::string prefix;
  std::vector<Lever>* out;
  bool pre_release = false;
  void add(const Param& p, ParamValue v) {
    Lever l;
    l.path = prefix + std::string(p.path);
    l.value = std::move(v);
    l.pre_release = pre_release;
    out->push_back(std::move(l));
  }
  void operator()(double& m, const Param& p) { add(p, m); }
  void operator()(int& m, const Param& p) { add(p, static_cast<long long>(m)); }
  void operator()(bool& m, const Param& p) { add(p, m); }
  void operator()(std::string& m, const Param& p) { add(p, m); }
};

std::vector<Lever> all_levers(ModelParams params) {
  std::vector<Lever> levers;
  Collector c{"", &levers};
  params.visit(c);
  {
    const ParamTable table(params);
    for (auto& l : levers) l.info = table.find(l.path)->info;
  }
  for (auto& spec : params.programmes) {
    const std::size_t first = levers.size();
    Collector pc{"programme[" + spec.name + "].", &levers, spec.phase == "pre_release"};
    spec.visit(pc);
    const ParamTable table(spec);
    for (std::size_t i = first; i < levers.size(); ++i) {
      levers[i].info = table.find(levers[i].path.substr(pc.prefix.size()))->info;
    }
  }
  return levers;
}

bool matches(const std::string& path, const std::string& pattern) {
  std::string p = pattern;
  std::string subject = path;
  if (const auto star = pattern.find("[*]"); star != std::string::npos) {
    if (path.rfind("programme[", 0) != 0) return false;
    const auto close = path.find("].");
    if (close == std::string::npos) return false;
    subject = "programme[*]" + path.substr(close + 1);
  }
  const bool prefix = !p.empty() && (p.back() == '.' || p.back() == '_');
  return prefix ? subject.rfind(p, 0) == 0 : subject == p;
}

std::string short_label(const std::string& path) {
  std::string s = path;
  if (s.rfind("programme[", 0) == 0) {
    const auto close = s.find("].");
    s = s.substr(10, close - 10) + ": " + s.substr(close + 2);
  } else {
    const auto last = s.rfind('.');
    const auto before = last == std::string::npos ? std::string::npos : s.rfind('.', last - 1);
    s = before == std::string::npos ? s : s.substr(before + 1);
    for (const char* group : {"supervision.", "courts.", "offending.", "stocks.", "incentives.", "entry.", "search."}) {
      if (s.rfind(group, 0) == 0) {
        s = s.substr(s.find('.') + 1);
        break;
      }
    }
  }
  std::replace(s.begin(), s.end(), '_', ' ');
  std::replace(s.begin(), s.end(), '.', ' ');
  return s;
}

std::string show(const ParamValue& v, const ParamInfo& info) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) {
          return x ? "on" : "off";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return x;
        } else if constexpr (std::is_same_v<T, double>) {
          if (info.unit == Unit::Probability) return fmt::format("{:.0f}%", x * 100);
          if (info.unit == Unit::Weeks) return fmt::format("{:.0f}w", x);
          return fmt::format("{:.3g}", x);
        } else {
          return fmt::format("{}", x);
        }
      },
      v);
}

void tooltip(const Lever& l, bool hovered) {
  if (!hovered) return;
  const LeverRule rule = lever_rule(l.path, l.pre_release);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  ImGui::TextUnformatted(l.path.c_str());
  ImGui::Separator();
  ImGui::TextWrapped("%s", l.info.description.c_str());
  ImGui::TextDisabled("unit: %s;  default: %s", std::string(unit_name(l.info.unit)).c_str(),
                      l.info.default_text.c_str());
  if (l.info.type == ValueType::Real || l.info.type == ValueType::Integer) {
    ImGui::TextDisabled("accepted: %g to %g", l.info.lo, l.info.hi);
  }
  if (!l.info.source.empty()) ImGui::TextDisabled("source: %s", l.info.source.c_str());
  if (rule.timing == LeverTiming::Live) {
    ImGui::TextColored({0.3f, 0.85f, 0.4f, 1}, "Live: %s", std::string(rule.note).c_str());
  } else {
    ImGui::TextColored({1, 0.7f, 0.2f, 1}, "Set-up: %s. Applies at the next reset.", std::string(rule.note).c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// Upper end of a slider whose declared range is huge (capacities): fixed the
// first time the lever is drawn, so it does not move while dragging.
double slider_top(std::map<std::string, double>& tops, const Lever& l, double current) {
  auto it = tops.find(l.path);
  if (it == tops.end()) {
    double top = l.info.hi;
    if (!std::isfinite(top) || top > 1000) top = std::min(l.info.hi, std::max({100.0, current * 4.0, l.info.lo * 4.0}));
    if (l.info.unit == Unit::Count && l.info.hi > 1000)
      top = std::min(l.info.hi, std::pow(10.0, std::ceil(std::log10(std::max(top, 10.0)))));
    it = tops.emplace(l.path, top).first;
  }
  return it->second;
}

void lever_widget(App& app, const Lever& l) {
  ImGui::PushID(l.path.c_str());
  const LeverRule rule = lever_rule(l.path, l.pre_release);
  auto edited = app.edits.find(l.path);
  ParamValue value = edited != app.edits.end() ? edited->second : l.value;
  bool commit = false;
  bool hovered = false;  // sliders report it themselves (frame, value and label)
  float w = ImGui::GetContentRegionAvail().x * 0.5f;
  if (rule.timing != LeverTiming::Live) {
    // Orange: light on the dark theme, dark on white (presentation).
    ImGui::PushStyleColor(ImGuiCol_Text,
                          app.look.presentation ? ImVec4{0.62f, 0.30f, 0.0f, 1} : ImVec4{1, 0.75f, 0.35f, 1});
  }
  // A label that would be cut off at the panel's edge (large fonts, narrow panel) goes on its
  // own line above a full-width control.
  std::string label = short_label(l.path);
  const float avail = ImGui::GetContentRegionAvail().x;
  if (l.info.type == ValueType::Text && !l.info.choices.empty()) {
    // A combo as wide as its longest choice, within the panel.
    float widest = 0;
    for (const auto& c : l.info.choices) widest = std::max(widest, ImGui::CalcTextSize(c.c_str()).x);
    w = std::min(avail, std::max(w, widest + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight()));
  }
  const float control_w = l.info.type == ValueType::Boolean ? ImGui::GetFrameHeight() : w;
  if (control_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x > avail) {
    ImGui::TextWrapped("%s", label.c_str());
    label = "##" + label;
    w = avail;
  }
  switch (l.info.type) {
    case ValueType::Boolean: {
      bool v = std::get<bool>(value);
      if (ImGui::Checkbox(label.c_str(), &v)) {
        value = v;
        commit = true;
      }
      break;
    }
    case ValueType::Text: {
      const auto& cur = std::get<std::string>(value);
      ImGui::SetNextItemWidth(w);
      if (!l.info.choices.empty()) check_combo_preview(cur.c_str(), w, &app.audit);
      if (!l.info.choices.empty() && ImGui::BeginCombo(label.c_str(), cur.c_str())) {
        for (const auto& c : l.info.choices) {
          if (ImGui::Selectable(c.c_str(), c == cur)) {
            value = c;
            commit = c != cur;
          }
        }
        ImGui::EndCombo();
      } else if (l.info.choices.empty()) {
        ImGui::Text("%s: %s", label.c_str(), cur.c_str());
      }
      break;
    }
    case ValueType::Integer: {
      long long v = std::get<long long>(value);
      const auto lo = static_cast<long long>(l.info.lo);
      const auto hi = static_cast<long long>(slider_top(app.slider_tops, l, static_cast<double>(v)));
      const SliderResult r =
          value_slider(label.c_str(), ImGuiDataType_S64, &v, &lo, &hi, "%lld",
                       hi - lo > 1000 ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None, w, &app.audit);
      if (r.changed) app.edits[l.path] = v;
      commit = r.committed;
      hovered = r.hovered;
      value = v;
      break;
    }
    case ValueType::Real: {
      double v = std::get<double>(value);
      const double lo = std::isfinite(l.info.lo) ? l.info.lo : 0.0;
      const double hi = slider_top(app.slider_tops, l, v);
      const char* fmt = l.info.unit == Unit::Probability ? "%.2f"
                        : l.info.unit == Unit::Weeks     ? "%.0f weeks"
                        : l.info.unit == Unit::Money     ? "%.0f USD"
                                                         : "%.3g";
      const SliderResult r =
          value_slider(label.c_str(), ImGuiDataType_Double, &v, &lo, &hi, fmt, ImGuiSliderFlags_None, w, &app.audit);
      if (r.changed) app.edits[l.path] = v;
      commit = r.committed;
      hovered = r.hovered;
      value = v;
      break;
    }
  }
  if (rule.timing != LeverTiming::Live) ImGui::PopStyleColor();
  tooltip(l, hovered || ImGui::IsItemHovered());
  if (commit) {
    app.edits.erase(l.path);
    app.change(l.path, value,
               fmt::format("{} {} -> {}", short_label(l.path), show(l.value, l.info), show(value, l.info)));
  }
  ImGui::PopID();
}

}  // namespace

void draw_policy_panel(App& app) {
  if (!app.a) return;
  ImGui::TextUnformatted("Policy levers");
  if (app.b) {
    // Radio buttons wrap to a new line in a narrow panel.
    same_line_if_fits(ImGui::CalcTextSize("apply to").x);
    ImGui::TextDisabled("apply to");
    same_line_if_fits(labelled_width(ImGui::GetFrameHeight(), "A"));
    ImGui::RadioButton("A", &app.lever_target, 0);
    same_line_if_fits(labelled_width(ImGui::GetFrameHeight(), "B"));
    ImGui::RadioButton("B", &app.lever_target, 1);
    same_line_if_fits(labelled_width(ImGui::GetFrameHeight(), "both"));
    ImGui::RadioButton("both", &app.lever_target, 2);
  }
  text_wrapped_disabled("white: live from this week; orange: at next reset");
  const SimRunner& shown = (app.lever_target == 1 && app.b) ? *app.b : *app.a;
  const std::vector<Lever> levers = all_levers(shown.params());
  ImGui::BeginChild("levers", {0, 0}, false);
  for (const auto& g : lever_groups()) {
    std::vector<const Lever*> in_group;
    for (const auto& l : levers) {
      for (const auto& p : g.prefixes) {
        if (matches(l.path, p)) {
          in_group.push_back(&l);
          break;
        }
      }
    }
    if (in_group.empty()) continue;
    if (!collapsing_header(g.title, g.open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0, &app.audit)) continue;
    for (const Lever* l : in_group) lever_widget(app, *l);
  }
  if (collapsing_header("Any parameter (search)", 0, &app.audit)) {
    ImGui::PushID("search");  // a lever may also be listed in a group above
    char filter[96] = {};
    app.search.copy(filter, sizeof filter - 1);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##filter", "type part of a path, e.g. detection", filter, sizeof filter)) {
      app.search = filter;
    }
    int shown_count = 0;
    for (const auto& l : levers) {
      if (app.search.empty() || l.path.find(app.search) == std::string::npos) continue;
      if (++shown_count > 40) {
        ImGui::TextDisabled("... more: narrow the search");
        break;
      }
      lever_widget(app, l);
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace pw::viz
