// The effect on the treated of a compare experiment: for each programme, court
// and supervision change of each alternative scenario, the participants'
// outcomes and costs against the SAME persons (same id, same draws under
// common random numbers) in the baseline, per replicate.
//
// Steps. Each compare task keeps its PersonLedger (models/reporting/
// person_ledger.hpp) in its task file (group "person_outcomes" of the
// scenario; never copied into the experiment file). After assembly, for every
// replicate r the baseline's ledger and each alternative's are read (two at a
// time, so memory is two ledgers, not R), and for each unit of the alternative
// the participants' means are written to
//   /experiment/effect_on_treated/<scenario>/<unit>/
//     participants  int64 [replicates]      persons who took part in replicate r
//     measures      strings [M]             "arrest.y1", ..., "cost_prison", ...
//     units         strings [M]             "pct" or "USD 2023 per participant"
//     scenario      float64 [replicates x M] mean among the participants in the scenario
//     baseline      float64 [replicates x M] mean of the same persons in the baseline
// (NaN where a replicate has no participants). Layout: results/README.md.
//
// Units reported for an alternative:
//   programme:<name>  every [[programme]] of the scenario: persons who started it;
//   drug_court, mental_health_court  when the scenario gives the court places:
//                     persons admitted to it;
//   intensive_supervision  when the scenario's intensive-supervision shares
//                     differ from the baseline's: persons released to intensive
//                     supervision in the scenario and not in the baseline.
// Participation is read in the scenario only (who the policy reached); the
// baseline supplies the same persons' counterfactual outcomes.
#pragma once

#include <H5Cpp.h>

#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/task_journal.hpp"

namespace pw {

class PersonLedger;

// Writes the ledger into `scenario` (a task file's scenario group) as group "person_outcomes".
void write_person_outcomes(H5::Group& scenario, const PersonLedger& ledger);

// Computes and writes /experiment/effect_on_treated from the journal's task
// files into `experiment` (the open experiment group). Task files without
// person outcomes (journals of older versions) are skipped: nothing is written.
void write_treated_effects(const ExperimentPlan& plan, const TaskJournal& journal, H5::Group& experiment);

}  // namespace pw
