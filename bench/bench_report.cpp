// Prints the benchmark results as a table or as JSON.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "bench/bench.hpp"

namespace pwbench {

namespace {

constexpr double kBusyCores = 0.05;  // warn when other processes used more than this

const Result* target_row(const std::vector<Result>& rows) {
  for (const auto& r : rows)
    if (r.people == kTargetPeople && r.threads == kTargetThreads) return &r;
  return nullptr;
}

// Do all thread counts of one size give the same weekly counts?
bool deterministic(const std::vector<Result>& rows) {
  std::map<int, std::uint64_t> first;
  for (const auto& r : rows) {
    auto [it, fresh] = first.emplace(r.people, r.checksum);
    if (!fresh && it->second != r.checksum) return false;
  }
  return true;
}

std::string host() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return fmt::format("{}, {} hardware threads", name, std::thread::hardware_concurrency());
}

}  // namespace

void print_table(const Options& o, const std::vector<Result>& rows) {
  std::cout << fmt::format("Pathways benchmark: {} | {} weeks | best of {} | {}\n", o.scenario, o.weeks, o.repeat,
                           host());
  std::cout << fmt::format("{:>9} {:>7} {:>8} {:>8} {:>10} {:>10} {:>9} {:>9} {:>10} {:>8}\n", "people", "threads",
                           "setup s", "loop s", "Mpw/s", "Mpw/s", "base RSS", "peak RSS", "bytes/", "speed-up");
  std::cout << fmt::format("{:>9} {:>7} {:>8} {:>8} {:>10} {:>10} {:>9} {:>9} {:>10} {:>8}\n", "", "", "", "", "(loop)",
                           "(total)", "MiB", "MiB", "person", "vs 1 thr");
  for (const auto& r : rows) {
    std::cout << fmt::format("{:>9} {:>7} {:>8.3f} {:>8.3f} {:>10.2f} {:>10.2f} {:>9.1f} {:>9.1f} {:>10.1f} {:>8}\n",
                             r.people, r.threads, r.setup_s, r.loop_s, r.mpw_loop(), r.mpw_total(), r.baseline_rss_mib,
                             r.peak_rss_mib, r.bytes_per_person,
                             r.speedup > 0 ? fmt::format("{:.2f}x", r.speedup) : std::string("-"));
  }
  std::cout << "Mpw/s = million person-weeks per second; bytes/person = (peak RSS - base RSS) / people.\n";
  for (const auto& r : rows) {
    std::cout << fmt::format(
        "Network phases at {} people, {} thread(s): {:.1f}% of the loop's CPU time "
        "(batch, serial: {:.2f} CPU s)\n",
        r.people, r.threads, 100.0 * r.network_share, r.network_batch_s);
  }
  for (const auto& r : rows) {
    if (r.other_cores > kBusyCores)
      std::cout << fmt::format(
          "WARNING: other processes used {:.2f} cores during the run at {} people, {} thread(s): "
          "its timings are pessimistic.\n",
          r.other_cores, r.people, r.threads);
  }
  std::cout << fmt::format("Weekly counts identical across thread counts: {}\n", deterministic(rows) ? "yes" : "NO");
  if (const Result* t = target_row(rows)) {
    const bool speed_ok = t->mpw_loop() >= kTargetMpw;
    const bool mem_ok = t->bytes_per_person <= kTargetBytesPerPerson;
    std::cout << fmt::format(
        "Target at {} people, {} threads: speed {:.2f} M person-weeks/s (target >= {:.0f}): {}; "
        "memory {:.0f} bytes/person at peak (target <= {:.0f}): {}\n",
        t->people, t->threads, t->mpw_loop(), kTargetMpw, speed_ok ? "MET" : "NOT MET", t->bytes_per_person,
        kTargetBytesPerPerson, mem_ok ? "MET" : "NOT MET");
  } else {
    std::cout << fmt::format("Target not checked: it needs a run at {} people with {} threads.\n", kTargetPeople,
                             kTargetThreads);
  }
}

void print_json(const Options& o, const std::vector<Result>& rows) {
  nlohmann::json j;
  j["scenario"] = o.scenario;
  j["weeks"] = o.weeks;
  j["repeat"] = o.repeat;
  j["host"] = host();
  j["runs"] = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json row = {{"people", r.people},
                          {"threads", r.threads},
                          {"weeks", r.weeks},
                          {"setup_s", r.setup_s},
                          {"loop_s", r.loop_s},
                          {"total_s", r.total_s},
                          {"mpw_per_s_loop", r.mpw_loop()},
                          {"mpw_per_s_total", r.mpw_total()},
                          {"baseline_rss_mib", r.baseline_rss_mib},
                          {"setup_rss_mib", r.setup_rss_mib},
                          {"peak_rss_mib", r.peak_rss_mib},
                          {"bytes_per_person", r.bytes_per_person},
                          {"other_processes_cores", r.other_cores},
                          {"network_cpu_share", r.network_share},
                          {"network_batch_s", r.network_batch_s},
                          {"checksum", fmt::format("{:016x}", r.checksum)}};
    row["speedup_vs_1_thread"] = r.speedup > 0 ? nlohmann::json(r.speedup) : nlohmann::json(nullptr);
    j["runs"].push_back(row);
  }
  j["deterministic_across_threads"] = deterministic(rows);
  nlohmann::json target = {{"people", kTargetPeople},
                           {"threads", kTargetThreads},
                           {"min_mpw_per_s_loop", kTargetMpw},
                           {"max_bytes_per_person", kTargetBytesPerPerson}};
  if (const Result* t = target_row(rows)) {
    target["mpw_per_s_loop"] = t->mpw_loop();
    target["bytes_per_person"] = t->bytes_per_person;
    target["speed_met"] = t->mpw_loop() >= kTargetMpw;
    target["memory_met"] = t->bytes_per_person <= kTargetBytesPerPerson;
  } else {
    target["measured"] = false;
  }
  j["target"] = target;
  std::cout << j.dump(2) << "\n";
}

}  // namespace pwbench
