// What the charts draw, whatever its source: a live simulation (sim_runner) or
// a results file (replay_reader). One RunData per scenario.
//
// values[r][s][t] is series s of replicate r in week t (the week's flow, the
// end-of-week stock, or the cumulative share, as the series says). Weeks are
// the simulation step; t = 0 is the first week after release. Filled by the
// worker thread (live) or the reader (replay), copied to the UI thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/params/param_table.hpp"
#include "viz/series_catalog.hpp"

namespace pw::viz {

// A lever change, marked on every chart at the week it took effect.
struct LeverEvent {
  int week = 0;
  std::string path;
  ParamValue value;   // in internal units, as given to Simulation::set_parameter
  std::string label;  // e.g. "drug court places 0 -> 1500"
};

struct RunData {
  std::string name;  // scenario name
  std::string description;
  std::vector<SeriesDef> series;
  int horizon = 0;  // weeks
  long long people = 0;
  int replicates = 0;
  long long seed = 0;
  int weeks_done = 0;                                   // columns filled in values
  std::vector<std::vector<std::vector<float>>> values;  // [replicate][series][week]
  std::vector<LeverEvent> events;
  std::uint64_t version = 0;  // bumped at every change, so the UI copies only when needed

  [[nodiscard]] int series_index(const std::string& key) const {
    for (std::size_t s = 0; s < series.size(); ++s) {
      if (series[s].key == key) return static_cast<int>(s);
    }
    return -1;
  }
};

}  // namespace pw::viz
