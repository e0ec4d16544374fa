// Every parameter of a Pathways run, gathered from the sub-models. Visiting a
// ModelParams visits every declaration once, in a stable order: this order is
// the order of docs/parameters.md, `pathways params` and the resolved scenario.
#pragma once

#include "models/community/community_params.hpp"
#include "models/coordination/coordination_params.hpp"
#include "models/costs/budget_params.hpp"
#include "models/costs/cost_params.hpp"
#include "models/housing/housing_params.hpp"
#include "models/justice/justice_params.hpp"
#include "models/labour/labour_params.hpp"
#include "models/needs/needs.hpp"
#include "models/network/network_params.hpp"
#include "models/population/population_params.hpp"
#include "models/programmes/programme_params.hpp"
#include "models/programmes/programme_spec.hpp"
#include "sim/engine/params/param.hpp"
#include "sim/engine/params/param_table.hpp"

namespace pw {

struct RunParams {
  int people = 0;
  double weeks = 0;
  int seed = 0;
  int replicates = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(people, {.path = "simulation.people", .unit = Unit::Count, .def = 100000, .lo = 1, .hi = 100000000,
               .description = "persons in the release cohort", .source = "run setting"});
    v(weeks, {.path = "simulation.horizon", .unit = Unit::Weeks, .def = 260, .lo = 1, .hi = 780,
              .description = "follow-up after release (one step is one week; up to 15 years)",
              .source = "run setting; BJS follow-up tables run to 5 years"});
    v(seed, {.path = "simulation.seed", .unit = Unit::Count, .def = 20080101, .lo = 0, .hi = 2147483647,
             .description = "random seed; with the replicate number it keys every draw", .source = "run setting"});
    v(replicates, {.path = "simulation.replicates", .unit = Unit::Count, .def = 1, .lo = 1, .hi = 10000,
                   .description = "independent replicates (each a fresh cohort and history)", .source = "run setting"});
    // clang-format on
  }
  [[nodiscard]] int horizon_weeks() const { return static_cast<int>(weeks + 0.5); }
};

struct ReportParams {
  std::string targets_file;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(targets_file, {.path = "report.targets_file",
                     .description = "CSV of cumulative recidivism targets (outcome,group,y1..y5) shown beside the "
                                    "model in the terminal table; empty for none",
                     .source = "BJS NCJ 256094 (data/calibration/bjs-2008-24-states.csv)",
                     .text_default = ""});
    // clang-format on
  }
};

struct ModelParams {
  RunParams run;
  PopulationParams population;
  NeedsParams needs;
  JusticeParams justice;
  CommunityParams community;
  NetworkParams network;
  LabourParams labour;
  HousingParams housing;
  CoordinationParams coordination;
  CostParams costs;
  BudgetParams budget;
  ProgrammeParams programme_kinds;
  ReportParams report;
  // [[programme]] tables (a collection, not visited with the scalar parameters).
  std::vector<ProgrammeSpec> programmes;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    run.visit(v);
    population.visit(v);
    needs.visit(v);
    justice.visit(v);
    community.visit(v);
    network.visit(v);
    labour.visit(v);
    housing.visit(v);
    coordination.visit(v);
    costs.visit(v);
    budget.visit(v);
    programme_kinds.visit(v);
    report.visit(v);
    // clang-format on
  }
};

}  // namespace pw
