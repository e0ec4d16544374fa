// A small line-chart widget drawn with ImDrawList: lines, replicate bands,
// axes with "nice" ticks and labels, a legend, a hover read-out and vertical
// event markers. Used by every chart of the viewer.
//
// The legend is drawn outside the plot area (a column on the right when it is
// narrow enough, otherwise rows under the x label), so it never covers data.
// Values of the first `setup_weeks` weeks that lie far outside the later range
// (a programme's set-up spending at week 0) do not stretch the y axis: they are
// clipped at the plot's edge with a triangle and their value.
//
// Units: x is in weeks since release (the simulation step); y in whatever the
// caller's series are in (the y-axis label says which). Runs on the UI thread,
// once per chart per frame; it allocates nothing that outlives the call.
#pragma once

#include <imgui.h>

#include "viz/layout.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace pw::viz {

// One curve: its mean over replicates and, optionally, a band (lo..hi) around it.
struct PlotLine {
  std::string label;
  ImU32 colour = IM_COL32(31, 119, 180, 255);
  std::vector<float> mean;    // y at x = x0 + k * dx
  std::vector<float> lo, hi;  // empty: no band
  float x0 = 0, dx = 1;
  bool dashed = false;
  bool in_legend = true;
  std::string tag;  // prefix in the hover read-out, e.g. "A: "
};

// One legend entry: a label after one or more swatches (e.g. A solid and B dashed).
struct LegendSwatch {
  ImU32 colour = 0;
  bool dashed = false;
};
struct LegendItem {
  std::string label;
  std::vector<LegendSwatch> swatches;
};

// A vertical marker at a week (a lever change, the replay cursor...).
struct PlotMarker {
  float x = 0;
  std::string label;
  ImU32 colour = IM_COL32(200, 40, 40, 255);
};

struct PlotSpec {
  std::string title;
  std::string x_label = "weeks since release";
  std::string y_label;
  float x_min = 0, x_max = 260;
  bool y_from_zero = true;
  bool zero_line = false;       // draw y = 0 (difference charts)
  const char* y_format = "%g";  // tick label format
  std::vector<PlotMarker> markers;
  float line_thickness = 2.0f;
  float setup_weeks = 0;           // weeks from x_min whose outlying values are clipped (0: none)
  std::vector<LegendItem> legend;  // empty: one entry per line with in_legend
  TextAudit* audit = nullptr;      // counts titles, labels and legend entries that do not fit
};

// The y range the lines' values need over [x_min, x_max] (before padding and
// ticks). A value in the first spec.setup_weeks weeks that lies more than a
// quarter of the later range's span above (below) it is left out, and
// clipped_top (clipped_bottom) is set.
struct YRange {
  double lo = 0, hi = 0;
  bool any = false;
  bool clipped_top = false, clipped_bottom = false;
};
YRange y_range(const PlotSpec& spec, const std::vector<PlotLine>& lines);

// Dash and gap lengths (pixels) of dashed lines for a font of `font_size` pixels:
// long enough to be seen on weekly data at the default line width.
struct DashPattern {
  float dash = 6, gap = 4;
};
DashPattern dash_pattern(float font_size);

// Draws the chart in a box of `size` at the cursor (size.x/y <= 0: fill the
// available width/height). `id` must be unique within the window.
void plot(const char* id, const PlotSpec& spec, const std::vector<PlotLine>& lines, ImVec2 size);

// A legend laid out as ImGui items across the window (wrapping to new lines), for
// several charts that share it (the A/B view's pair of charts).
void legend_row(const std::vector<LegendItem>& items, TextAudit* audit);

// Tick positions: about `target` "nice" values (1, 2, 5 x 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target);

// A compact label for a tick value: 12k, 1.5M, 0.25.
std::string tick_label(double v, double step);

}  // namespace pw::viz
