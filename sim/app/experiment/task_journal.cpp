#include "sim/app/experiment/task_journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pw {

void fsync_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot open to sync", path.string()));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw std::runtime_error(fmt::format("{}: fsync failed", path.string()));
}

void write_file_atomically(const std::filesystem::path& path, const std::string& bytes) {
  const auto part = partial_file(path);
  const auto failed = [&](const std::string& doing, int err) {
    std::error_code ec;
    std::filesystem::remove(part, ec);
    throw WriteFailure(fmt::format(
        "{}: {} failed: {}; {}", path.string(), doing, std::strerror(err),
        std::filesystem::exists(path, ec) ? "the earlier file is intact" : "nothing was written under that name"));
  };
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) failed("creating " + part.string(), errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      failed("writing", err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    failed("syncing", err);
  }
  if (::close(fd) != 0) failed("closing", errno);
  std::error_code ec;
  std::filesystem::rename(part, path, ec);
  if (ec) failed("renaming", ec.value());
}

std::string read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read", path.string()));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TaskJournal::TaskJournal(const std::filesystem::path& output, std::string kind, std::string inputs_hash, int tasks,
                         bool restart, std::string extension)
    : dir_(output.string() + ".tasks"),
      extension_(std::move(extension)),
      done_(static_cast<std::size_t>(tasks), false) {
  const auto manifest = dir_ / "experiment.json";
  // One process at a time per output; the lock dies with its process, even on kill -9.
  lock_ = std::make_unique<OutputLock>(output);
  std::filesystem::create_directories(dir_);
  if (restart) {
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      if (e.path().filename() != "lock") std::filesystem::remove_all(e.path());
    }
  }
  if (std::filesystem::exists(manifest)) {
    nlohmann::json m;
    try {
      m = nlohmann::json::parse(read_file_bytes(manifest));
    } catch (const nlohmann::json::exception& e) {
      throw ExperimentInputError(fmt::format("{}: unreadable journal manifest ({}); delete {} or pass --restart",
                                             manifest.string(), e.what(), dir_.string()));
    }
    if (m.value("inputs_hash", std::string()) != inputs_hash || m.value("kind", std::string()) != kind ||
        m.value("tasks", -1) != tasks) {
      throw ExperimentInputError(fmt::format(
          "{}: an unfinished {} experiment with different inputs is in this journal (inputs hash {}, {} tasks; now {} "
          "{} tasks): the scenarios, options or program changed since it started. Rerun the original command to "
          "finish it, write elsewhere with -o, or pass --restart to discard it",
          dir_.string(), m.value("kind", std::string("?")), m.value("inputs_hash", std::string("?")),
          m.value("tasks", -1), inputs_hash, tasks));
    }
  } else {
    const nlohmann::json m = {{"inputs_hash", inputs_hash}, {"kind", kind}, {"tasks", tasks}};
    write_file_atomically(manifest, m.dump(2) + "\n");
  }
  // Stray .part files are tasks interrupted while being written: redo them.
  // Finished tasks are found by one pass over the directory (a calibration's
  // journal can index millions of possible tasks, few of them run).
  std::vector<std::filesystem::path> parts;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    const std::string name = e.path().filename().string();
    if (name.find(".part") != std::string::npos || name == "lock") {
      parts.push_back(e.path());
      continue;
    }
    if (!name.starts_with("task_") || !name.ends_with(extension_)) continue;
    const std::string number = name.substr(5, name.size() - 5 - extension_.size());
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 10) continue;
    const long long t = std::stoll(number);
    if (t < tasks) done_[static_cast<std::size_t>(t)] = true;
  }
  for (const auto& p : parts) std::filesystem::remove(p);
}

std::filesystem::path TaskJournal::task_path(int task) const {
  return dir_ / fmt::format("task_{}{}", task, extension_);
}

int TaskJournal::done_count() const {
  int n = 0;
  for (const bool d : done_) n += d ? 1 : 0;
  return n;
}

std::vector<int> TaskJournal::pending() const {
  std::vector<int> out;
  for (int t = 0; t < tasks(); ++t) {
    if (!done(t)) out.push_back(t);
  }
  return out;
}

void TaskJournal::mark_done(int task) { done_.at(static_cast<std::size_t>(task)) = true; }

void TaskJournal::store(int task, const std::string& bytes) {
  write_file_atomically(task_path(task), bytes);
  mark_done(task);
}

void TaskJournal::remove() { std::filesystem::remove_all(dir_); }

TaskJournal::~TaskJournal() = default;

}  // namespace pw
