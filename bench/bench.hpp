// Shared declarations of the pathways-bench program (speed and memory, not a test).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pwbench {

struct Options {
  std::string scenario = "scenarios/baseline.toml";
  std::vector<int> people = {100000, 1000000};
  std::vector<int> threads = {1, 2};
  int weeks = 260;
  int repeat = 1;
  bool json = false;
  std::vector<std::string> sets;  // extra --set path=value overrides
};

// One measured configuration (best of `repeat` runs, each in a fresh process).
struct Result {
  int people = 0;
  int threads = 0;
  int weeks = 0;                // weeks actually simulated
  double setup_s = 0;           // best construction time
  double loop_s = 0;            // best run_to_end() time
  double total_s = 0;           // best setup + loop of one run
  double baseline_rss_mib = 0;  // child RSS before the simulation was built
  double setup_rss_mib = 0;     // RSS right after construction
  double peak_rss_mib = 0;      // VmHWM at the end (max over repeats)
  double bytes_per_person = 0;  // (peak - baseline) / people
  std::uint64_t checksum = 0;   // hash of every weekly count (same for every thread count)
  double other_cores = 0;       // CPU used by other processes during the (best) run, in cores
  double speedup = 0;           // loop time of 1 thread / this loop time (0: no 1-thread row)
  double network_share = 0;     // CPU time in the network phases / CPU time of the loop (best run)
  double network_batch_s = 0;   // CPU time of the network batch (serial), seconds

  [[nodiscard]] double person_weeks() const { return double(people) * weeks; }
  [[nodiscard]] double mpw_loop() const { return person_weeks() / loop_s / 1e6; }
  [[nodiscard]] double mpw_total() const { return person_weeks() / total_s / 1e6; }
};

// Runs one configuration `repeat` times, each in a forked child. Throws std::runtime_error.
Result measure(const Options& o, int people, int threads);

// Output.
void print_table(const Options& o, const std::vector<Result>& rows);
void print_json(const Options& o, const std::vector<Result>& rows);

// Targets: >= 50 M person-weeks/s (loop) on 2 threads at 1M people; <= 1 KiB per person at peak.
inline constexpr double kTargetMpw = 50.0;
inline constexpr double kTargetBytesPerPerson = 1024.0;
inline constexpr int kTargetPeople = 1000000;
inline constexpr int kTargetThreads = 2;

}  // namespace pwbench
