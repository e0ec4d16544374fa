// pathways-viewer: the Dear ImGui front end (issue 8). Live mode runs a
// scenario on worker threads; replay mode opens a results file. With --frames N
// it renders N frames and exits (for tests and documentation), printing the
// frame times; --screenshot writes the last frame as a PNG.
//
// Exit codes: 0 success, 2 bad input (options, scenario, results file),
// 1 no display / GL context or a failed screenshot, 3 --check-text found text
// that does not fit its box.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <thread>

#include "sim/engine/params/scenario_loader.hpp"
#include "viz/app.hpp"
#include "viz/gl_window.hpp"
#include "viz/style.hpp"
#include "viz/viewer_options.hpp"

namespace {
// Ctrl-C or a kill ends the frame loop cleanly, so the window layout is saved.
volatile std::sig_atomic_t g_stop = 0;
void request_stop(int) { g_stop = 1; }
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  using namespace pw::viz;
  const ViewerOptions options = parse_viewer_options(argc, argv);
  // Load the input first: a bad scenario or results file exits 2 even without a display.
  std::unique_ptr<App> app;
  try {
    app = std::make_unique<App>(options);
  } catch (const pw::ScenarioError& e) {
    for (const auto& issue : e.issues()) std::fprintf(stderr, "pathways-viewer: %s\n", issue.to_string().c_str());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pathways-viewer: %s\n", e.what());
    return 2;
  }
  std::unique_ptr<GlWindow> window;
  try {
    window = std::make_unique<GlWindow>(options.width, options.height, "Pathways viewer",
                                        options.frames > 0 ? std::string() : layout_file(), options.vsync);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pathways-viewer: %s\n", e.what());
    return 1;
  }
  // Fonts follow the framebuffer's size (style.hpp): loaded now, rebuilt between frames when it changes.
  auto fit_fonts = [&](bool presentation, bool upload) {
    int w = 0, h = 0;
    window->framebuffer_size(w, h);
    const FontSizes wanted = font_sizes(w, h);
    if (app->look.normal != nullptr && wanted == app->look.sizes) return;
    app->look = load_fonts(wanted);
    if (upload) window->reload_font_texture();
    apply_look(app->look, presentation);
  };
  fit_fonts(options.presentation, false);
  try {
    app->prepare_headless();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pathways-viewer: %s\n", e.what());
    return 2;
  }
  if (options.frames > 0) std::fprintf(stderr, "pathways-viewer: renderer %s\n", window->renderer().c_str());

  using clock = std::chrono::steady_clock;
  auto last = clock::now();
  int frame = 0;
  bool ok = true;
  double build_ms = 0, render_ms = 0;  // UI building (CPU) and GL rendering + swap, after the first 5 frames
  while (g_stop == 0 && !window->should_close() && (options.frames == 0 || frame < options.frames)) {
    if (options.frames > 0) window->park_cursor();
    // Interactive: at most 60 frames a second (Xvfb and some drivers ignore
    // vsync), and no frames at all while nothing moves and nobody touches.
    const bool interactive = options.frames == 0;
    if (interactive) {
      const auto next = last + std::chrono::microseconds(16667);
      if (clock::now() < next) std::this_thread::sleep_until(next);
    }
    fit_fonts(app->look.presentation, true);
    window->begin_frame(interactive && frame > 2 && !app->animating());
    const auto now = clock::now();
    app->frame(std::chrono::duration<double, std::milli>(now - last).count());
    last = now;
    ++frame;
    const bool last_frame = options.frames > 0 && frame == options.frames;
    const auto built = clock::now();
    ok = window->end_frame(last_frame ? options.screenshot : std::filesystem::path{}) && ok;
    if (frame > 5) {
      build_ms += std::chrono::duration<double, std::milli>(built - now).count();
      render_ms += std::chrono::duration<double, std::milli>(clock::now() - built).count();
    }
  }
  if (options.frames > 0) {
    const auto& s = app->stats();
    // The first frames compile shaders and build the font atlas: leave out 5.
    std::fprintf(stderr,
                 "pathways-viewer: %d frames; after the first 5: mean %.1f ms (%.0f fps), 95th percentile %.1f ms\n",
                 frame, s.mean(5), s.mean(5) > 0 ? 1000.0 / s.mean(5) : 0.0, s.percentile(0.95, 5));
    if (frame > 5) {
      std::fprintf(stderr, "pathways-viewer: per frame, building the UI %.1f ms, rendering and swapping %.1f ms\n",
                   build_ms / (frame - 5), render_ms / (frame - 5));
    }
    if (app->a) {
      const auto st = app->a->status();
      std::fprintf(stderr, "pathways-viewer: simulation at week %d of %d, last step %.0f ms for all replicates\n",
                   st.week, st.horizon, st.ms_per_week);
    }
  }
  if (options.frames > 0) {
    // Text that did not fit its box in the last frame (viz/layout.hpp).
    const auto& audit = app->audit;
    std::fprintf(stderr, "pathways-viewer: text check: %d clipped, %d cut with \"...\"\n", audit.clipped, audit.cut);
    for (const auto& note : audit.notes) std::fprintf(stderr, "pathways-viewer:   %s\n", note.c_str());
    if (options.check_text && audit.total() > 0) {
      std::fprintf(stderr, "pathways-viewer: --check-text: %d labels do not fit\n", audit.total());
      return 3;
    }
  }
  if (!ok) {
    std::fprintf(stderr, "pathways-viewer: cannot write the screenshot %s\n", options.screenshot.string().c_str());
    return 1;
  }
  if (!options.screenshot.empty())
    std::fprintf(stderr, "pathways-viewer: wrote %s\n", options.screenshot.string().c_str());
  return 0;
}
