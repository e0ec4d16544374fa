// Flowing layout for narrow windows: the viewer's panels keep their controls
// inside the window when fonts are large (presentation mode) or the window is
// small (a 1280 x 800 projector). Immediate-mode helpers, called on the UI thread
// while a window is being built; widths are in pixels.
//
// TextAudit counts, frame by frame, text that does not fit the box it is drawn
// in: a label wider than its box (measured with ImGui::CalcTextSize), an item
// running past its window's right edge, or text cut with "...". The headless
// screenshot tests (--check-text) fail when the last frame has any.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace pw::viz {

struct TextAudit {
  int clipped = 0;                 // text wider than its box, or items past a window's right edge
  int cut = 0;                     // text shortened with "..." to fit its box
  std::vector<std::string> notes;  // what did not fit (the first 20), for the message
  void reset() { *this = TextAudit{}; }
  // `text` needs `needed` pixels and its box has `room`: counts it as clipped if it does not fit.
  void check(const std::string& text, float needed, float room);
  void note_cut(const std::string& text, float room);
  [[nodiscard]] int total() const { return clipped + cut; }
};

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
// `text` cut to at most `width` pixels with "..." at the end if it had to be cut
// (counted in `audit`, when given).
std::string fit_text(const std::string& text, float width, TextAudit* audit = nullptr);

// `text` broken at spaces into at most `max_lines` lines of at most `width` pixels;
// a last line that is still too long is cut with "..." (counted in `audit`).
std::vector<std::string> wrap_text(const std::string& text, float width, int max_lines, TextAudit* audit = nullptr);

// A slider whose value is written beside its frame, never on top of the grab:
// [frame] value label. `width` is the whole control without the label; the value's
// room is fixed from the widest of lo, hi and the current value, so nothing moves
// while dragging. `label` may be "" (no label) or start with "##".
struct SliderResult {
  bool changed = false;    // the value changed this frame
  bool committed = false;  // released after an edit (send the change now)
  bool hovered = false;    // the frame, value or label is hovered (for a tooltip)
};
SliderResult value_slider(const char* label, ImGuiDataType type, void* value, const void* lo, const void* hi,
                          const char* format, ImGuiSliderFlags flags, float width, TextAudit* audit);

// A collapsing header whose title is checked against the header's width.
bool collapsing_header(const char* title, ImGuiTreeNodeFlags flags, TextAudit* audit);
// Checks that a combo `width` pixels wide shows `preview` whole (call before BeginCombo).
void check_combo_preview(const char* preview, float width, TextAudit* audit);

// After every window of the frame has ended: counts windows whose items run past
// their visible right edge (a label or control cut off by the window).
void audit_windows(TextAudit& audit);

}  // namespace pw::viz
