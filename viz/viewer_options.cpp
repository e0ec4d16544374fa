#include "viz/viewer_options.hpp"

#include "viz/series_catalog.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace pw::viz {

namespace {

constexpr const char* kUsage = R"(pathways-viewer: watch a scenario run live, or replay a results file.

  pathways-viewer SCENARIO.toml [options]     live: simulate on a worker thread
  pathways-viewer results/FILE.h5 [options]   replay: scrub through a saved run

Live options:
  --people N          persons per replicate (default: the scenario's)
  --reps R            replicates run together for the bands (default 3, 1..10)
  --threads T         worker threads of the simulation (default 1; 0 = all cores)
  --seed S            random seed (default: the scenario's)
  --set PATH=VALUE    parameter override, as `pathways run --set` (repeatable)
  --speed W           weeks per second when playing (default 52; 0 = unlimited)
  --play              start playing at once
  --b FILE            scenario B for the A/B view (same seed: common random numbers)
  --b-set PATH=VALUE  B is A with this lever change (repeatable); a set-up
                      parameter applies to B from week 0
  --b-week W          week the live --b-set changes take effect (default 0)
  --person ID         open the person view on this person id
  --ab-charts LIST    charts in the A/B view, comma-separated, from: outcomes, stocks,
                      waiting, work, housing, cost (default outcomes,stocks,work)
Display and headless options:
  --presentation      large fonts, high-contrast colours
  --view V            tab shown first: charts, ab, person, network (default charts)
  --size WxH          window size in pixels (default 1600x900)
  --advance W         run W weeks before the first frame (for screenshots)
  --replay-week W     replay: start the cursor at week W
  --frames N          render N frames, then exit (frame times go to stderr)
  --screenshot FILE   with --frames: write the last frame as a PNG
  --check-text        with --frames: exit 3 if the last frame has text cut off or
                      wider than its box (each one is listed on stderr)
  --no-vsync          do not wait for the display refresh
)";

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "pathways-viewer: %s\n(run pathways-viewer --help for the options)\n", message.c_str());
  std::exit(2);
}

template <class T>
T number(std::string_view option, std::string_view text, T lo, T hi) {
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    fail(std::string(option) + ": \"" + std::string(text) + "\" is not a number in [" + std::to_string(lo) + ", " +
         std::to_string(hi) + "]");
  }
  return v;
}

}  // namespace

bool is_results_file(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends(".h5") || ends(".h5.part");
}

ViewerOptions parse_viewer_options(int argc, char** argv) {
  ViewerOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) fail(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (a == "--people") {
      o.people = number<long long>(a, value(), 1, 100000000);
    } else if (a == "--reps") {
      o.replicates = number<int>(a, value(), 1, 10);
    } else if (a == "--threads") {
      o.threads = number<int>(a, value(), 0, 256);
    } else if (a == "--seed") {
      o.seed = number<int>(a, value(), 0, 2147483647);
    } else if (a == "--set") {
      o.sets.emplace_back(value());
    } else if (a == "--speed") {
      o.speed = number<int>(a, value(), 0, 100000);
    } else if (a == "--play") {
      o.play = true;
    } else if (a == "--b") {
      o.b_scenario = std::string(value());
    } else if (a == "--b-set") {
      o.b_sets.emplace_back(value());
    } else if (a == "--b-week") {
      o.b_week = number<int>(a, value(), 0, 780);
    } else if (a == "--person") {
      o.person = number<std::uint32_t>(a, value(), 0, 100000000);
    } else if (a == "--ab-charts") {
      o.ab_charts.clear();
      const std::string list(value());
      std::size_t start = 0;
      while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string key = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        bool known = false;
        for (const auto& c : chart_catalog()) known = known || c.key == key;
        if (!known)
          fail("--ab-charts: \"" + key + "\" is not a chart (outcomes, stocks, waiting, work, housing, cost)");
        o.ab_charts.push_back(key);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "--presentation") {
      o.presentation = true;
    } else if (a == "--view") {
      o.view = value();
      if (o.view != "charts" && o.view != "ab" && o.view != "person" && o.view != "network") {
        fail("--view: \"" + o.view + "\" is not one of charts, ab, person, network");
      }
    } else if (a == "--size") {
      const std::string s(value());
      const auto x = s.find('x');
      if (x == std::string::npos) fail("--size: \"" + s + "\" is not WIDTHxHEIGHT, e.g. 1600x900");
      o.width = number<int>("--size width", std::string_view(s).substr(0, x), 320, 8192);
      o.height = number<int>("--size height", std::string_view(s).substr(x + 1), 240, 8192);
    } else if (a == "--advance") {
      o.advance = number<int>(a, value(), 0, 780);
    } else if (a == "--replay-week") {
      o.replay_week = number<int>(a, value(), 0, 780);
    } else if (a == "--frames") {
      o.frames = number<int>(a, value(), 1, 1000000);
    } else if (a == "--screenshot") {
      o.screenshot = std::string(value());
    } else if (a == "--check-text") {
      o.check_text = true;
    } else if (a == "--no-vsync") {
      o.vsync = false;
    } else if (!a.empty() && a[0] == '-') {
      fail("unknown option " + std::string(a));
    } else if (o.input.empty()) {
      o.input = std::string(a);
    } else {
      fail("one input file only (got \"" + o.input.string() + "\" and \"" + std::string(a) + "\")");
    }
  }
  if (o.input.empty()) fail("missing the input: a scenario .toml (live) or a results .h5 (replay)");
  if (!o.screenshot.empty() && o.frames == 0) fail("--screenshot needs --frames N");
  if (o.check_text && o.frames == 0) fail("--check-text needs --frames N");
  if (!o.b_sets.empty() || !o.b_scenario.empty()) {
    if (is_results_file(o.input)) fail("--b and --b-set are for live runs (a replay file holds its own scenarios)");
  }
  if (o.frames > 0) o.vsync = false;
  return o;
}

}  // namespace pw::viz
