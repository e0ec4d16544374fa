// Offending, policing, courts and supervision for released persons.
//
// Owns the justice columns below. Each weekly phase runs over a range of person
// ids, reads the state as it stood when the phase began and writes only the
// rows of its own persons, so ranges can run in parallel in any order.
//
// Week t, in order (see models/simulation.cpp):
//   releases               prison terms ending in week t end; people leaving
//                          prison may start supervision. Jail sanctions
//                          end here; pretrial jail stays end at court.
//   offending              people in the community offend (a Poisson count
//                          whose mean is their weekly hazard); each offence is
//                          detected with a probability by type; a detected
//                          offence is an arrest, which opens a court case and
//                          may revoke supervision at once.
//   courts_and_supervision cases whose court week is t are sentenced, or held
//                          for divert_to_courts when eligible for a
//                          problem-solving court; court participants graduate
//                          or fail; people on supervision in the community may
//                          commit a detected technical violation and be
//                          sanctioned or revoked; supervision terms end.
//   divert_to_courts       (barrier) places in problem-solving courts.
//
// The weekly offending hazard of person i in week t is
//   base_rate * frailty_i * exp(b . x_i) * (age_i(t) / 35)^age_elasticity
// while week t is before the person's desistance week, and 0 from it on. x_i
// holds sex, sqrt(prior arrests), age at first arrest, the commitment offence
// type and needs; age_i(t) is the current age. The product is times the
// person's situation multiplier this week (work and housing,
// models/reintegration/situation_effects.hpp). Each person's career ends at an
// age drawn at set-up from a logistic distribution (desistance_median_age,
// desistance_age_scale), so the share still offending falls with age at release
// and keeps falling during follow-up. Nothing reads weeks since release: the fall
// of the population hazard over time comes from frailty selection, desistance
// and ageing.
#pragma once

#include <array>

#include <cstdint>
#include <vector>

#include "models/justice/justice_params.hpp"
#include "models/justice/risk_assessment.hpp"
#include "models/justice/situation.hpp"
#include "models/justice/week_counts.hpp"
#include "models/needs/needs.hpp"
#include "models/person_week_draws.hpp"
#include "models/population/attributes.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

enum class Custody : std::uint8_t { Community = 0, Jail = 1, Prison = 2 };
enum class SupervisionLevel : std::uint8_t { None = 0, Standard = 1, Intensive = 2 };

inline constexpr std::int16_t kNever = -1;
inline constexpr std::int16_t kMaxDesistWeek = 30000;

struct JusticeState {
  // Offending propensity: frailty times the static covariate terms, per week.
  std::vector<float> frailty;
  std::vector<float> propensity;         // offences per week at release age, all covariates
  std::vector<float> static_propensity;  // the part that does not depend on needs
  // The week from which the person no longer offends: their criminal career has
  // ended (0: desisted before release; kMaxDesistWeek: not within 576 years).
  std::vector<std::int16_t> desist_week;
  // Detected technical violations per week on standard supervision, relative to
  // justice.supervision.violation_rate: exp(substance_violation_effect x substance-use need).
  std::vector<float> violation_multiplier;
  // Custody and supervision.
  std::vector<std::uint8_t> custody;            // Custody
  std::vector<std::int16_t> custody_until;      // week the current jail or prison stay ends (exclusive)
  std::vector<std::uint8_t> supervision;        // SupervisionLevel
  std::vector<std::int16_t> supervision_until;  // week supervision ends (exclusive)
  // The open court case, if any.
  std::vector<std::int16_t> court_week;  // kNever when no case is open
  std::vector<std::uint8_t> case_convicted;
  std::vector<std::int16_t> case_arrest_week;  // week of the arrest that opened the case
  std::vector<std::uint8_t> case_violent;      // 1 if any arrest of the open case was for a violent offence
  // Problem-solving courts: 0 none, 1 drug court, 2 mental-health court;
  // pending: eligible at sentencing this week, waiting for the diversion barrier.
  std::vector<std::uint8_t> court_programme, diversion_pending;
  std::vector<std::int16_t> court_programme_until;
  std::vector<float> court_need_at_admission;  // the treated need when the person entered the court
  // Participation in each court ([0] drug court, [1] mental-health court), for
  // the per-person table: the first admission's week, the week that spell
  // ended (kNever while it lasts or if none) and 1 if it ended in graduation.
  std::array<std::vector<std::int16_t>, 2> court_start_week, court_end_week;
  std::array<std::vector<std::uint8_t>, 2> court_graduated;
  // First events, as BJS counts them (weeks since release; kNever if none).
  std::vector<std::int16_t> first_arrest_week, first_conviction_week, first_return_week;
  // Weeks of the first and of the latest admission to prison after release, dated at the admission; kNever if none.
  std::vector<std::int16_t> first_admission_week, last_admission_week;
  // Week the latest stay in jail or prison began; kNever if none. A stay that
  // begins and ends between two weekly labour phases still costs the job.
  std::vector<std::int16_t> custody_started_week;
  // Counters over the whole follow-up.
  std::vector<std::uint16_t> offences, arrests, convictions, technical_violations, returns_to_prison;

