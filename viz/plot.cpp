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

void dashed_segment(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float th) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  const float dash = 6.0f;
  for (float s = 0; s < len; s += 2 * dash) {
    const float e = std::min(len, s + dash);
    dl->AddLine({a.x + dx * s / len, a.y + dy * s / len}, {a.x + dx * e / len, a.y + dy * e / len}, col, th);
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

  // y range over every visible line and band.
  double y_lo = spec.y_from_zero ? 0.0 : DBL_MAX, y_hi = spec.y_from_zero ? 0.0 : -DBL_MAX;
  bool any = false;
  for (const auto& l : lines) {
    for (const auto* ys : {&l.mean, &l.lo, &l.hi}) {
      for (std::size_t k = 0; k < ys->size(); ++k) {
        const float x = l.x0 + l.dx * static_cast<float>(k);
        const float v = (*ys)[k];
        if (x < spec.x_min || x > spec.x_max || !std::isfinite(v)) continue;
        y_lo = std::min<double>(y_lo, v);
        y_hi = std::max<double>(y_hi, v);
        any = true;
      }
    }
  }
  if (!any || y_hi - y_lo < 1e-9) {
    if (!any && !spec.y_from_zero) y_lo = 0;
    y_hi = y_lo + (any ? std::max(1.0, std::abs(y_lo) * 0.1) : 1.0);
  }
  const double pad = (y_hi - y_lo) * 0.05;
  if (!(spec.y_from_zero && y_lo >= 0)) y_lo -= pad;
  y_hi += pad;
  const auto y_ticks = nice_ticks(y_lo, y_hi, std::max(3, static_cast<int>(size.y / (fh * 2.6f))));
  if (!y_ticks.empty()) {
    y_lo = std::min(y_lo, y_ticks.front());
    y_hi = std::max(y_hi, y_ticks.back());
  }
  const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : 1.0;

  // Layout: title on top, y label rotated text is not available, so the y label
  // sits above the axis, tick labels left, x label below.
  float tick_w = 0;
  for (double t : y_ticks) tick_w = std::max(tick_w, ImGui::CalcTextSize(tick_label(t, y_step).c_str()).x);
  // A strip above the plot area holds the event labels (up to 3 rows), so they never cover data.
  // Labels of markers at the same week are joined into one ("a; b"); each week gets a row, up to 3.
  std::vector<std::pair<float, std::string>> labels;  // (week, joined labels), in marker order
  std::vector<ImU32> label_colours;
  for (const auto& m : spec.markers) {
    if (m.label.empty() || m.x < spec.x_min || m.x > spec.x_max) continue;
    if (!labels.empty() && labels.back().first == m.x) {
      labels.back().second += "; " + m.label;
    } else {
      labels.emplace_back(m.x, m.label);
      label_colours.push_back(m.colour);
    }
  }
  const int strip_rows = std::min(static_cast<int>(labels.size()), 3);
  const float row_h = fh * 1.05f;
  const ImVec2 p0{origin.x + tick_w + style.ItemSpacing.x + 4,
                  origin.y + fh * 2.4f + row_h * static_cast<float>(strip_rows)};
  const ImVec2 p1{origin.x + size.x - 8, origin.y + size.y - fh * 2.4f};
  if (p1.x - p0.x < 20 || p1.y - p0.y < 20) {
    ImGui::PopID();
    return;
  }
  // No fill behind the plot area: on software GL every filled pixel costs, and
  // the window colour (the cleared frame) is background enough.
  // Title and y label are cut to the chart's width (narrow columns, presentation fonts); the
  // whole title shows on hover.
  const std::string title = fit_text(spec.title, size.x - 8);
  dl->AddText({origin.x + 4, origin.y + 2}, text_col, title.c_str());
  dl->AddText({origin.x + 4, origin.y + 2 + fh * 1.15f}, ImGui::GetColorU32(ImGuiCol_TextDisabled),
              fit_text(spec.y_label, size.x - 8).c_str());
  if (title != spec.title && ImGui::IsMouseHoveringRect(origin, {origin.x + size.x, origin.y + fh * 2.3f}))
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
    const ImVec2 ts = ImGui::CalcTextSize(spec.x_label.c_str());
    dl->AddText({(p0.x + p1.x - ts.x) * 0.5f, p1.y + fh * 1.25f}, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                spec.x_label.c_str());
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
  for (const auto& l : lines) {
    std::vector<ImVec2> pts;
    pts.reserve(l.mean.size());
    for (std::size_t k = 0; k < l.mean.size(); ++k) {
      if (!std::isfinite(l.mean[k])) continue;
      pts.push_back(to_px(l.x0 + l.dx * static_cast<float>(k), l.mean[k]));
    }
    if (pts.size() == 1) dl->AddCircleFilled(pts[0], spec.line_thickness + 1, l.colour);
    if (l.dashed) {
      for (std::size_t k = 0; k + 1 < pts.size(); ++k)
        dashed_segment(dl, pts[k], pts[k + 1], l.colour, spec.line_thickness);
    } else if (pts.size() > 1) {
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), l.colour, ImDrawFlags_None, spec.line_thickness);
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
    float last_label_end = -FLT_MAX;
    int row = 0;
    for (std::size_t k = 0; k < labels.size() && strip_rows > 0; ++k) {
      const auto& [x, full_text] = labels[k];
      const ImU32 colour = label_colours[k];
      const float px = to_px(x, y_lo).x;
      // Cut to the room on the wider side of the marker, with "..." (whole label on hover).
      const std::string text = fit_text(full_text, std::max(p1.x - px, px - p0.x) - 4);
      const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
      row = px < last_label_end ? std::min(row + 1, strip_rows - 1) : 0;
      float lx = px + 3;
      if (lx + ts.x > p1.x) lx = std::max(p0.x, px - ts.x - 3);
      const float ty = p0.y - row_h * static_cast<float>(strip_rows - row);
      dl->AddLine({px, ty}, {px, p0.y}, colour, 1.5f);
      dl->PushClipRect({p0.x, ty}, {p1.x, p0.y}, true);
      dl->AddText({lx, ty}, colour, text.c_str());
      dl->PopClipRect();
      if (text != full_text && ImGui::IsMouseHoveringRect({lx, ty}, {lx + ts.x, ty + row_h}))
        ImGui::SetTooltip("%s", full_text.c_str());
      last_label_end = lx + ts.x;
    }
  }

  // Legend: in the corner of the plot area that hides the fewest data points.
  std::size_t in_legend = 0;
  for (const auto& l : lines) in_legend += l.in_legend;
  if (in_legend > 0) {
    float w = 0;
    for (const auto& l : lines) {
      if (l.in_legend) w = std::max(w, ImGui::CalcTextSize(l.label.c_str()).x);
    }
    const ImVec2 box{w + fh * 1.8f, static_cast<float>(in_legend) * fh * 1.15f + 6};
    const float top = p0.y + 4;
    const float middle = (top + p1.y - box.y) * 0.5f;
    const std::array<ImVec2, 6> corners = {ImVec2{p0.x + 4, top},
                                           ImVec2{p1.x - box.x - 4, top},
                                           ImVec2{p0.x + 4, p1.y - box.y - 4},
                                           ImVec2{p1.x - box.x - 4, p1.y - box.y - 4},
                                           ImVec2{p1.x - box.x - 4, middle},
                                           ImVec2{p0.x + 4, middle}};
    std::size_t best = 0;
    long best_hidden = -1;
    for (std::size_t c = 0; c < corners.size(); ++c) {
      long hidden = 0;
      const ImVec2 a = corners[c], b{a.x + box.x, a.y + box.y};
      for (const auto& l : lines) {
        for (const auto* ys : {&l.mean, &l.lo, &l.hi}) {
          for (std::size_t k = 0; k < ys->size(); ++k) {
            if (!std::isfinite((*ys)[k])) continue;
            const ImVec2 q = to_px(l.x0 + l.dx * static_cast<float>(k), (*ys)[k]);
            hidden += q.x >= a.x && q.x <= b.x && q.y >= a.y && q.y <= b.y;
          }
        }
      }
      if (best_hidden < 0 || hidden < best_hidden) {
        best_hidden = hidden;
        best = c;
      }
    }
    const ImVec2 a = corners[best];
    dl->AddRectFilled(a, {a.x + box.x, a.y + box.y}, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.9f), 3);
    float ly = a.y + 3;
    for (const auto& l : lines) {
      if (!l.in_legend) continue;
      if (l.dashed) {
        dashed_segment(dl, {a.x + 4, ly + fh * 0.5f}, {a.x + 4 + fh, ly + fh * 0.5f}, l.colour, 2.5f);
      } else {
        dl->AddRectFilled({a.x + 4, ly + fh * 0.3f}, {a.x + 4 + fh, ly + fh * 0.7f}, l.colour);
      }
      dl->AddText({a.x + 4 + fh * 1.3f, ly}, text_col, l.label.c_str());
      ly += fh * 1.15f;
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
        ImGui::ColorButton(("##c" + l.label).c_str(), ImGui::ColorConvertU32ToFloat4(l.colour),
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

}  // namespace pw::viz
