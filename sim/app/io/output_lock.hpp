// One writer per output file. A process that writes <output> (a `pathways run`,
// or a whole compare, sweep or calibrate together with its task journal) holds
// an flock on "<output>.lock" from before the first simulation until the file
// is in place, and writes its partial file under a name of its own,
// "<output>.part.<pid>". A second process on the same output is refused at
// once (InputProblem, exit code 2) naming the process that holds it, so
// neither can corrupt the other's file. The lock dies with its process, even
// on kill -9; a lock file left by a killed process is simply locked again.
// Taking the lock removes partial files of earlier, killed writers.
#pragma once

#include <filesystem>

namespace pw {

class OutputLock {
 public:
  // Creates the output's folder if needed. Throws InputProblem when another
  // process holds the lock, or the lock file cannot be made.
  explicit OutputLock(const std::filesystem::path& output);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  [[nodiscard]] const std::filesystem::path& output() const { return output_; }
  [[nodiscard]] std::filesystem::path lock_path() const;

 private:
  std::filesystem::path output_;
  int fd_ = -1;
};

// "<file>.part.<pid>": the partial file this process writes before renaming it to `file`.
std::filesystem::path partial_file(const std::filesystem::path& file);

}  // namespace pw
