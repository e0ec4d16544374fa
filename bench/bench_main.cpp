// pathways-bench: speed and peak memory of the weekly loop.
//
//   pathways-bench [scenario.toml] [--people 100000,1000000] [--threads 1,2]
//                  [--weeks 260] [--repeat K] [--set path=value]... [--json]
//
// Each (people, threads) configuration runs K times, each in a fresh child
// process; the best times and the highest peak RSS are reported.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <sstream>
#include <string>

#include "bench/bench.hpp"
#include "sim/engine/params/scenario_loader.hpp"

namespace {

constexpr const char* kUsage =
    "usage: pathways-bench [scenario.toml] [--people N,N...] [--threads T,T...] [--weeks W]\n"
    "                      [--repeat K] [--set path=value]... [--json]\n"
    "  scenario     scenario file (default scenarios/baseline.toml)\n"
    "  --people     cohort sizes (default 100000,1000000)\n"
    "  --threads    thread counts (default 1,2)\n"
    "  --weeks      horizon in weeks (default 260)\n"
    "  --repeat     runs per configuration, best time kept (default 1)\n"
    "  --set        extra scenario override, as in `pathways run --set`\n"
    "  --json       print JSON instead of the table\n";

std::vector<int> parse_list(const std::string& flag, const std::string& text) {
  std::vector<int> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::size_t used = 0;
    int v = 0;
    try {
      v = std::stoi(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size() || v <= 0) throw std::invalid_argument(flag + ": not a positive integer: '" + item + "'");
    out.push_back(v);
  }
  if (out.empty()) throw std::invalid_argument(flag + ": empty list");
  return out;
}

pwbench::Options parse(int argc, char** argv) {
  pwbench::Options o;
  bool have_scenario = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a == "--people") {
      o.people = parse_list(a, value());
    } else if (a == "--threads") {
      o.threads = parse_list(a, value());
    } else if (a == "--weeks") {
      o.weeks = parse_list(a, value()).at(0);
    } else if (a == "--repeat") {
      o.repeat = parse_list(a, value()).at(0);
    } else if (a == "--set") {
      o.sets.push_back(value());
    } else if (a == "--json") {
      o.json = true;
    } else if (!a.empty() && a[0] != '-' && !have_scenario) {
      o.scenario = a;
      have_scenario = true;
    } else {
      throw std::invalid_argument("unknown argument: " + a);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  pwbench::Options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "pathways-bench: " << e.what() << "\n" << kUsage;
    return 2;
  }
  try {
    std::vector<pwbench::Result> rows;
    for (int people : o.people) {
      const std::size_t first = rows.size();
      for (int threads : o.threads) {
        std::cerr << "  running " << people << " people, " << threads << " thread(s), " << o.weeks << " weeks"
                  << (o.repeat > 1 ? ", x" + std::to_string(o.repeat) : std::string()) << "...\n";
        rows.push_back(pwbench::measure(o, people, threads));
      }
      for (std::size_t i = first; i < rows.size(); ++i) {
        if (rows[i].threads != 1) continue;
        for (std::size_t k = first; k < rows.size(); ++k) rows[k].speedup = rows[i].loop_s / rows[k].loop_s;
      }
    }
    if (o.json) {
      pwbench::print_json(o, rows);
    } else {
      pwbench::print_table(o, rows);
    }
  } catch (const pw::ScenarioError& e) {
    std::cerr << "pathways-bench: invalid scenario:\n";
    for (const auto& issue : e.issues()) std::cerr << "  " << issue.to_string() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "pathways-bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
