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

// Flowing layout for narrow windows (presentation fonts on a 1280 x 800 projector):
// SameLine() only if an item `width` pixels wide still fits on the current line;
// otherwise the next item starts a new line instead of running past the edge.
void same_line_if_fits(float width);
// Width of a button with this label, for same_line_if_fits.
float button_width(const char* label);
// `text` cut to at most `width` pixels with "..." at the end if it had to be cut.
std::string fit_text(const std::string& text, float width);

}  // namespace pw::viz
