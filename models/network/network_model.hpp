// The community network sub-model (docs/ODD.md §2.2, §3.2 phases 8 and 13, §7.19): builds the
// graph at set-up, decides each week's tie changes per person, applies them as
// one batch, matches volunteer mentors, and keeps the TieSummary the other
// phases read.
//
// Set-up (before week 0), from person attributes and the neighbourhood:
//   family and prosocial members: Poisson counts (community.*_ties_mean with
//     the age and history effects), one private node each, strength 1;
//   antisocial ties: Poisson with mean network.initial.antisocial_mean x
//     exp(age, history, violator and disadvantage effects); a share
//     released_peer_share of them are paired with other released persons of the
//     same neighbourhood (configuration model: stubs sorted by a keyed draw and
//     paired in order; self-pairs, repeats and an odd stub are dropped), the
//     rest go to the neighbourhood's antisocial members (pool_per_person per
//     released person, shared), chosen by keyed draws without repeats.
// Week t:
//   decide (per person, phase "network", after courts): for a person in the
//     community, antisocial ties fade as a Poisson process of intensity
//     k h per week, k the antisocial ties and h = -ln(1 - p), p =
//     antisocial_decay x work x treatment x away factors (the weekly
//     probability that one tie fades); new antisocial ties form at rate
//     antisocial_formation x idle x home factors (at most one a week);
//     former co-worker ties fade at coworker_decay (per tie, as a
//     probability) once the job has ended. The processes run on event
//     clocks (keyed Exp(1) budgets), so a week with no event draws nothing.
//     Flags: admitted to prison since the last decision (this week, or in
//     last week's court-diversion barrier); offended this week; started a job this week; a mentor
//     match ends (its term is over or the person was admitted).
//   apply (barrier, persons in id order): admissions weaken family ties by
//     family_strain and break family and prosocial ties with family_break and
//     prosocial_break, and end a mentor match; the decided ties fade (keyed
//     draws choose which; a tie between released persons goes from both
//     lists); a new antisocial tie goes to a member of the neighbourhood the
//     person lives in; a job start adds a co-worker tie to the workplace (the
//     oldest goes beyond max_coworker_ties); every offender's released peers
//     get one more "peer offended" for week t + 1; the summary rows of every
//     changed person are updated with each tie added or removed.
//   match (barrier): free volunteer places (volunteers / volunteers_per_mentee)
//     go to unmatched people in the community at or above mentors.min_risk and
//     within intake_window of their latest release, highest risk score first,
//     then a keyed draw, then id; a match lasts a geometric number of weeks
//     (mean_duration) and starts in week t + 1.
// The TieSummary read in week t + 1 (labour referrals, housing family offers,
// offending) is the one left by week t's batch.
#pragma once

#include <cstdint>
#include <vector>

#include "models/community/community.hpp"
#include "models/community/community_params.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/risk_assessment.hpp"
#include "models/justice/week_counts.hpp"
#include "models/labour/labour_model.hpp"
#include "models/network/network_graph.hpp"
#include "models/network/network_params.hpp"
#include "models/population/attributes.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

// One person's decided changes for the week's batch.
struct TieChange {
  std::uint32_t person = 0;
  std::uint8_t antisocial_fading = 0, antisocial_new = 0, coworker_fading = 0;  // events this week
  std::uint8_t flags = 0;                                                       // kChange*
};
inline constexpr std::uint8_t kChangeAdmitted = 1, kChangeOffended = 2, kChangeStartedJob = 4, kChangeMentorEnds = 8;

struct MentorCandidate {
  std::uint32_t person;
  std::uint8_t risk_score;
  float tie_break;
};

// What the per-person phase hands to the batch.
struct NetworkFlows {
  std::vector<TieChange> changes;
  std::vector<MentorCandidate> mentor_candidates;
  NetworkFlows& operator+=(const NetworkFlows& o);
};

class NetworkModel {
 public:
  NetworkModel(const NetworkParams& params, const CommunityParams& community_params, const Population& pop,
               const RiskAssessment& risk, const Community& community, const Rng& rng);

  // Recomputes the weekly fading and formation probabilities from the
  // parameters (at construction, and after a lever changes network.dynamics.*).
  void refresh_rates();
  // Builds the graph and the summaries (keyed draws; the result does not depend on `par`).
  void setup(Parallel& par);
  // Inputs of the weekly decisions, owned by the caller and outliving the model.
  // `in_programme(i)` reads "takes part in a community programme or a court".
  void attach(const JusticeState* justice, const LabourState* labour, const Employers* employers,
              const std::vector<std::uint8_t>* housing, const std::vector<std::uint16_t>* bed_hood,
              std::vector<const std::vector<std::uint8_t>*> programmes);

  // Per-person phase "network" over persons [begin, end) of week t.
  void decide(std::size_t begin, std::size_t end, int week, NetworkFlows& flows);
  // End-of-week census of ties (as they stood during the week) for persons in the community.
  WeekCounts census(std::size_t begin, std::size_t end) const;
  // Barrier: applies the week's changes, then matches mentors.
  void apply(int week, NetworkFlows& flows, WeekCounts& counts);

