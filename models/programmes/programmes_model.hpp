// Capacity-limited programmes with waiting lists, priority rules and effects
// that act through criminogenic needs.
//
// Owns, per declared programme, each person's status and the week it last
// changed. Units: weeks; a programme's places are its places_per_1000 turned
// into concurrent places for this cohort (models/cohort_scale.hpp).
//
// Timing:
//   set-up (before week 0)  pre-release programmes serve the release cohort:
//       places x (pre_release_window / duration) eligible, willing persons,
//       chosen by the priority rule, complete or drop out, and their needs change.
//   progress (per person, first phase of week t, after releases)
//       a participant in custody drops out; a participant whose course ends
//       this week completes (probability completion_probability) or drops out;
//       an eligible, willing person in the community joins the waiting list.
//   allocation (a barrier after the per-person phases of week t)
//       free places = places - participants; the waiting list is ordered by
//       the priority rule (ties by a keyed draw, then person id) and the first
//       ones start in week t + 1. The order never depends on threads. Only
//       persons enrolled with community services (models/coordination) can
//       start, except in an interagency_coordination programme.
// Effects: at completion, each need the kind targets falls by its reduction
// share (x effects.strength; a drop-out keeps effects.dropout_share of it),
// after peer contagion moved antisocial cognition toward the co-participants'
// mean. The justice model then recomputes the person's hazard.
#pragma once

#include <cstdint>
#include <vector>

#include "models/eligibility/eligibility_rule.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/risk_assessment.hpp"
#include "models/needs/needs.hpp"
#include "models/network/network_graph.hpp"
#include "models/population/attributes.hpp"
#include "models/programmes/programme_params.hpp"
#include "models/programmes/programme_spec.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

enum class ProgrammeStatus : std::uint8_t {
  None = 0,
  Declined = 1,
  Waiting = 2,
  Active = 3,
  Completed = 4,
  Dropped = 5
};

// Counts for one programme in one week (stocks at the end of the week's progress phase).
struct ProgrammeWeek {
  std::int64_t waiting = 0, active = 0, enrolled = 0, completed = 0, dropped = 0;
  std::int64_t participant_weeks = 0, wait_weeks_of_enrolled = 0;
  std::int64_t antisocial_micro_sum = 0;  // sum of participants' antisocial cognition x 1e6 (exact)
};

// One ProgrammeWeek per programme; summed exactly over person ranges.
struct ProgrammeCounts {
  std::vector<ProgrammeWeek> by_programme;
  ProgrammeCounts& operator+=(const ProgrammeCounts& o);
};

// Totals of a pre-release programme, served before week 0.
struct PreReleaseTotals {
  std::int64_t enrolled = 0, completed = 0, dropped = 0, participant_weeks = 0, eligible_willing = 0;
};

class ProgrammesModel {
 public:
  ProgrammesModel(const std::vector<ProgrammeSpec>& specs, const ProgrammeParams& params, const Population& pop,
                  Needs& needs, const RiskAssessment& risk, JusticeModel& justice, const Rng& rng);

  // Uptake decisions and the pre-release programmes; before week 0.
  void setup(Parallel& par);
  // Who is enrolled with community services (models/coordination); nullptr:
  // everyone. A post-release programme other than interagency_coordination
  // starts only enrolled persons; the others keep waiting.
  void attach_enrolment(const std::vector<std::uint8_t>* enrolled) { enrolled_ = enrolled; }

  // The network's summary: a course that ends while the participant has a
  // volunteer mentor completes with `mentor_bonus` added to its probability.
  void attach_mentors(const TieSummary* ties, double mentor_bonus) {
    ties_ = ties;
    mentor_bonus_ = mentor_bonus;
  }

  // Per-person phase (see the header comment). Returns counts per programme.
  ProgrammeCounts progress(std::size_t begin, std::size_t end, int week);
  // Barrier: fills free places for week + 1 from the waiting lists.
  void allocate(int week, ProgrammeCounts& counts);

  // Replaces programme p's declaration mid-run (Simulation::set_parameter):
  // places, priority and eligibility act at the next allocation, duration and
  // completion at the next progress phase. Kind, phase and uptake must not change.
  void respecify(std::size_t p, const ProgrammeSpec& spec);

  [[nodiscard]] std::size_t size() const { return specs_.size(); }
  // Concurrent places of programme p for this cohort: round(places_per_1000 x people / 1000).
  [[nodiscard]] std::int64_t places(std::size_t p) const;
  [[nodiscard]] const std::vector<ProgrammeSpec>& specs() const { return specs_; }
  [[nodiscard]] const std::vector<PreReleaseTotals>& pre_release() const { return pre_release_; }
  [[nodiscard]] const std::vector<std::uint8_t>& status(std::size_t programme) const { return status_[programme]; }
  // Week person i started programme p (weeks since release), valid when the
  // status is Active, Completed or Dropped. A pre-release course is dated
  // -round(duration): it ends at release (week 0).
  [[nodiscard]] std::int16_t start_week(std::size_t programme, std::size_t i) const { return since_[programme][i]; }
  // Week the course ended (completion or drop-out); kNever while active or if never started.
  [[nodiscard]] const std::vector<std::int16_t>& end_week(std::size_t programme) const { return ended_[programme]; }

 private:
  [[nodiscard]] bool eligible(std::size_t p, std::size_t i) const;
  // completion_probability plus the responsivity bonuses for person i.
  [[nodiscard]] double completion_probability(std::size_t p, std::size_t i) const;
  [[nodiscard]] double priority_key(std::size_t p, std::size_t i) const;
  void finish(std::size_t p, std::size_t i, bool completed, double group_antisocial_mean, int week);

  std::vector<ProgrammeSpec> specs_;
  std::vector<EligibilityRule> eligibility_;  // decoded once from each spec's strings, for the weekly loop
  const ProgrammeParams& params_;
  const Population& pop_;
  Needs& needs_;
  const RiskAssessment& risk_;
  JusticeModel& justice_;
  const Rng& rng_;
  const TieSummary* ties_ = nullptr;
  double mentor_bonus_ = 0;
  std::vector<std::vector<std::uint8_t>> status_;  // [programme][person] ProgrammeStatus
  std::vector<std::vector<std::int16_t>> since_;   // week of joining the list, or of starting
  std::vector<std::vector<std::int16_t>> ended_;   // week of completing or dropping out; kNever before
  std::vector<double> group_antisocial_mean_;      // of participants, as of the last allocation
  std::vector<PreReleaseTotals> pre_release_;
  const std::vector<std::uint8_t>* enrolled_ = nullptr;
};

}  // namespace pw
