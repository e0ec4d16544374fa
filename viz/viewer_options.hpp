// Command line of pathways-viewer (parsed by hand: CLI11 lives only in
// sim/app/cli/main.cpp). Bad arguments print a message naming the option and what
// is accepted, and exit with code 2.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pw::viz {

struct ViewerOptions {
  std::filesystem::path input;       // scenario .toml (live) or results .h5 (replay)
  std::filesystem::path b_scenario;  // --b FILE: scenario B for the A/B view
  std::vector<std::string> b_sets;   // --b-set PATH=VALUE: B = A (or --b) with these changes
  int b_week = 0;                    // --b-week W: week the --b-set changes take effect
  std::vector<std::string> sets;     // --set PATH=VALUE on A (and B), before the run
  std::optional<long long> people;
  int replicates = 3;
  int threads = 1;
  std::optional<int> seed;
  double speed = 52;  // weeks per second when playing; 0: as fast as possible
  bool play = false;  // start playing at once
  int advance = 0;    // --advance W: run W weeks before the first frame (headless)
  int frames = 0;     // 0: interactive until the window closes
  std::filesystem::path screenshot;
  bool check_text = false;  // --check-text: exit 3 if the last frame has text that does not fit its box
  int width = 1600, height = 900;
  bool presentation = false;
  std::string view = "charts";                                          // charts | ab | person | network
  std::vector<std::string> ab_charts = {"outcomes", "stocks", "work"};  // --ab-charts: charts in the A/B view
  std::optional<std::uint32_t> person;
  bool vsync = true;
  int replay_week = -1;  // replay: the week the cursor starts at (-1: the end)
};

// A results file (replay) rather than a scenario: FILE.h5, or a FILE.h5.part left by a killed run.
bool is_results_file(const std::filesystem::path& file);

// Parses argv; on --help prints usage and exits 0; on error exits 2.
ViewerOptions parse_viewer_options(int argc, char** argv);

}  // namespace pw::viz