  [[nodiscard]] const TieSummary& summary() const { return summary_; }
  // Ties by type at release (after set-up), per person.
  [[nodiscard]] const std::vector<std::array<std::uint8_t, kTieTypes>>& initial_ties() const { return initial_count_; }
  [[nodiscard]] const NetworkGraph& graph() const { return graph_; }
  [[nodiscard]] const NetworkParams& params() const { return p_; }
  [[nodiscard]] std::int64_t mentor_places() const;
  [[nodiscard]] std::int64_t mentees() const { return mentees_; }
  // Week the person's mentor match ends (exclusive); kNever when never matched.
  [[nodiscard]] const std::vector<std::int16_t>& mentor_until() const { return mentor_until_; }
  // First week with a volunteer mentor, and the week that match ended; kNever if none (or still matched).
  [[nodiscard]] const std::vector<std::int16_t>& mentor_start() const { return mentor_start_; }
  [[nodiscard]] const std::vector<std::int16_t>& mentor_end() const { return mentor_end_; }

 private:
  void build_initial_ties(Parallel& par);
  void pair_released_peers(const std::vector<std::uint8_t>& stubs);
  void apply_one(const TieChange& ch, int week, WeekCounts& counts);
  // Adds or removes one stored tie and updates person i's summary row to match
  // (the summary is kept incrementally; the graph invariants test checks it).
  void link(std::size_t i, NetworkVertex v, const TieProps& tie);
  void unlink(std::size_t i, NetworkVertex v, TieType type, float strength);
  // Removes n ties of `type` from person i (all if n >= their number): the
  // oldest co-worker ties, otherwise those with the lowest keyed draws (index
  // offset + position); a tie between released persons leaves both lists.
  void remove_ties(std::size_t i, TieType type, int n, int week, std::uint16_t offset);
  void break_ties_at_admission(std::size_t i, int week, WeekCounts& counts);
  void remove_mentor(std::size_t i);
  void add_antisocial_tie(std::size_t i, int week);
  void add_coworker_tie(std::size_t i, int week);
  void match_mentors(int week, std::vector<MentorCandidate>& candidates, WeekCounts& counts);
  [[nodiscard]] std::uint16_t living_in(std::size_t i) const;
  [[nodiscard]] bool away(std::size_t i) const { return living_in(i) != community_.neighbourhood[i]; }

  const NetworkParams& p_;
  const CommunityParams& cp_;
  const Population& pop_;
  const RiskAssessment& risk_;
  const Community& community_;
  const Rng& rng_;
  const JusticeState* justice_ = nullptr;
  const LabourState* labour_ = nullptr;
  const Employers* employers_ = nullptr;
  const std::vector<std::uint8_t>* housing_ = nullptr;
  const std::vector<std::uint16_t>* bed_hood_ = nullptr;
  std::vector<const std::vector<std::uint8_t>*> programmes_;

  NetworkGraph graph_;
  TieSummary summary_;
  std::vector<std::array<std::uint8_t, kTieTypes>> initial_count_;
  std::vector<std::uint8_t> next_peers_offended_;
  std::vector<std::uint16_t> offences_seen_;  // the justice offence counter at the last decision
  std::vector<std::int16_t> admission_seen_;  // last_admission_week at the last decision
  std::vector<std::int16_t> mentor_until_;
  std::vector<std::int16_t> mentor_start_, mentor_end_;
  // Antisocial community members of neighbourhood k: vertices pool_begin_[k] .. pool_begin_[k + 1].
  std::vector<NetworkVertex> pool_begin_;
  std::vector<std::int64_t> workplace_node_;  // per employer, -1 until its first hire
  std::vector<NetworkVertex> free_mentors_;   // volunteer nodes not matched now
  std::int64_t mentor_nodes_ = 0, mentees_ = 0;
  // Weekly hazards by circumstance: one tie fades, -ln(1 - p) with p the
  // weekly probability [work][treatment][away]; a tie forms [idle][home];
  // a former co-worker tie fades.
  double fade_h_[2][2][2] = {};
  double new_tie_h_[2][2] = {};
  double coworker_fade_h_ = 0;
  // Event clocks (one per person and kind of change): the unit-exponential
  // hazard left before the next event. Each week the person's current hazard
  // is subtracted; at zero an event happens and a new keyed Exp(1) is added.
  // This gives a Poisson process with the week's intensity (piecewise
  // constant) without a random draw in the weeks when nothing happens.
  std::vector<float> fade_clock_, form_clock_, coworker_clock_;
  // Runs clock c down by hazard h for person i in week t; returns the number
  // of events (at most cap). `lane` keys the redraws.
  int run_clock(float& c, double h, int cap, std::uint32_t i, std::uint32_t week, int lane) const;
};

}  // namespace pw
