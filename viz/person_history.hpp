// Week-by-week life courses of a few persons, recorded by the viewer from the
// simulation's public state after each step (the model keeps no per-person
// history). Runs on the worker thread, right after Simulation::step of
// replicate 0; read by the person panel on the UI thread (copied under a lock).
//
// Which persons: a fixed sample (every `sample_stride`-th id, from week 0) so
// that "a random person like..." has a whole life course, plus any id the user
// picks, recorded from the week it was picked on.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "models/network/network_graph.hpp"

namespace pw {
class Simulation;
}

namespace pw::viz {

inline constexpr std::size_t kMaxTrackedProgrammes = 12;

// One person at the end of one week.
struct PersonWeek {
  std::uint8_t custody = 0;      // pw::Custody
  std::uint8_t supervision = 0;  // pw::SupervisionLevel
  std::uint8_t court = 0;        // 0 none, 1 drug court, 2 mental-health court
  std::uint8_t housing = 5;      // pw::Housing (5: none, in custody)
  std::uint8_t employed = 0;     // 1 if working for an employer this week
  std::uint16_t wage = 0;        // US dollars per week in the current job
  std::uint16_t arrests = 0, convictions = 0, returns = 0, violations = 0;  // cumulative
  std::array<std::uint8_t, kMaxTrackedProgrammes> programme{};              // pw::ProgrammeStatus
  std::array<float, 4> needs{};                // substance use, mental health, antisocial cognition, employability
  std::array<std::uint8_t, kTieTypes> ties{};  // ties by type (TieType) after the week's network batch
  float antisocial_share = 0;                  // antisocial strength over all strength (0 with no ties)
};

// Static facts shown beside the timeline.
struct PersonFacts {
  std::uint32_t id = 0;
  int sex = 0, group = 0, risk_level = 0, offence = 0, supervised_at_release = 0;
  float age = 0;
  int prior_arrests = 0;
  int neighbourhood = 0, family_ties = 0, prosocial_ties = 0;  // at release (models/network)
};

struct PersonHistory {
  PersonFacts facts;
  int first_week = 0;             // week of weeks[0]
  std::vector<PersonWeek> weeks;  // one per week from first_week on
};

class PersonRecorder {
 public:
  // Starts the sample (every `sample_stride`-th person) before week 0 of `sim`.
  explicit PersonRecorder(const Simulation& sim, std::size_t sample_stride = 50);

  // Adds an id to record from the next week on (no effect if already recorded).
  void track(std::uint32_t id, const Simulation& sim);
  // Appends the state after the step just taken (sim.week() - 1).
  void record(const Simulation& sim);

  [[nodiscard]] const std::map<std::uint32_t, PersonHistory>& histories() const { return histories_; }

 private:
  std::map<std::uint32_t, PersonHistory> histories_;
};

PersonFacts person_facts(const Simulation& sim, std::uint32_t id);
PersonWeek person_week(const Simulation& sim, std::uint32_t id);

}  // namespace pw::viz
