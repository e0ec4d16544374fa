// The chart grid (one run) and the A/B view (two runs overlaid, and B - A).
// Which charts and series exist comes from series_catalog; this file only
// turns RunData into plot lines: the mean over replicates, and a band from the
// lowest to the highest replicate. In the A/B view the difference is taken
// replicate by replicate (B and A share their random numbers), then averaged.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "viz/app.hpp"
#include "viz/layout.hpp"
#include "viz/plot.hpp"

namespace pw::viz {

namespace {

// Series left out of the A/B overlay to keep it readable (the chart view has them).
// Every cost category stays in: a planner compares exactly those.
const std::set<std::string>& hidden_in_ab() {
  static const std::set<std::string> keys = {"on_standard_supervision", "in_courts", "housed_own", "voucher_holders"};
  return keys;
}

// Mean and range over replicates of series s, weeks [0, weeks).
PlotLine summarise(const RunData& run, int s, int weeks) {
  PlotLine line;
  if (run.values.empty()) return line;
  const auto n = static_cast<std::size_t>(std::max(0, weeks));
  line.mean.assign(n, 0.0f);
  line.lo.assign(n, INFINITY);
  line.hi.assign(n, -INFINITY);
  for (const auto& rep : run.values) {
    const auto& v = rep[static_cast<std::size_t>(s)];
    for (std::size_t t = 0; t < n && t < v.size(); ++t) {
      line.mean[t] += v[t] / static_cast<float>(run.values.size());
      line.lo[t] = std::min(line.lo[t], v[t]);
      line.hi[t] = std::max(line.hi[t], v[t]);
    }
  }
  if (run.values.size() < 2) line.lo.clear(), line.hi.clear();
  return line;
}

PlotLine difference(const RunData& a, const RunData& b, int sa, int sb, int weeks) {
  PlotLine line;
  const std::size_t reps = std::min(a.values.size(), b.values.size());
  if (reps == 0) return line;
  const auto n = static_cast<std::size_t>(std::max(0, weeks));
  line.mean.assign(n, 0.0f);
  line.lo.assign(n, INFINITY);
  line.hi.assign(n, -INFINITY);
  for (std::size_t r = 0; r < reps; ++r) {
    const auto& va = a.values[r][static_cast<std::size_t>(sa)];
    const auto& vb = b.values[r][static_cast<std::size_t>(sb)];
    for (std::size_t t = 0; t < n && t < va.size() && t < vb.size(); ++t) {
      const float d = vb[t] - va[t];
      line.mean[t] += d / static_cast<float>(reps);
      line.lo[t] = std::min(line.lo[t], d);
      line.hi[t] = std::max(line.hi[t], d);
    }
  }
  if (reps < 2) line.lo.clear(), line.hi.clear();
  return line;
}

// Lever changes are marked on every chart by a short tag ("A1", "B2"; "1" outside the A/B
// view) and listed once above the charts, so a long label does not eat each chart's height.
std::string event_tag(const char* run, std::size_t k) { return std::string(run) + std::to_string(k + 1); }

void add_markers(PlotSpec& spec, const RunData& run, const char* run_tag, ImU32 colour) {
  for (std::size_t k = 0; k < run.events.size(); ++k)
    spec.markers.push_back({static_cast<float>(run.events[k].week), event_tag(run_tag, k), colour});
}

// The list of lever changes under their tags, most recent last (the 8 latest of each run).
void list_events(const RunData& run, const char* run_tag, ImU32 colour) {
  const std::size_t n = run.events.size(), first = n > 8 ? n - 8 : 0;
  if (first > 0) ImGui::TextDisabled("%s: %zu earlier changes not listed", run_tag[0] ? run_tag : "run", first);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
  for (std::size_t k = first; k < n; ++k) {
    const auto& e = run.events[k];
    ImGui::TextWrapped("%s, week %d: %s", event_tag(run_tag, k).c_str(), e.week, e.label.c_str());
  }
  ImGui::PopStyleColor();
}

}  // namespace

void draw_charts(App& app, const std::vector<const RunData*>& runs, bool ab) {
  if (runs.empty() || runs[0]->series.empty()) {
    ImGui::TextUnformatted("Building the cohort...");
    return;
  }
  const bool pres = app.look.presentation;
  const int cursor = app.replay() ? app.replay_week : -1;
  auto weeks_of = [&](const RunData& r) { return cursor >= 0 ? std::min(cursor, r.weeks_done) : r.weeks_done; };
  const RunData& a = *runs[0];
  // Lever changes: A's in a cool grey-blue, B's in a warm orange (the runs' colour families).
  const ImU32 marker_a = pres ? IM_COL32(20, 60, 120, 255) : IM_COL32(170, 200, 230, 255);
  const ImU32 marker_b = pres ? IM_COL32(170, 70, 0, 255) : IM_COL32(255, 170, 90, 255);

  if (ab) {
    // Which charts to compare: one checkbox per chart of the catalog (wrapping in a narrow window).
    ImGui::TextUnformatted("Compare:");
    for (const auto& c : chart_catalog()) {
      bool has_series = false;
      for (const auto& s : a.series) has_series = has_series || s.chart == c.key;
      if (!has_series) continue;
      same_line_if_fits(labelled_width(ImGui::GetFrameHeight(), c.key.c_str()));
      ImGui::Checkbox(c.key.c_str(), &app.ab_charts[c.key]);
    }
  }
  std::vector<const ChartDef*> charts;
  for (const auto& c : chart_catalog()) {
    if (ab && !app.ab_charts[c.key]) continue;
    for (const auto& s : a.series) {
      if (s.chart == c.key && (!ab || !hidden_in_ab().count(s.key))) {
        charts.push_back(&c);
        break;
      }
    }
  }
  std::string a_says, b_says;  // "A = baseline (solid)", "B = ... (dashed)": header and legends
  if (ab) {
    const bool same_seed = a.seed == runs[1]->seed;
    a_says = "A = " + a.name + " (solid)";
    b_says = "B = " + runs[1]->name + " (dashed)";
    // The header is the legend of the runs: each named beside its line style, in its colour family.
    legend_row({{a_says + ",", {{series_colour(0, pres), false}}}, {b_says, {{b_series_colour(0, pres), true}}}},
               &app.audit);
    text_wrapped_disabled(std::string(same_seed ? "Same seed: the gap is the policy's."
                                                : "Different seeds: the gap mixes the policy with chance.") +
                          " Right: B - A by replicate, in A's colours; bands span the replicates.");
  }
  list_events(a, ab ? "A" : "", marker_a);
  if (ab) list_events(*runs[1], "B", marker_b);
  const int columns = 2;
  const int rows = ab ? static_cast<int>(charts.size()) : (static_cast<int>(charts.size()) + 1) / 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  const ImVec2 cell{
      (avail.x - ImGui::GetStyle().ItemSpacing.x) / columns,
      std::max(ImGui::GetFontSize() * 12, (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows))};

  int index = 0;
  for (const ChartDef* c : charts) {
    PlotSpec spec;
    spec.title = c->title;
    spec.y_label = c->y_label;
    spec.x_max = static_cast<float>(std::max(1, a.horizon));
    spec.line_thickness = std::max(2.0f, ImGui::GetFontSize() * 0.11f);
    spec.setup_weeks = 1;  // week 0 holds set-up spending (pre-release programmes): clipped if it is an outlier
    spec.audit = &app.audit;
    if (cursor >= 0)
      spec.markers.push_back(
          {static_cast<float>(cursor), "", pres ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 200)});
    add_markers(spec, a, ab ? "A" : "", marker_a);
    std::vector<PlotLine> lines;
    std::vector<PlotLine> diffs;
    // A/B: one legend above the pair of charts, each series with A's (solid) and B's (dashed) swatch.
    std::vector<LegendItem> row_legend;
    std::size_t colour = 0;
    for (std::size_t s = 0; s < a.series.size(); ++s) {
      const auto& def = a.series[s];
      if (def.chart != c->key) continue;
      // A series' colour is its place in its chart, counting hidden ones, so it is the same in every tab.
      if (ab && hidden_in_ab().count(def.key)) {
        ++colour;
        continue;
      }
      PlotLine la = summarise(a, static_cast<int>(s), weeks_of(a));
      la.label = def.label;
      if (ab) la.tag = "A: ";
      la.colour = series_colour(colour, pres);
      if (ab) {
        la.in_legend = false;
        row_legend.push_back({def.label, {{la.colour, false}}});
      }
      lines.push_back(std::move(la));
      if (ab) {
        const RunData& b = *runs[1];
        const int sb = b.series_index(def.key);
        if (sb >= 0) {
          PlotLine lb = summarise(b, sb, weeks_of(b));
          lb.label = def.label;
          lb.colour = b_series_colour(colour, pres);
          lb.dashed = true;
          lb.tag = "B: ";
          lb.in_legend = false;
          row_legend.back().swatches.push_back({lb.colour, true});
          lines.push_back(std::move(lb));
          PlotLine d = difference(a, b, static_cast<int>(s), sb, std::min(weeks_of(a), weeks_of(b)));
          d.label = def.label;
          d.tag = "B - A: ";
          d.colour = series_colour(colour, pres);
          d.in_legend = false;
          diffs.push_back(std::move(d));
        }
      }
      ++colour;
    }
    if (ab) {
      add_markers(spec, *runs[1], "B", marker_b);
      const float y0 = ImGui::GetCursorPosY();
      ImGui::Separator();
      legend_row(row_legend, &app.audit);
      const ImVec2 pair{cell.x, std::max(ImGui::GetFontSize() * 12, cell.y - (ImGui::GetCursorPosY() - y0))};
      plot(c->key.c_str(), spec, lines, pair);
      ImGui::SameLine();
      PlotSpec dspec = spec;
      dspec.title = "B - A: " + c->title;
      dspec.y_from_zero = false;
      dspec.zero_line = true;
      plot((c->key + "_diff").c_str(), dspec, diffs, pair);
    } else {
      // An odd last chart takes the whole row (the cost chart has many lines and a long legend).
      const bool last_alone = index % columns == 0 && index + 1 == static_cast<int>(charts.size());
      plot(c->key.c_str(), spec, lines, last_alone ? ImVec2{avail.x, cell.y} : cell);
      if (index % columns == 0 && index + 1 < static_cast<int>(charts.size())) ImGui::SameLine();
    }
    ++index;
  }
}

}  // namespace pw::viz
