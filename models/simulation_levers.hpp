// Policy levers: which parameters can change in the middle of a run, and what
// such a change means. The viewer (viz/) and any future "change at week t"
// scenario feature use Simulation::set_parameter (models/simulation_levers.cpp).
//
// When it runs: between two calls of Simulation::step(); a change takes effect
// from the next step (the "current week", Simulation::week()) on. Nothing that
// already happened is redone: people already sentenced keep their terms, people
// already on supervision keep their level and term, and pre-release programmes
// (served before week 0) are not served again.
//
// Paths are those of the parameter schema (`pathways params`), plus
// "programme[NAME].key" for a key of a declared [[programme]]. Values are in
// internal units (weeks, per week, probabilities, USD 2023) and are checked
// against the declared type, range and choices.
//
// Liveness, by path (the first rule that matches wins; see kLeverRules in
// simulation_levers.cpp):
//   Live       justice.courts.*, justice.supervision.*, justice.drug_court.*,
//              justice.mental_health_court.*, the offence mix and detection
//              probabilities, the four need effects on the offending hazard
//              (every person's hazard and violation rate are recomputed),
//              programmes.* (effects at completion), costs.*, the keys of a
//              post-release programme other than kind, phase and uptake;
//              labour.ban_the_box.*, labour.search.*, labour.separation.*, the
//              three incentive uplifts, labour.effects.* and housing.effects.*
//              (the situation multipliers are rebuilt), housing.* including the
//              bed, voucher and public-housing stocks (resized; places held are
//              kept, a smaller stock only stops new entries);
//              network.dynamics.*, network.mentors.* (a smaller pool stops
//              new matches; matches made stand) and network.influence.*.
//   Restart    everything else: simulation.*, population.*, needs.*,
//              justice.risk.*, the static terms of the offending hazard
//              (base rate, frailty, age, sex, priors, onset), budget.*,
//              labour.employers.*, network.initial.*, network.output.*,
//              and the incentive take-up and coverage
//              shares (drawn at set-up),
//              programmes.pre_release_window, a programme's kind/phase/uptake,
//              every key of a pre-release programme, and any path not listed
//              (new sub-models default to Restart until they add a rule).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/engine/params/param_table.hpp"

namespace pw {

enum class LeverTiming {
  Live,     // takes effect from the current week
  Restart,  // fixed at set-up: the run must be restarted for it to matter
};

struct LeverRule {
  std::string_view prefix;  // a path, or a path prefix ending in '.'
  LeverTiming timing;
  std::string_view note;  // what "live" means for it, for tooltips and docs
};

// How a change of `path` acts in a running simulation. `pre_release_programme`:
// the path names a key of a programme whose phase is pre_release.
LeverRule lever_rule(std::string_view path, bool pre_release_programme = false);

// Thrown by Simulation::set_parameter: unknown path, wrong type, value out of
// range or not among the choices, or a Restart parameter. The message names the
// path and what is accepted.
class LeverError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Checks `value` against a parameter's declaration; "" when valid, else why not.
std::string check_value(const ParamInfo& info, const ParamValue& value);

}  // namespace pw
