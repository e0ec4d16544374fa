// Measures one configuration in fresh child processes: fork, build the
// simulation, run it, and send the timings and memory figures back through a
// pipe. A fresh process per run makes the peak RSS that of this simulation
// alone. The parent never starts TBB threads, so forking is safe.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>

#include "bench/bench.hpp"
#include "models/population/profile.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/engine/core/parallel.hpp"

namespace pwbench {

namespace {

// What a child sends to its parent (plain bytes through a pipe).
struct Sample {
  int ok = 0;
  int weeks = 0;
  double setup_s = 0, loop_s = 0;
  long baseline_kib = 0, setup_kib = 0, peak_kib = 0;
  std::uint64_t checksum = 0;
  double other_cores = 0;  // CPU used by other processes during the run, in cores
  double loop_cpu_s = 0, network_cpu_s = 0, network_batch_s = 0;
  char error[480] = {};
};

// A "Name:   123 kB" line of /proc/self/status, in KiB; -1 when absent.
long status_kib(const char* name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(name);
  while (std::getline(in, line)) {
    if (line.compare(0, n, name) == 0 && line.size() > n && line[n] == ':') return std::stol(line.substr(n + 1));
  }
  return -1;
}

// Busy CPU seconds of the whole machine (all processes), from /proc/stat.
double machine_busy_s() {
  std::ifstream in("/proc/stat");
  std::string cpu;
  unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  if (!(in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal)) return 0;
  return static_cast<double>(user + nice + system + irq + softirq + steal) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU seconds used by this process so far.
double own_cpu_s() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

std::uint64_t checksum(const std::vector<pw::WeekCounts>& weeks) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over every count of every week
  for (const auto& w : weeks) {
    for (const auto& f : pw::WeekCounts::kFields) {
      auto v = static_cast<std::uint64_t>(w.*(f.member));
      for (int b = 0; b < 8; ++b) {
        h ^= (v >> (8 * b)) & 0xffU;
        h *= 1099511628211ULL;
      }
    }
  }
  return h;
}

Sample run_child(const pw::ModelParams& params, const pw::PopulationProfile& profile, int threads) {
  using clock = std::chrono::steady_clock;
  Sample s;
  try {
    // Reset the high-water mark to the current RSS (Linux >= 4.0); harmless if refused.
    if (std::FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
      std::fputs("5", f);
      std::fclose(f);
    }
    s.baseline_kib = status_kib("VmRSS");
    const double busy0 = machine_busy_s(), own0 = own_cpu_s();
    const auto t0 = clock::now();
    pw::Parallel par(threads);
    pw::Simulation sim(params, profile, 0, par);
    const auto t1 = clock::now();
    s.setup_kib = status_kib("VmRSS");
    sim.enable_network_timing();
    const double own_loop0 = own_cpu_s();
    sim.run_to_end();
    const auto t2 = clock::now();
    const double busy1 = machine_busy_s(), own1 = own_cpu_s();
    s.loop_cpu_s = own1 - own_loop0;
    s.network_cpu_s =
        1e-9 * static_cast<double>(sim.network_timing()->per_person_ns.load() + sim.network_timing()->batch_ns);
    s.network_batch_s = 1e-9 * static_cast<double>(sim.network_timing()->batch_ns);
    s.peak_kib = status_kib("VmHWM");
    if (s.peak_kib < 0) {
      rusage ru{};
      getrusage(RUSAGE_SELF, &ru);
      s.peak_kib = ru.ru_maxrss;  // KiB on Linux
    }
    s.setup_s = std::chrono::duration<double>(t1 - t0).count();
    s.loop_s = std::chrono::duration<double>(t2 - t1).count();
    s.other_cores = std::max(0.0, (busy1 - busy0) - (own1 - own0)) / std::chrono::duration<double>(t2 - t0).count();
    s.weeks = sim.week();
    s.checksum = checksum(sim.weekly());
    s.ok = 1;
  } catch (const std::exception& e) {
    std::snprintf(s.error, sizeof s.error, "%s", e.what());
  }
  return s;
}

Sample fork_and_run(const pw::ModelParams& params, const pw::PopulationProfile& profile, int threads) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    const Sample s = run_child(params, profile, threads);
    const char* p = reinterpret_cast<const char*>(&s);
    std::size_t left = sizeof s;
    while (left > 0) {
      const ssize_t w = write(fds[1], p, left);
      if (w <= 0) _exit(3);
      p += w;
      left -= static_cast<std::size_t>(w);
    }
    close(fds[1]);
    _exit(0);  // skip destructors: the process is done
  }
  close(fds[1]);
  Sample s;
  char* p = reinterpret_cast<char*>(&s);
  std::size_t got = 0;
  while (got < sizeof s) {
    const ssize_t r = read(fds[0], p + got, sizeof s - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<std::size_t>(r);
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got != sizeof s) {
    std::string why = WIFSIGNALED(status) ? "killed by signal " + std::to_string(WTERMSIG(status))
                                          : "exit status " + std::to_string(WEXITSTATUS(status));
    throw std::runtime_error("benchmark child died without reporting (" + why + ")");
  }
  if (s.ok == 0) throw std::runtime_error(std::string("benchmark child failed: ") + s.error);
  return s;
}

}  // namespace

Result measure(const Options& o, int people, int threads) {
  std::vector<std::string> sets = o.sets;
  sets.push_back("simulation.people=" + std::to_string(people));
  sets.push_back("simulation.horizon=" + std::to_string(o.weeks) + "w");
  const pw::LoadedScenario loaded = pw::load_scenario(o.scenario, sets);
  const pw::PopulationProfile profile = pw::read_profile(loaded.params.population.profile_file);

  Result r;
  r.people = people;
  r.threads = threads;
  for (int rep = 0; rep < o.repeat; ++rep) {
    const Sample s = fork_and_run(loaded.params, profile, threads);
    if (rep == 0) {
      r.weeks = s.weeks;
      r.setup_s = s.setup_s;
      r.loop_s = s.loop_s;
      r.total_s = s.setup_s + s.loop_s;
      r.baseline_rss_mib = s.baseline_kib / 1024.0;
      r.checksum = s.checksum;
    } else if (s.checksum != r.checksum) {
      throw std::runtime_error("results differ between repeats of the same configuration");
    }
    r.setup_s = std::min(r.setup_s, s.setup_s);
    if (rep == 0 || s.loop_s < r.loop_s) r.other_cores = s.other_cores;  // interference in the best loop
    if (rep == 0 || s.loop_s < r.loop_s) {
      r.network_share = s.loop_cpu_s > 0 ? s.network_cpu_s / s.loop_cpu_s : 0.0;
      r.network_batch_s = s.network_batch_s;
    }
    r.loop_s = std::min(r.loop_s, s.loop_s);
    r.total_s = std::min(r.total_s, s.setup_s + s.loop_s);
    r.setup_rss_mib = std::max(r.setup_rss_mib, s.setup_kib / 1024.0);
    r.peak_rss_mib = std::max(r.peak_rss_mib, s.peak_kib / 1024.0);
    r.baseline_rss_mib = std::min(r.baseline_rss_mib, s.baseline_kib / 1024.0);
  }
  r.bytes_per_person = (r.peak_rss_mib - r.baseline_rss_mib) * 1024.0 * 1024.0 / people;
  return r;
}

}  // namespace pwbench
