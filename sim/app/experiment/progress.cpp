#include "sim/app/experiment/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace pw {

Progress::Progress(std::string label, long total, long already_done, bool enabled)
    : label_(std::move(label)),
      total_(total),
      start_done_(already_done),
      drawing_(enabled && isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {
  if (drawing_) update(already_done);
}

Progress::~Progress() { finish(); }

std::string Progress::format_duration(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  const long t = std::lround(s);
  if (t >= 3600) return fmt::format("{}h{:02d}m", t / 3600, (t % 3600) / 60);
  if (t >= 60) return fmt::format("{}m{:02d}s", t / 60, t % 60);
  return fmt::format("{}s", t);
}

void Progress::update(long done) {
  if (!drawing_ || finished_) return;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const long here = done - start_done_;
  std::string rate = "-", eta = "-";
  if (here > 0 && secs > 0) {
    const double per_min = 60.0 * static_cast<double>(here) / secs;
    rate = fmt::format("{:.1f}/min", per_min);
    eta = format_duration(static_cast<double>(total_ - done) * secs / static_cast<double>(here));
  }
  std::fprintf(stderr, "\r  %s %ld/%ld  %s  elapsed %s  ETA %s   ", label_.c_str(), done, total_, rate.c_str(),
               format_duration(secs).c_str(), eta.c_str());
  std::fflush(stderr);
}

void Progress::finish() {
  if (drawing_ && !finished_) {
    std::fputc('\n', stderr);
    std::fflush(stderr);
  }
  finished_ = true;
}

}  // namespace pw
