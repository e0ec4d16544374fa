// The numbers a calibration fits, how the model's output is read for each,
// and the distance between the two (docs/calibration.md, "Distance").
//
// A target file of cumulative recidivism rows (bjs-2008-24-states.csv) gives
// one number per row and year: id "outcome.group.yY", read from the
// cumulative tables (percent of the group's released cohort with the event by
// the end of year Y, as `pathways inspect` reports it). A file of scalar
// targets (other-targets.csv) gives one number per row, id = its name, read
// from the work and housing tables of the whole cohort; the names understood
// are listed by scalar_target_names(). All numbers are percentages.
//
// Distance = weighted root mean square error in percentage points:
//     sqrt( sum_i w_i (model_i - target_i)^2 / sum_i w_i ),
// w_i the weight of the file number i comes from (1 by default, so the
// plain RMSE over every number chosen). Runs once per evaluation, after the
// simulation, on the evaluating thread.
#pragma once

#include <string>
#include <vector>

#include "sim/app/experiment/calibration_spec.hpp"

namespace pw {

class Simulation;

struct TargetPoint {
  std::string id;     // "arrest.all.y1" or "employed_at_month_8"
  std::string file;   // the target file's name, for tables
  double target = 0;  // percent
  double weight = 1;
  int min_weeks = 0;  // the model horizon this number needs
  // How to read it: a cumulative curve (group, outcome index, year) or a scalar by name.
  bool cumulative = true;
  std::string group;
  std::size_t outcome = 0;
  int year = 0;
  std::string scalar;
};

// The numbers a selection chooses. Throws std::invalid_argument naming the
// file and listing what it accepts when the file is unreadable, of an unknown
// kind, or a row is not in it or not understood.
std::vector<TargetPoint> target_points(const TargetSelection& selection);
std::vector<TargetPoint> target_points(const std::vector<TargetSelection>& selections);

// The scalar target names the model can be compared with.
std::vector<std::string> scalar_target_names();

// The model's value of every point (percent), from a finished simulation.
std::vector<double> simulated_values(const std::vector<TargetPoint>& points, const Simulation& sim);

// The weighted RMSE above (percentage points); `model` has one value per point.
double target_distance(const std::vector<TargetPoint>& points, const std::vector<double>& model);

}  // namespace pw
