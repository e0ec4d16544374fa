// The window, OpenGL 3 context and Dear ImGui set-up (GLFW + the imgui OpenGL3
// backend), and the per-frame begin/end. Also the PNG screenshot: the back
// buffer is read with glReadPixels before glfwSwapBuffers (see
// ../shared/DEPENDENCIES.md §4), rows flipped, written with stb_image_write.
//
// Runs on the UI (main) thread only. Works under Xvfb with Mesa llvmpipe.
#pragma once

#include <filesystem>
#include <string>

struct GLFWwindow;

namespace pw::viz {

class GlWindow {
 public:
  // Throws std::runtime_error when GLFW or the GL context cannot start (no DISPLAY).
  // `ini_file`: where ImGui keeps the window layout; empty: not saved.
  GlWindow(int width, int height, const std::string& title, const std::string& ini_file, bool vsync);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  [[nodiscard]] bool should_close() const;
  // `idle`: nothing moves, so wait (up to a quarter second) for input instead of spinning.
  void begin_frame(bool idle = false);
  // Renders the ImGui frame; if `screenshot` is not empty, writes the frame to
  // it before swapping. Returns false if the screenshot could not be written.
  bool end_frame(const std::filesystem::path& screenshot = {});
  [[nodiscard]] std::string renderer() const;
  // The framebuffer's size in pixels (fonts are sized from it).
  void framebuffer_size(int& width, int& height) const;
  // Uploads ImGui's font atlas again after it was rebuilt; call between frames.
  void reload_font_texture();
  // Headless runs: keeps the pointer out of the way so no hover read-out shows in screenshots.
  void park_cursor();

 private:
  GLFWwindow* window_ = nullptr;
  std::string ini_file_;
};

// Reads the current GL_BACK buffer (width x height RGBA) and writes a PNG.
bool write_back_buffer_png(const std::filesystem::path& file, int width, int height);

}  // namespace pw::viz
