// A one-line progress meter for long work: done/total, rate and ETA on stderr.
//
// It draws only when stderr is a terminal (isatty), so logs and pipes stay
// clean; `enabled = false` silences it outright. Units: tasks (whatever the
// caller counts) and seconds of wall time since construction. Call update()
// after each finished unit of work; finish() ends the line.
#pragma once

#include <chrono>
#include <string>

namespace pw {

class Progress {
 public:
  // `already_done` counts work finished before this process (a resumed experiment):
  // it is shown in done/total but not in the rate.
  Progress(std::string label, long total, long already_done = 0, bool enabled = true);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(long done);
  void finish();
  // For work whose size is learnt as it goes (an ABC generation): a new label
  // and total for the next update(); the rate and ETA keep counting from the start.
  void set_label(std::string label) { label_ = std::move(label); }
  void set_total(long total) { total_ = total; }
  [[nodiscard]] bool drawing() const { return drawing_; }

  // "1h02m", "3m05s", "12s".
  static std::string format_duration(double seconds);

 private:
  std::string label_;
  long total_, start_done_;
  bool drawing_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace pw
