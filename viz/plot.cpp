#include "viz/plot.hpp"
#include "viz/layout.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdio>
#include <limits>

namespace pw::viz {

std::vector<double> nice_ticks(double lo, double hi, int target) {
  std::vector<double> ticks;
  if (!(hi > lo) || target < 2) return ticks;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / mag;
  const double step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
  for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-6; t += step) {
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

std::string tick_label(double v, double step) {
  if (v == 0.0) return "0";
  // The unit follows the tick step, so every label of one axis has the same form.
  char buf[32];
  const double a = std::abs(step);
  if (a >= 1e5) {
    std::snprintf(buf, sizeof buf, a >= 1e6 ? "%.0fM" : "%.1fM", v / 1e6);
  } else if (a >= 1e3) {
    std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
  } else if (a >= 1) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(a) - 1e-9)), 1, 6);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  }
  return buf;
}

namespace {

float value_at(const PlotLine& l, const std::vector<float>& ys, float x) {
  if (ys.empty()) return std::numeric_limits<float>::quiet_NaN();
  const float k = std::round((x - l.x0) / l.dx);
  if (k < 0 || k >= static_cast<float>(ys.size())) return std::numeric_limits<float>::quiet_NaN();
  return ys[static_cast<std::size_t>(k)];
}

// A dashed polyline whose dash pattern runs on across the points, so weekly
// data (points a few pixels apart) still shows dashes.
void dashed_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float th, DashPattern pattern) {
  const float period = pattern.dash + pattern.gap;
  float phase = 0;  // distance into the current period
  for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
    const ImVec2 a = pts[k], b = pts[k + 1];
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    float s = 0;
    while (s < len) {
      const bool on = phase < pattern.dash;
      const float step = std::min(len - s, on ? pattern.dash - phase : period - phase);
      if (on && step > 0)
        dl->AddLine({a.x + dx * s / len, a.y + dy * s / len},
                    {a.x + dx * (s + step) / len, a.y + dy * (s + step) / len}, col, th);
      s += step;
      phase += step;
      if (phase >= period - 1e-4f) phase = 0;
    }
  }
}

}  // namespace

DashPattern dash_pattern(float font_size) {
  return {std::max(6.0f, font_size * 0.55f), std::max(4.0f, font_size * 0.4f)};
}

YRange y_range(const PlotSpec& spec, const std::vector<PlotLine>& lines) {
  YRange all, later;
  all.lo = later.lo = DBL_MAX;
  all.hi = later.hi = -DBL_MAX;
  for (const auto& l : lines) {
    for (const auto* ys : {&l.mean, &l.lo, &l.hi}) {
      for (std::size_t k = 0; k < ys->size(); ++k) {
        const float x = l.x0 + l.dx * static_cast<float>(k);
        const float v = (*ys)[k];
        if (x < spec.x_min || x > spec.x_max || !std::isfinite(v)) continue;
        for (YRange* r : {&all, &later}) {
          if (r == &later && x < spec.x_min + spec.setup_weeks) continue;
          r->lo = std::min<double>(r->lo, v);
          r->hi = std::max<double>(r->hi, v);
          r->any = true;
        }
      }
    }
  }
  if (spec.setup_weeks <= 0 || !later.any) return all;
  const double margin = std::max(later.hi - later.lo, 1e-9) * 0.25;
  YRange r = all;
  if (all.hi > later.hi + margin) r.hi = later.hi, r.clipped_top = true;
  if (all.lo < later.lo - margin) r.lo = later.lo, r.clipped_bottom = true;
  return r;
}

