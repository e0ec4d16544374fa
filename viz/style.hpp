// Fonts, colours and where the window layout is saved.
//
// Two looks: normal (DejaVu Sans 16 px, dark theme) and presentation (28 px,
// black on white, thick lines) for a projector in a training room. The layout
// file is $XDG_CONFIG_HOME/pathways/imgui.ini (default ~/.config/pathways/).
// Runs on the UI thread; fonts are loaded once, before the first frame.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace pw::viz {

struct Look {
  ImFont* normal = nullptr;
  ImFont* large = nullptr;
  bool presentation = false;
};

// Loads the fonts (falls back to ImGui's built-in font when DejaVu is missing).
Look load_fonts(float scale = 1.0f);
// Applies the colours and sizes of the chosen look; call when it changes.
void apply_look(Look& look, bool presentation);

// Line colours for the n-th series of a chart (distinct, colour-blind-safe order).
ImU32 series_colour(std::size_t n, bool presentation);

// The layout file (its folder is created); empty if no home folder is known.
std::string layout_file();

}  // namespace pw::viz
