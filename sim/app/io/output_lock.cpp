#include "sim/app/io/output_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "sim/app/io/io_errors.hpp"

namespace pw {

namespace {
// The pid written in a lock file by its holder, or "" when unreadable.
std::string holder_of(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return {};
  std::string s(buf, static_cast<std::size_t>(n));
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}
}  // namespace

OutputLock::OutputLock(const std::filesystem::path& output) : output_(output) {
  std::error_code ec;
  if (output_.has_parent_path()) std::filesystem::create_directories(output_.parent_path(), ec);
  const auto lock = lock_path();
  // The holder removes the lock file when done: a file opened just before that
  // is locked in vain, so the lock counts only if it is still the file at the path.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(lock.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd < 0) {
      throw InputProblem(
          fmt::format("{}: cannot create the lock file {}: {}", output_.string(), lock.string(), std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const std::string pid = holder_of(fd);
      ::close(fd);
      throw InputProblem(fmt::format(
          "{}: another pathways process{} is writing this output (it holds {}); wait for it to finish, or write "
          "elsewhere with -o",
          output_.string(), pid.empty() ? std::string() : " (pid " + pid + ")", lock.string()));
    }
    struct stat held {
    }, now{};
    if (::fstat(fd, &held) == 0 && ::stat(lock.c_str(), &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev) {
      fd_ = fd;
      break;
    }
    ::close(fd);
  }
  if (fd_ < 0) throw InputProblem(fmt::format("{}: cannot take the lock {}", output_.string(), lock.string()));
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only for the message of a refused second process.
  }
  // Partial files of writers that were killed: nobody else can be writing them now.
  const std::string prefix = output_.filename().string() + ".part";
  const auto folder = output_.parent_path().empty() ? std::filesystem::path(".") : output_.parent_path();
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name == prefix || name.starts_with(prefix + ".")) std::filesystem::remove(e.path(), ec);
  }
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Unlinked while still held, so no process can lock this file after us.
  std::error_code ec;
  std::filesystem::remove(lock_path(), ec);
  ::close(fd_);
}

std::filesystem::path partial_file(const std::filesystem::path& file) {
  return file.string() + ".part." + std::to_string(::getpid());
}

std::filesystem::path OutputLock::lock_path() const { return output_.string() + ".lock"; }

}  // namespace pw
