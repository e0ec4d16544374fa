// A programme or policy intervention as a scenario declares it: a typed
// [[programme]] table. Several programmes of one kind may coexist.
//
// The programmes sub-model (programmes_model.hpp) enrols people, allocates the
// scarce places and applies the effects.
// Units: places_per_1000 in concurrent places per 1,000 persons of the release
// cohort (the model turns it into places for the run's --people), durations in weeks, cost in US dollars
// at 2023 prices per participant-week. A programme's effects are not declared
// here as hazard ratios: they are the need reductions of its kind
// (models/programmes/programme_params.hpp), acting through the offending
// hazard, scaled by effects.strength.
#pragma once

#include <string>

#include "models/eligibility/eligibility_spec.hpp"
#include "sim/engine/params/param.hpp"

namespace pw {

struct ProgrammeSpec {
  std::string name;  // unique within the scenario; not declared in visit()
  std::string kind, phase, priority;
  EligibilitySpec eligibility;  // eligibility.* (models/eligibility)
  double places_per_1000 = 0;
  double duration = 0;
  double cost_per_participant_week = 0;
  double completion_probability = 0;
  double uptake = 0;
  int adapted_for_group = 0;
  double effect_strength = 0;
  double dropout_share = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(kind, {.path = "kind",
             .description = "what the programme delivers",
             .source = "docs/ODD.md §7.13 (defaults per kind come with the programmes sub-model)",
             .text_default = "cbt",
             .choices = {"cbt", "education", "vocational_training", "substance_use_treatment",
                         "mental_health_treatment", "transitional_jobs", "mentoring", "case_management",
                         "gender_responsive", "interagency_coordination"}});
    v(phase, {.path = "phase", .description = "delivered in prison before release, or in the community after it",
              .source = "docs/ODD.md §7.13", .text_default = "post_release",
              .choices = {"pre_release", "post_release"}});
    v(places_per_1000, {.path = "places_per_1000", .def = 1, .lo = 0, .hi = 1000,
                        .description = "concurrent places per 1,000 persons in the release cohort, so the policy is "
                                       "the same at any --people (places = round(places_per_1000 x people / 1000)); "
                                       "replaces the absolute `capacity`: 6000 places for 100,000 people is 60",
                        .source = "scenario setting", .replaces = "capacity"});
    v(duration, {.path = "duration", .unit = Unit::Weeks, .def = 12, .lo = 1, .hi = 520,
                 .description = "length of a full course", .source = "scenario setting"});
    v(priority, {.path = "priority", .description = "who gets a scarce place first",
                 .source = "risk principle (Lowenkamp & Latessa 2004) motivates risk_first",
                 .text_default = "risk_first", .choices = {"risk_first", "need_first", "first_come", "random"}});
    eligibility.visit(v, "");  // eligibility.* (models/eligibility/eligibility_spec.hpp)
    v(cost_per_participant_week, {.path = "cost_per_participant_week", .unit = Unit::Money, .def = 0, .lo = 0,
                                  .hi = 100000, .description = "cost of one participant for one week",
                                  .source = "scenario setting; per-kind defaults from WSIPP and RAND come with issue 6"});
    v(completion_probability, {.path = "completion_probability", .unit = Unit::Probability, .def = 0.7,
                               .description = "probability a participant completes the course",
                               .source = "assumption"});
    v(uptake, {.path = "uptake", .unit = Unit::Probability, .def = 0.6,
               .description = "share of eligible persons who are referred and willing to take part",
               .source = "assumption"});
    v(adapted_for_group, {.path = "cultural_adaptation.group", .unit = Unit::Count, .def = -1, .lo = -1, .hi = 1,
                          .description = "community group the programme is culturally adapted for (-1: none); members "
                                         "of that group complete more often (programmes.responsivity.cultural_adaptation)",
                          .source = "resolution para. 4; scenario setting"});
    v(effect_strength, {.path = "effects.strength", .def = 1, .lo = 0, .hi = 3,
                        .description = "multiplier on the kind's need reductions (programmes.<kind>.*): 1 is the "
                                       "evidence-based default, below 1 a weaker implementation",
                        .source = "scenario setting (programme fidelity)"});
    v(dropout_share, {.path = "effects.dropout_share", .unit = Unit::Probability, .def = 0.25,
                      .description = "share of the need reductions that a drop-out keeps",
                      .source = "assumption: partial dose"});
    // clang-format on
  }
};

}  // namespace pw
