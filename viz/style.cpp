#include "viz/style.hpp"

#include <cstdlib>
#include <filesystem>

namespace pw::viz {

namespace {
constexpr const char* kFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

Look load_fonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  Look look;
  if (std::filesystem::exists(kFontFile)) {
    look.normal = io.Fonts->AddFontFromFileTTF(kFontFile, 16.0f * scale);
    look.large = io.Fonts->AddFontFromFileTTF(kFontFile, 27.0f * scale);
  }
  if (look.normal == nullptr) look.normal = io.Fonts->AddFontDefault();
  if (look.large == nullptr) look.large = look.normal;
  return look;
}

void apply_look(Look& look, bool presentation) {
  look.presentation = presentation;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGuiIO& io = ImGui::GetIO();
  if (presentation) {
    ImGui::StyleColorsLight(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = {0, 0, 0, 1};
    c[ImGuiCol_TextDisabled] = {0.15f, 0.15f, 0.15f, 1};
    c[ImGuiCol_WindowBg] = {1, 1, 1, 1};
    c[ImGuiCol_ChildBg] = {1, 1, 1, 1};
    c[ImGuiCol_FrameBg] = {0.97f, 0.97f, 0.97f, 1};
    c[ImGuiCol_Border] = {0, 0, 0, 0.8f};
    c[ImGuiCol_TitleBgActive] = {0.1f, 0.1f, 0.35f, 1};
    c[ImGuiCol_TitleBg] = {0.25f, 0.25f, 0.45f, 1};
    c[ImGuiCol_Button] = {0.80f, 0.85f, 1.0f, 1};
    c[ImGuiCol_Tab] = {0.80f, 0.85f, 1.0f, 1};
    c[ImGuiCol_TabActive] = {0.35f, 0.45f, 0.95f, 1};
    style.WindowBorderSize = 2.0f;
    style.FrameBorderSize = 1.0f;
    io.FontDefault = look.large;
  } else {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_FrameBg] = {0.11f, 0.13f, 0.17f, 1};
    io.FontDefault = look.normal;
  }
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
}

ImU32 series_colour(std::size_t n, bool presentation) {
  // Okabe-Ito first, then Tableau-like extras; a darker set on white for contrast.
  static const ImU32 dark_bg[] = {
      IM_COL32(86, 180, 233, 255), IM_COL32(230, 159, 0, 255),   IM_COL32(0, 158, 115, 255),
      IM_COL32(240, 228, 66, 255), IM_COL32(204, 121, 167, 255), IM_COL32(213, 94, 0, 255),
      IM_COL32(0, 114, 178, 255),  IM_COL32(200, 200, 200, 255), IM_COL32(160, 120, 255, 255),
      IM_COL32(140, 86, 75, 255),  IM_COL32(120, 220, 120, 255), IM_COL32(255, 130, 130, 255)};
  static const ImU32 light_bg[] = {
      IM_COL32(0, 90, 181, 255),  IM_COL32(200, 100, 0, 255), IM_COL32(0, 120, 80, 255),  IM_COL32(150, 0, 150, 255),
      IM_COL32(180, 0, 30, 255),  IM_COL32(90, 60, 0, 255),   IM_COL32(0, 0, 0, 255),     IM_COL32(100, 100, 100, 255),
      IM_COL32(80, 40, 200, 255), IM_COL32(0, 140, 140, 255), IM_COL32(120, 120, 0, 255), IM_COL32(220, 60, 120, 255)};
  return presentation ? light_bg[n % 12] : dark_bg[n % 12];
}

std::string layout_file() {
  std::filesystem::path dir;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x != nullptr && *x != '\0') {
    dir = std::filesystem::path(x) / "pathways";
  } else if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    dir = std::filesystem::path(h) / ".config" / "pathways";
  } else {
    return "";
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? "" : (dir / "imgui.ini").string();
}

}  // namespace pw::viz
