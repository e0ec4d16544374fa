// The data-driven list of charts and of the series drawn on them.
//
// A series is one number per week: how to compute it from a live simulation
// (after Simulation::step) and where it lives in a results file (for replay).
// To chart a new model output (employment, housing...), add a ChartDef and
// SeriesDef entries in series_catalog.cpp; nothing else in the viewer changes.
//
// Units are per series (persons, % of the cohort, USD million per week at 2023
// prices); each chart states its unit in its y label.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "models/costs/costs.hpp"
#include "models/justice/week_counts.hpp"
#include "models/programmes/programme_spec.hpp"

namespace pw {
class Simulation;
}

namespace pw::viz {

// What a live series reads after a step: the simulation, that week's counts
// and costs, and the cumulative first-event counts.
struct LiveWeek {
  const Simulation& sim;
  const WeekCounts& counts;
  const CostSeries& cost;  // one week
  long long people = 0;
  long long ever_arrested = 0, ever_convicted = 0, ever_returned = 0;
};

// Where a replayed series comes from, relative to /scenarios/<name>/.
enum class H5Shape {
  Weekly,                 // [replicates x weeks] int64 or float64, read as is
  Monthly,                // [replicates x months] float64 (cumulative_pct), spread over weeks
  WeeklyPercentOfCohort,  // [replicates x weeks] counts, shown as % of the `people` attribute
};

struct ChartDef {
  std::string key;
  std::string title;
  std::string y_label;
};

struct SeriesDef {
  std::string key;    // unique, e.g. "cum_arrest", "waiting:cbt-in-prison"
  std::string label;  // legend text
  std::string chart;  // ChartDef::key
  std::function<double(const LiveWeek&)> live;
  std::string h5_path;  // e.g. "weekly/in_prison"; empty: not in results files
  H5Shape h5_shape = H5Shape::Weekly;
  double h5_scale = 1.0;  // multiplies the stored value into the series unit
};

const std::vector<ChartDef>& chart_catalog();

// Every series for a scenario with these programmes (waiting lists per programme).
std::vector<SeriesDef> series_catalog(const std::vector<ProgrammeSpec>& programmes);

}  // namespace pw::viz
