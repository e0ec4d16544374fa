#include "viz/gl_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace pw::viz {

namespace {
void glfw_error(int code, const char* message) {
  std::fprintf(stderr, "pathways-viewer: GLFW error %d: %s\n", code, message);
}
}  // namespace

GlWindow::GlWindow(int width, int height, const std::string& title, const std::string& ini_file, bool vsync)
    : ini_file_(ini_file) {
  glfwSetErrorCallback(glfw_error);
  if (glfwInit() == GLFW_FALSE)
    throw std::runtime_error("cannot start GLFW (is DISPLAY set? use xvfb-run for headless runs)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (window_ == nullptr) {
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.3 window");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(vsync ? 1 : 0);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = ini_file_.empty() ? nullptr : ini_file_.c_str();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

GlWindow::~GlWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool GlWindow::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void GlWindow::begin_frame(bool idle) {
  if (idle) {
    glfwWaitEventsTimeout(0.25);
  } else {
    glfwPollEvents();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

bool GlWindow::end_frame(const std::filesystem::path& screenshot) {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  bool ok = true;
  if (!screenshot.empty()) ok = write_back_buffer_png(screenshot, w, h);
  glfwSwapBuffers(window_);
  return ok;
}

void GlWindow::framebuffer_size(int& width, int& height) const { glfwGetFramebufferSize(window_, &width, &height); }

void GlWindow::reload_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void GlWindow::park_cursor() { glfwSetCursorPos(window_, 2, 2); }

std::string GlWindow::renderer() const {
  const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const auto* v = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return std::string(r ? r : "?") + " / OpenGL " + (v ? v : "?");
}

bool write_back_buffer_png(const std::filesystem::path& file, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // Opaque: the alpha of the cleared framebuffer is not meaningful in a PNG.
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  stbi_flip_vertically_on_write(1);
  return stbi_write_png(file.string().c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

}  // namespace pw::viz
