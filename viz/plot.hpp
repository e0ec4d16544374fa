// A small line-chart widget drawn with ImDrawList: lines, replicate bands,
// axes with "nice" ticks and labels, a legend, a hover read-out and vertical
// event markers. Used by every chart of the viewer.
//
// Units: x is in weeks since release (the simulation step); y in whatever the
// caller's series are in (the y-axis label says which). Runs on the UI thread,
// once per chart per frame; it allocates nothing that outlives the call.
#pragma once

#include <imgui.h>

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
};

// Draws the chart in a box of `size` at the cursor (size.x/y <= 0: fill the
// available width/height). `id` must be unique within the window.
void plot(const char* id, const PlotSpec& spec, const std::vector<PlotLine>& lines, ImVec2 size);

// Tick positions: about `target` "nice" values (1, 2, 5 x 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target);

// A compact label for a tick value: 12k, 1.5M, 0.25.
std::string tick_label(double v, double step);

}  // namespace pw::viz
