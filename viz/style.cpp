#include "viz/style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace pw::viz {

namespace {
constexpr const char* kFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

FontSizes font_sizes(int framebuffer_width, int framebuffer_height) {
  // The smaller of 1/40 of the height and 1/64 of the width (a narrow window), whole pixels.
  const float base =
      std::min(static_cast<float>(framebuffer_height) / 40.0f, static_cast<float>(framebuffer_width) / 64.0f);
  FontSizes f;
  f.normal = std::round(std::clamp(base, 15.0f, 48.0f));
  f.large = std::round(std::clamp(base * 4.0f / 3.0f, 20.0f, 64.0f));
  return f;
}

Look load_fonts(FontSizes sizes) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Look look;
  look.sizes = sizes;
  if (std::filesystem::exists(kFontFile)) {
    look.normal = io.Fonts->AddFontFromFileTTF(kFontFile, sizes.normal);
    look.large = io.Fonts->AddFontFromFileTTF(kFontFile, sizes.large);
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
  // Paddings and spacings grow with the type, more slowly than it (room stays for the text).
  const float font = presentation ? look.sizes.large : look.sizes.normal;
  style.ScaleAllSizes(std::sqrt(std::max(1.0f, font / 16.0f)));
}

namespace {
// Cool hues for A (and every single-run chart), warm ones for B; a darker set on
// white for contrast. Entry n of each set has about the same lightness.
constexpr ImU32 kCoolOnDark[] = {
    IM_COL32(86, 180, 233, 255),  IM_COL32(0, 170, 120, 255),   IM_COL32(165, 125, 255, 255),
    IM_COL32(200, 200, 200, 255), IM_COL32(40, 100, 235, 255),  IM_COL32(140, 220, 120, 255),
    IM_COL32(0, 215, 215, 255),   IM_COL32(215, 185, 255, 255), IM_COL32(120, 140, 175, 255),
    IM_COL32(60, 135, 70, 255),   IM_COL32(175, 215, 255, 255), IM_COL32(120, 70, 210, 255)};
constexpr ImU32 kWarmOnDark[] = {
    IM_COL32(240, 150, 0, 255),   IM_COL32(230, 90, 40, 255),   IM_COL32(240, 228, 66, 255),
    IM_COL32(255, 140, 140, 255), IM_COL32(215, 110, 170, 255), IM_COL32(180, 115, 60, 255),
    IM_COL32(255, 70, 70, 255),   IM_COL32(255, 200, 140, 255), IM_COL32(235, 80, 190, 255),
    IM_COL32(200, 160, 40, 255),  IM_COL32(170, 45, 45, 255),   IM_COL32(165, 150, 40, 255)};
constexpr ImU32 kCoolOnLight[] = {
    IM_COL32(0, 90, 181, 255),   IM_COL32(0, 125, 85, 255),  IM_COL32(100, 40, 180, 255), IM_COL32(70, 70, 70, 255),
    IM_COL32(0, 140, 165, 255),  IM_COL32(60, 150, 40, 255), IM_COL32(30, 30, 130, 255),  IM_COL32(135, 105, 205, 255),
    IM_COL32(90, 110, 140, 255), IM_COL32(0, 70, 40, 255),   IM_COL32(70, 140, 220, 255), IM_COL32(150, 60, 200, 255)};
constexpr ImU32 kWarmOnLight[] = {IM_COL32(215, 100, 0, 255),  IM_COL32(190, 0, 30, 255),   IM_COL32(160, 120, 0, 255),
                                  IM_COL32(200, 50, 120, 255), IM_COL32(130, 60, 20, 255),  IM_COL32(235, 60, 0, 255),
                                  IM_COL32(150, 0, 90, 255),   IM_COL32(200, 130, 60, 255), IM_COL32(120, 0, 0, 255),
                                  IM_COL32(220, 90, 90, 255),  IM_COL32(150, 130, 0, 255),  IM_COL32(240, 140, 0, 255)};
constexpr std::size_t kPalette = sizeof kCoolOnDark / sizeof kCoolOnDark[0];
}  // namespace

ImU32 series_colour(std::size_t n, bool presentation) {
  return presentation ? kCoolOnLight[n % kPalette] : kCoolOnDark[n % kPalette];
}

ImU32 b_series_colour(std::size_t n, bool presentation) {
  return presentation ? kWarmOnLight[n % kPalette] : kWarmOnDark[n % kPalette];
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
