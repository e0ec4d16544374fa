// Fonts, colours and where the window layout is saved.
//
// Two looks: normal (dark theme) and presentation (black on white, larger
// type, thick lines) for a projector in a training room. Both scale their font
// with the framebuffer (font_sizes): about 1/40 of its height in the normal look
// (20 px at 1280 x 800, 27 px at 1920 x 1080) and 1/30 in presentation mode, so
// text stays readable when projected. Fonts are DejaVu Sans, rebuilt when the
// framebuffer changes size. The layout file is $XDG_CONFIG_HOME/pathways/imgui.ini
// (default ~/.config/pathways/). Runs on the UI thread, between frames.
//
// Colours: a chart's n-th series is series_colour(n) in every tab (the Charts
// tab, A in the A/B view, and B - A). In the A/B view B is drawn dashed in
// b_series_colour(n), from a different hue family (cool blues, greens and
// violets for A; warm oranges, reds and browns for B), so A and B differ by
// colour and by line style.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace pw::viz {

struct FontSizes {
  float normal = 16, large = 27;  // pixels
  bool operator==(const FontSizes&) const = default;
};

// The font sizes for a framebuffer of this size (pixels).
FontSizes font_sizes(int framebuffer_width, int framebuffer_height);

struct Look {
  ImFont* normal = nullptr;
  ImFont* large = nullptr;
  FontSizes sizes;
  bool presentation = false;
};

// Loads the fonts into ImGui's (cleared) atlas; falls back to ImGui's built-in
// font when DejaVu is missing. The caller re-uploads the font texture.
Look load_fonts(FontSizes sizes);
// Applies the colours and sizes of the chosen look; call when it changes.
void apply_look(Look& look, bool presentation);

// Line colour of the n-th series of a chart (A, and the only run outside the A/B view).
ImU32 series_colour(std::size_t n, bool presentation);
// Line colour of the n-th series of run B in the A/B view: a warm partner of series_colour(n).
ImU32 b_series_colour(std::size_t n, bool presentation);

// The layout file (its folder is created); empty if no home folder is known.
std::string layout_file();

}  // namespace pw::viz
