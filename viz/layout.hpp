// Flowing layout for narrow windows: the viewer's panels keep their controls
// inside the window when fonts are large (presentation mode) or the window is
// small (a 1280 x 800 projector). Immediate-mode helpers, called on the UI thread
// while a window is being built; widths are in pixels.
#pragma once

#include <string>

namespace pw::viz {

// SameLine() only if an item `width` pixels wide still fits on the current line;
// otherwise the next item starts a new line instead of running past the edge.
void same_line_if_fits(float width);
// Width of a button with this label, for same_line_if_fits.
float button_width(const char* label);
// Width of a control `control_width` pixels wide with its label on the right (combo, slider,
// radio button: the radio's control is ImGui::GetFrameHeight() wide), for same_line_if_fits.
float labelled_width(float control_width, const char* label);
// Text in the disabled (grey) colour, wrapped at the window's edge.
void text_wrapped_disabled(const std::string& text);
// `text` cut to at most `width` pixels with "..." at the end if it had to be cut.
std::string fit_text(const std::string& text, float width);

}  // namespace pw::viz