namespace {

// The legend's entries: the spec's own, or one per line that asks for one.
std::vector<LegendItem> legend_items(const PlotSpec& spec, const std::vector<PlotLine>& lines) {
  if (!spec.legend.empty()) return spec.legend;
  std::vector<LegendItem> items;
  for (const auto& l : lines) {
    if (l.in_legend) items.push_back({l.label, {{l.colour, l.dashed}}});
  }
  return items;
}

void draw_swatch(ImDrawList* dl, ImVec2 at, float w, float fh, const LegendSwatch& s) {
  const float y = at.y + fh * 0.5f;
  if (s.dashed) {
    dashed_polyline(dl, {{at.x, y}, {at.x + w, y}}, s.colour, std::max(2.5f, fh * 0.16f), dash_pattern(fh * 0.8f));
  } else {
    dl->AddRectFilled({at.x, y - fh * 0.12f}, {at.x + w, y + fh * 0.12f}, s.colour);
  }
}

}  // namespace

void plot(const char* id, const PlotSpec& spec, const std::vector<PlotLine>& lines, ImVec2 size) {
  ImGui::PushID(id);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  size.x = std::max(size.x, 120.0f);
  size.y = std::max(size.y, 90.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("plot", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 grid_col = ImGui::GetColorU32(ImGuiCol_Border, 0.5f);
  const float fh = ImGui::GetFontSize();

  // y range over every visible line and band; set-up outliers are clipped.
  const YRange range = y_range(spec, lines);
  const bool any = range.any;
  double y_lo = spec.y_from_zero ? std::min(0.0, any ? range.lo : 0.0) : (any ? range.lo : 0.0);
  double y_hi = spec.y_from_zero ? std::max(0.0, any ? range.hi : 0.0) : (any ? range.hi : 0.0);
  if (!any || y_hi - y_lo < 1e-9) y_hi = y_lo + (any ? std::max(1.0, std::abs(y_lo) * 0.1) : 1.0);
  const double pad = (y_hi - y_lo) * 0.05;
  if (!(spec.y_from_zero && y_lo >= 0)) y_lo -= pad;
  y_hi += pad;

  // Legend: a column on the right if it is narrow, else rows under the x label.
  const std::vector<LegendItem> items = legend_items(spec, lines);
  const float row_h = fh * 1.2f;
  const float swatch_w = fh * 1.5f;
  auto item_width = [&](const LegendItem& it) {
    return static_cast<float>(it.swatches.size()) * (swatch_w + fh * 0.25f) + fh * 0.15f +
           ImGui::CalcTextSize(it.label.c_str()).x;
  };
  float column_w = 0;
  for (const auto& it : items) column_w = std::max(column_w, item_width(it) + fh * 0.8f);
  // Title and y label, each on up to two lines when the chart is narrow.
  const std::vector<std::string> title_lines = wrap_text(spec.title, size.x - 8, 2, spec.audit);
  const std::vector<std::string> y_label_lines = wrap_text(spec.y_label, size.x - 8, 2, spec.audit);
  const float line_h = fh * 1.15f;
  const float head_h = static_cast<float>(title_lines.size() + y_label_lines.size()) * line_h + fh * 0.1f;
  const float foot_h = fh * 2.4f;  // tick labels and x label
  const bool legend_right = !items.empty() && column_w <= size.x * 0.3f &&
                            static_cast<float>(items.size()) * row_h <= size.y - head_h - foot_h;
  int legend_rows = 0;
  if (!items.empty() && !legend_right) {
    float x = 0;
    legend_rows = 1;
    for (const auto& it : items) {
      const float w = item_width(it) + fh;
      if (x > 0 && x + w > size.x - 8) ++legend_rows, x = 0;
      x += w;
    }
  }
  const float legend_h = static_cast<float>(legend_rows) * row_h;

  // Labels of markers at the same week are joined into one ("a; b"); each week gets a row
  // of the strip above the plot area, up to 3, so they never cover data.
  std::vector<std::pair<float, std::string>> labels;  // (week, joined labels), in marker order
  std::vector<ImU32> label_colours;
  for (const auto& m : spec.markers) {
    if (m.label.empty() || m.x < spec.x_min || m.x > spec.x_max) continue;
    if (!labels.empty() && labels.back().first == m.x) {
      // "B: a; b": a run's prefix is said once.
      std::string more = m.label;
      const auto colon = more.find(": ");
      if (colon != std::string::npos && labels.back().second.rfind(more.substr(0, colon + 2), 0) == 0)
        more = more.substr(colon + 2);
      labels.back().second += "; " + more;
    } else {
      labels.emplace_back(m.x, m.label);
      label_colours.push_back(m.colour);
    }
  }
  // A label too long for its side of the chart takes up to four rows (estimated here from the chart's width).
  int label_lines = 0;
  for (const auto& [x, text] : labels) {
    const float frac = (x - spec.x_min) / std::max(1e-6f, spec.x_max - spec.x_min);
    const float room = std::max(frac, 1 - frac) * (size.x - fh * 4) - 4;
    label_lines += static_cast<int>(wrap_text(text, room, 4).size());
  }
  const int strip_rows = std::min(label_lines, 4);
  const float strip_row_h = fh * 1.05f;

  // A row above the plot area names the values clipped off the scale (set-up spikes).
  const int clip_rows = range.clipped_top || range.clipped_bottom ? 1 : 0;
  const float clip_row_y = origin.y + head_h;
  const float plot_top = origin.y + head_h + strip_row_h * static_cast<float>(strip_rows + clip_rows);
  const float plot_bottom = origin.y + size.y - foot_h - legend_h;
  const auto y_ticks = nice_ticks(y_lo, y_hi, std::max(3, static_cast<int>((plot_bottom - plot_top) / (fh * 2.2f))));
  if (!y_ticks.empty()) {
    y_lo = std::min(y_lo, y_ticks.front());
    y_hi = std::max(y_hi, y_ticks.back());
  }
  const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : 1.0;
  float tick_w = 0;
  for (double t : y_ticks) tick_w = std::max(tick_w, ImGui::CalcTextSize(tick_label(t, y_step).c_str()).x);
  // The last x tick label is centred on the right edge: leave it room.
  const float right_margin = std::max(8.0f, ImGui::CalcTextSize(tick_label(spec.x_max, 1).c_str()).x * 0.5f + 2) +
                             (legend_right ? column_w : 0.0f);
  const ImVec2 p0{origin.x + tick_w + style.ItemSpacing.x + 4, plot_top};
  const ImVec2 p1{origin.x + size.x - right_margin, plot_bottom};
  if (p1.x - p0.x < 20 || p1.y - p0.y < 20) {
    if (spec.audit != nullptr) spec.audit->check(spec.title + " (chart too small for its labels)", 20, 0);
    ImGui::PopID();
    return;
  }
  // No fill behind the plot area: on software GL every filled pixel costs, and
  // the window colour (the cleared frame) is background enough.
  // Title and y label are cut to the chart's width (narrow columns, presentation fonts); the
  // whole title shows on hover.
  {
    float ty = origin.y + 2;
    for (const auto& line : title_lines) {
      dl->AddText({origin.x + 4, ty}, text_col, line.c_str());
      ty += line_h;
    }
    for (const auto& line : y_label_lines) {
      dl->AddText({origin.x + 4, ty}, ImGui::GetColorU32(ImGuiCol_TextDisabled), line.c_str());
      ty += line_h;
    }
  }
  if (ImGui::IsMouseHoveringRect(origin, {origin.x + size.x, origin.y + head_h}))
    ImGui::SetTooltip("%s", spec.title.c_str());

  const float xr = spec.x_max - spec.x_min > 0 ? spec.x_max - spec.x_min : 1.0f;
  auto to_px = [&](float x, double y) {
    return ImVec2{p0.x + (x - spec.x_min) / xr * (p1.x - p0.x),
                  static_cast<float>(p1.y - (y - y_lo) / (y_hi - y_lo) * (p1.y - p0.y))};
  };

  // Grid, ticks and labels.
  for (double t : y_ticks) {
    const float py = to_px(spec.x_min, t).y;
    dl->AddLine({p0.x, py}, {p1.x, py}, grid_col);
    const auto s = tick_label(t, y_step);
    const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
    dl->AddText({p0.x - ts.x - 6, py - ts.y * 0.5f}, text_col, s.c_str());
  }
  const auto x_ticks = nice_ticks(spec.x_min, spec.x_max, std::max(3, static_cast<int>((p1.x - p0.x) / (fh * 4.5f))));
  const double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : 1.0;
  for (double t : x_ticks) {
    const float px = to_px(static_cast<float>(t), y_lo).x;
    dl->AddLine({px, p0.y}, {px, p1.y}, grid_col);
    const auto s = tick_label(t, x_step);
    const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
    dl->AddText({px - ts.x * 0.5f, p1.y + 3}, text_col, s.c_str());
  }
  {
    const std::string x_label = fit_text(spec.x_label, size.x - 8, spec.audit);
    const ImVec2 ts = ImGui::CalcTextSize(x_label.c_str());
    const float lx = std::clamp((p0.x + p1.x - ts.x) * 0.5f, origin.x + 4, origin.x + size.x - 4 - ts.x);
    dl->AddText({lx, p1.y + fh * 1.25f}, ImGui::GetColorU32(ImGuiCol_TextDisabled), x_label.c_str());
  }
  dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border));
  if (spec.zero_line && y_lo < 0 && y_hi > 0) {
    const float py = to_px(spec.x_min, 0).y;
    dl->AddLine({p0.x, py}, {p1.x, py}, text_col, 1.0f);
  }

  dl->PushClipRect(p0, p1, true);
  // Bands, then lines, so every line stays visible. Bands are filled without
  // anti-aliased fringes: adjacent quads would otherwise overdraw each other
  // (slow on software GL, and visible seams).
  const ImDrawListFlags saved_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (const auto& l : lines) {
    if (l.lo.empty() || l.hi.empty()) continue;
    const std::size_t n = std::min(l.lo.size(), l.hi.size());
    const ImU32 band = (l.colour & 0x00FFFFFF) | (static_cast<ImU32>(60) << 24);
    for (std::size_t k = 0; k + 1 < n; ++k) {
      const float xa = l.x0 + l.dx * static_cast<float>(k), xb = xa + l.dx;
      const ImVec2 a_hi = to_px(xa, l.hi[k]), b_hi = to_px(xb, l.hi[k + 1]);
      const ImVec2 a_lo = to_px(xa, l.lo[k]), b_lo = to_px(xb, l.lo[k + 1]);
      dl->AddQuadFilled(a_hi, b_hi, b_lo, a_lo, band);
    }
  }
  dl->Flags = saved_flags;
  const DashPattern dashes = dash_pattern(fh);
  for (const auto& l : lines) {
    std::vector<ImVec2> pts;
    pts.reserve(l.mean.size());
    for (std::size_t k = 0; k < l.mean.size(); ++k) {
      if (!std::isfinite(l.mean[k])) continue;
      pts.push_back(to_px(l.x0 + l.dx * static_cast<float>(k), l.mean[k]));
    }
    if (pts.size() == 1) dl->AddCircleFilled(pts[0], spec.line_thickness + 1, l.colour);
    if (l.dashed) {
      dashed_polyline(dl, pts, l.colour, spec.line_thickness, dashes);
    } else if (pts.size() > 1) {
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), l.colour, ImDrawFlags_None, spec.line_thickness);
    }
  }
  // Clipped set-up values: a triangle at the plot's edge for each line and edge; the most
  // extreme value of each edge is named in the row above the plot area.
  struct Clip {
    float x = 0, v = NAN;
    const PlotLine* line = nullptr;
  };
  Clip top_most, bottom_most;
  if (clip_rows > 0) {
    for (const auto& l : lines) {
      for (const bool top : {true, false}) {
        Clip c;
        for (std::size_t k = 0; k < l.mean.size(); ++k) {
          const float x = l.x0 + l.dx * static_cast<float>(k), v = l.mean[k];
          if (x < spec.x_min || x > spec.x_max || !std::isfinite(v)) continue;
          if (top ? v > y_hi && !(v <= c.v) : v < y_lo && !(v >= c.v)) c = {x, v, &l};
        }
        if (c.line == nullptr) continue;
        const float px = to_px(c.x, 0).x + fh * 0.45f, r = fh * 0.35f;
        const float ey = top ? p0.y + 1 : p1.y - 1, dir = top ? 1.0f : -1.0f;
        dl->AddTriangleFilled({px, ey}, {px - r, ey + dir * r * 1.6f}, {px + r, ey + dir * r * 1.6f}, l.colour);
        Clip& most = top ? top_most : bottom_most;
        if (most.line == nullptr || (top ? c.v > most.v : c.v < most.v)) most = c;
      }
    }
  }
  // Event markers: a dashed line in the plot area, labelled in the strip above it.
  for (const auto& m : spec.markers) {
    if (m.x < spec.x_min || m.x > spec.x_max) continue;
    const float px = to_px(m.x, y_lo).x;
    for (float y = p0.y; y < p1.y; y += 8) dl->AddLine({px, y}, {px, std::min(p1.y, y + 4)}, m.colour, 1.5f);
  }
  dl->PopClipRect();
  {
    float x = p0.x;
    for (const bool top : {true, false}) {
      const Clip& c = top ? top_most : bottom_most;
      if (c.line == nullptr) continue;
      const float r = fh * 0.35f, cy = clip_row_y + fh * 0.5f, dir = top ? -1.0f : 1.0f;
      dl->AddTriangleFilled({x + r, cy + dir * r}, {x, cy - dir * r * 0.6f}, {x + 2 * r, cy - dir * r * 0.6f},
                            c.line->colour);
      char value[32];
      std::snprintf(value, sizeof value, "%.3g", c.v);
      // The longest wording that fits: the triangle already says "off the scale".
      const std::string week = " at week " + std::to_string(static_cast<int>(c.x));
      const float room = origin.x + size.x - x - 2 * r - 8;
      std::string text = value;
      for (const std::string& t : {c.line->tag + c.line->label + " " + value + week + ", off the scale",
                                   c.line->tag + c.line->label + " " + value + week, c.line->label + " " + value}) {
        if (ImGui::CalcTextSize(t.c_str()).x <= room) {
          text = t;
          break;
        }
      }
      dl->AddText({x + 2 * r + 4, clip_row_y}, c.line->colour, text.c_str());
      x += 2 * r + 4 + ImGui::CalcTextSize(text.c_str()).x + fh;
    }
  }
  {
    float last_label_end = -FLT_MAX;
    int row = 0;
    for (std::size_t k = 0; k < labels.size() && strip_rows > 0; ++k) {
      const auto& [x, full_text] = labels[k];
      const ImU32 colour = label_colours[k];
      const float px = to_px(x, y_lo).x;
      // Wrapped (four lines at most) to the room on the wider side of the marker; a cut label shows whole on hover.
      const std::vector<std::string> text = wrap_text(full_text, std::max(p1.x - px, px - p0.x) - 4, 4, spec.audit);
      const int n = std::min(static_cast<int>(text.size()), strip_rows);
      float w = 0;
      for (const auto& t : text) w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
      row = px < last_label_end ? std::min(row + 1, strip_rows - n) : 0;
      float lx = px + 3;
      if (lx + w > p1.x) lx = std::max(p0.x, px - w - 3);
      const float ty = p0.y - strip_row_h * static_cast<float>(strip_rows - row);
      dl->AddLine({px, ty}, {px, p0.y}, colour, 1.5f);
      dl->PushClipRect({p0.x, ty}, {p1.x, p0.y}, true);
      for (int i = 0; i < n; ++i)
        dl->AddText({lx, ty + strip_row_h * static_cast<float>(i)}, colour, text[static_cast<std::size_t>(i)].c_str());
      dl->PopClipRect();
      if (ImGui::IsMouseHoveringRect({lx, ty}, {lx + w, ty + strip_row_h * static_cast<float>(n)}))
        ImGui::SetTooltip("%s", full_text.c_str());
      last_label_end = lx + w;
      row += n - 1;
    }
  }

  // Legend, outside the plot area.
  if (!items.empty()) {
    const float room = legend_right ? column_w - fh * 0.8f : size.x - 8;
    float x = legend_right ? p1.x + right_margin - column_w + fh * 0.8f : origin.x + 4;
    float y = legend_right ? p0.y : p1.y + foot_h;
    const float x_start = x;
    for (const auto& it : items) {
      const float w = item_width(it) + fh;
      if (!legend_right && x > x_start && x - x_start + w > size.x - 8) x = x_start, y += row_h;
      float sx = x;
      for (const auto& sw : it.swatches) {
        draw_swatch(dl, {sx, y}, swatch_w, fh, sw);
        sx += swatch_w + fh * 0.25f;
      }
      const float text_room = room - (sx - x) - fh * 0.15f;
      dl->AddText({sx + fh * 0.15f, y}, text_col, fit_text(it.label, text_room, spec.audit).c_str());
      if (legend_right) {
        y += row_h;
      } else {
        x += w;
      }
    }
  }

  // Hover read-out: a vertical guide and the values at that week.
  if (hovered) {
    const ImVec2 mp = ImGui::GetIO().MousePos;
    if (mp.x >= p0.x && mp.x <= p1.x && mp.y >= p0.y && mp.y <= p1.y) {
      const float x = std::round(spec.x_min + (mp.x - p0.x) / (p1.x - p0.x) * xr);
      const float px = to_px(x, y_lo).x;
      dl->AddLine({px, p0.y}, {px, p1.y}, text_col, 1.0f);
      ImGui::BeginTooltip();
      ImGui::Text("week %.0f (year %.1f)", x, x / 52.0f);
      for (const auto& l : lines) {
        const float v = value_at(l, l.mean, x);
        if (!std::isfinite(v)) continue;
        ImGui::ColorButton(("##c" + l.tag + l.label).c_str(), ImGui::ColorConvertU32ToFloat4(l.colour),
                           ImGuiColorEditFlags_NoTooltip, {fh * 0.8f, fh * 0.8f});
        ImGui::SameLine();
        const float lo = value_at(l, l.lo, x), hi = value_at(l, l.hi, x);
        if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) {
          ImGui::Text("%s%s: %.4g  (range %.4g to %.4g)", l.tag.c_str(), l.label.c_str(), v, lo, hi);
        } else {
          ImGui::Text("%s%s: %.4g", l.tag.c_str(), l.label.c_str(), v);
        }
      }
      for (const auto& m : spec.markers) {
        if (std::abs(m.x - x) < 0.5f)
          ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(m.colour), "%s", m.label.c_str());
      }
      ImGui::EndTooltip();
    }
  }
  ImGui::PopID();
}

void legend_row(const std::vector<LegendItem>& items, TextAudit* audit) {
  const float fh = ImGui::GetFontSize(), swatch_w = fh * 1.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool first = true;
  for (const auto& it : items) {
    const float swatches = static_cast<float>(it.swatches.size()) * (swatch_w + fh * 0.25f) + fh * 0.15f;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    std::string text = it.label;
    float w = swatches + ImGui::CalcTextSize(text.c_str()).x;
    if (!first && ImGui::GetItemRectMax().x + fh + w <= right) ImGui::SameLine(0, fh);
    first = false;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    text = fit_text(text, right - at.x - swatches, audit);
    w = swatches + ImGui::CalcTextSize(text.c_str()).x;
    ImGui::Dummy({w, fh});
    float x = at.x;
    for (const auto& sw : it.swatches) {
      draw_swatch(dl, {x, at.y}, swatch_w, fh, sw);
      x += swatch_w + fh * 0.25f;
    }
    dl->AddText({at.x + swatches, at.y}, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
  }
}

}  // namespace pw::viz