  [[nodiscard]] std::size_t size() const { return custody.size(); }
  void resize(std::size_t n);
};

class JusticeModel {
 public:
  JusticeModel(const JusticeParams& params, const Population& pop, Needs& needs, const RiskAssessment& risk,
               const Rng& rng, double post_release_supervision_share);

  // Set-up before week 0: frailty, propensity, supervision at release.
  void setup(Parallel& par);

  // Weekly phases over persons [begin, end).
  WeekCounts releases(std::size_t begin, std::size_t end, int week);
  // `draws` holds each community person's draw of the week (lane kDrawOffending).
  WeekCounts offending(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws);
  WeekCounts courts_and_supervision(std::size_t begin, std::size_t end, int week);
  // Recomputes person i's propensity and violation multiplier after their
  // needs changed (programmes). Writes only row i.
  void refresh_from_needs(std::size_t i);
  // The week from which a person released at this age, with quantile u of
  // their age at desistance, no longer offends (set-up).
  [[nodiscard]] std::int16_t desistance_week(double age_at_release, double u) const;

  // Barrier after the per-person phases of week t: diverts this week's
  // eligible convicted defendants into problem-solving courts while places last
  // (earliest arrest first, then a keyed draw, then id); the others are sentenced.
  void divert_to_courts(int week, WeekCounts& counts);

  // End-of-week census of custody and supervision.
  WeekCounts census(std::size_t begin, std::size_t end) const;

  // Multipliers of offending and technical violations from work and housing
  // (nullptr: none). The Situation is owned by the caller and outlives this model.
  void set_situation(const Situation* situation) { situation_ = situation; }

  [[nodiscard]] const JusticeState& state() const { return s_; }
  [[nodiscard]] const JusticeParams& params() const { return p_; }

 private:
  void start_supervision(std::size_t i, int week, bool on_release_from_cohort_term);
  // Sentences person i's open case in `week` (prison with prison_given_conviction) and closes it.
  void sentence_and_close(std::size_t i, int week, WeekCounts& c);
  // 1 drug court, 2 mental-health court, 0 none: which court person i's case is eligible for.
  [[nodiscard]] std::uint8_t diversion_court(std::size_t i) const;
  // Concurrent places of a problem-solving court for this cohort (places_per_1000 x people / 1000, rounded).
  [[nodiscard]] std::int64_t court_places(const DiversionCourtParams& court) const;
  // Admission to prison in `week`. BJS dates a return to prison at the arrest
  // that led to it, if any (`arrest_week`), else at the admission.
  void admit_to_prison(std::size_t i, int week, int term_weeks, int arrest_week);
  [[nodiscard]] int lognormal_weeks(double median, double sigma, double u) const;

  const JusticeParams& p_;
  const Population& pop_;
  Needs& needs_;  // written only by problem-solving court graduation (own row)
  const RiskAssessment& risk_;
  const Rng& rng_;
  double post_release_supervision_share_;
  const Situation* situation_ = nullptr;
  JusticeState s_;
};

}  // namespace pw
