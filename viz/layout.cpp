// Flowing layout helpers and the text audit (see layout.hpp).
#include "viz/layout.hpp"

#include <imgui_internal.h>  // DataTypeFormatString, TempInputIsActive, the window list for audit_windows

#include <fmt/format.h>

#include <algorithm>

namespace pw::viz {

void TextAudit::check(const std::string& text, float needed, float room) {
  if (needed <= room + 0.5f) return;
  ++clipped;
  if (notes.size() < 20) notes.push_back(fmt::format("\"{}\" needs {:.0f} px, has {:.0f}", text, needed, room));
}

void TextAudit::note_cut(const std::string& text, float room) {
  ++cut;
  if (notes.size() < 20) notes.push_back(fmt::format("\"{}\" cut with \"...\" to {:.0f} px", text, room));
}

void same_line_if_fits(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

float labelled_width(float control_width, const char* label) {
  return control_width + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void text_wrapped_disabled(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

std::string fit_text(const std::string& text, float width, TextAudit* audit) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  if (audit != nullptr) audit->note_cut(text, width);
  const float dots = ImGui::CalcTextSize("...").x;
  std::size_t n = text.size();
  while (n > 0 && ImGui::CalcTextSize(text.c_str(), text.c_str() + n).x + dots > width) {
    --n;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0u) == 0x80u) --n;  // whole UTF-8 characters
  }
  return text.substr(0, n) + "...";
}

std::vector<std::string> wrap_text(const std::string& text, float width, int max_lines, TextAudit* audit) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size() && static_cast<int>(lines.size()) + 1 < max_lines) {
    // The longest run of whole words from `start` that fits.
    std::size_t end = start, probe = start;
    while (probe <= text.size()) {
      const std::size_t space = std::min(text.find(' ', probe), text.size());
      if (ImGui::CalcTextSize(text.c_str() + start, text.c_str() + space).x > width) break;
      end = space;
      probe = space + 1;
    }
    if (end == start || end >= text.size()) break;  // one word too long, or the rest fits
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (start < text.size() || lines.empty())
    lines.push_back(fit_text(text.substr(std::min(start, text.size())), width, audit));
  return lines;
}

SliderResult value_slider(const char* label, ImGuiDataType type, void* value, const void* lo, const void* hi,
                          const char* format, ImGuiSliderFlags flags, float width, TextAudit* audit) {
  SliderResult r;
  const ImGuiStyle& style = ImGui::GetStyle();
  auto text_of = [&](const void* v) {
    char buf[64];
    ImGui::DataTypeFormatString(buf, sizeof buf, type, v, format);
    return std::string(buf);
  };
  const std::string now = text_of(value);
  const float value_w = std::max({ImGui::CalcTextSize(text_of(lo).c_str()).x,
                                  ImGui::CalcTextSize(text_of(hi).c_str()).x, ImGui::CalcTextSize(now.c_str()).x});
  const float spacing = style.ItemInnerSpacing.x;
  const float frame_w = std::max(ImGui::GetFontSize() * 3, width - value_w - spacing);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(frame_w);
  // The frame draws no text of its own (it would sit on the grab), except while the
  // value is typed in (Ctrl+click).
  const bool typing = ImGui::TempInputIsActive(ImGui::GetID("##value"));
  if (!typing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0, 0, 0, 0});
  r.changed = ImGui::SliderScalar("##value", type, value, lo, hi, format, flags);
  if (!typing) ImGui::PopStyleColor();
  r.committed = ImGui::IsItemDeactivatedAfterEdit();
  r.hovered = ImGui::IsItemHovered();
  ImGui::SameLine(0, spacing);
  const std::string shown = text_of(value);
  ImGui::TextUnformatted(shown.c_str());
  r.hovered = r.hovered || ImGui::IsItemHovered();
  const char* shown_end = ImGui::FindRenderedTextEnd(label);
  if (shown_end != label) {
    // The label starts at the same place whatever the value's width.
    ImGui::SameLine(0, 0);
    ImGui::Dummy({std::max(0.0f, value_w - ImGui::CalcTextSize(shown.c_str()).x), 0});
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted(label, shown_end);
    r.hovered = r.hovered || ImGui::IsItemHovered();
  }
  (void)audit;  // the row's width is checked with its window (audit_windows)
  ImGui::PopID();
  return r;
}

bool collapsing_header(const char* title, ImGuiTreeNodeFlags flags, TextAudit* audit) {
  if (audit != nullptr) {
    // The arrow takes one font size and three paddings before the title; the frame
    // reaches half the window padding past the content region.
    const ImGuiStyle& s = ImGui::GetStyle();
    const float needed = ImGui::CalcTextSize(title, nullptr, true).x + ImGui::GetFontSize() + s.FramePadding.x * 3;
    audit->check(title, needed, ImGui::GetContentRegionAvail().x + s.WindowPadding.x * 0.5f);
  }
  return ImGui::CollapsingHeader(title, flags);
}

void check_combo_preview(const char* preview, float width, TextAudit* audit) {
  if (audit == nullptr) return;
  const float needed =
      ImGui::CalcTextSize(preview, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight();
  audit->check(preview, needed, width);
}

void audit_windows(TextAudit& audit) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->Active || w->Hidden || w->SkipItems || w->ScrollbarX) continue;
    // Tooltips and popups size themselves to their content.
    if ((w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_MenuBar)) != 0) continue;
    const float left = w->InnerClipRect.Min.x;
    audit.check(std::string("items of window ") + w->Name, w->DC.CursorMaxPos.x - left, w->InnerClipRect.Max.x - left);
  }
}

}  // namespace pw::viz
