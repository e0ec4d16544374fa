// Parameters of the community network (docs/ODD.md §7.19): who a
// released person is tied to at release, how ties form and fade week by week,
// the volunteer mentors (resolution §7), and how ties change offending.
// Internal units: counts, probabilities, rates per week, log hazard ratios.
#pragma once

#include <string>

#include "sim/engine/params/param.hpp"

namespace pw {

// Ties at release. Family and prosocial means keep the parameters they had as
// plain counts (community.family_ties_mean...); antisocial ties are new here.
struct InitialTieParams {
  double antisocial_mean = 0;                 // mean antisocial ties at the reference age and history
  double antisocial_age_effect = 0;           // log change per decade of age at release above 35
  double antisocial_history_effect = 0;       // log change per unit of sqrt(prior arrests) above 3
  double antisocial_violator_effect = 0;      // log change for people admitted as supervision violators
  double antisocial_disadvantage_effect = 0;  // log change per unit of neighbourhood disadvantage
  double released_peer_share = 0;             // share of antisocial ties that go to another released person
  double pool_per_person = 0;                 // antisocial community members per released person, per neighbourhood

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(antisocial_mean, {.path = "network.initial.antisocial_mean", .def = 2.0, .lo = 0, .hi = 20,
                        .description = "mean number of antisocial peers (people who offend) a person at age 35 with "
                                       "9 prior arrests is tied to at release (Poisson)",
                        .source = "assumption after Haynie (2001) and Warr (2002): delinquent friends are a "
                                  "minority of most networks but a large share for people with long records"});
    v(antisocial_age_effect, {.path = "network.initial.antisocial_age_effect", .def = -0.3, .lo = -2, .hi = 2,
                              .description = "log change of the mean antisocial ties per decade of age at release "
                                             "above 35 (peer offending falls with age)",
                              .source = "Warr (1993), Age, peers and delinquency: exposure to delinquent peers "
                                        "peaks in the late teens and falls after; size an assumption"});
    v(antisocial_history_effect, {.path = "network.initial.antisocial_history_effect", .def = 0.2, .lo = -2, .hi = 2,
                                  .description = "log change of the mean antisocial ties per unit of sqrt(prior "
                                                 "arrests) above sqrt(9)",
                                  .source = "assumption after Sampson & Laub (1993), cumulative disadvantage"});
    v(antisocial_violator_effect, {.path = "network.initial.antisocial_violator_effect", .def = 0.1, .lo = -2, .hi = 2,
                                   .description = "log change of the mean antisocial ties for people admitted as "
                                                  "supervision violators (short stays keep street ties alive)",
                                   .source = "assumption"});
    v(antisocial_disadvantage_effect, {.path = "network.initial.antisocial_disadvantage_effect", .def = 0.2,
                                       .lo = -2, .hi = 2,
                                       .description = "log change of the mean antisocial ties per unit of the "
                                                      "neighbourhood's disadvantage index",
                                       .source = "assumption after Clear (2007): concentrated reentry in poor "
                                                 "neighbourhoods"});
    v(released_peer_share, {.path = "network.initial.released_peer_share", .unit = Unit::Probability, .def = 0.25,
                            .description = "share of a person's antisocial ties that go to another released "
                                           "person of the same neighbourhood (paired by a configuration model); the "
                                           "rest go to the neighbourhood's antisocial community members",
                            .source = "assumption; co-offenders are mostly local and of similar history (Reiss "
                                      "1988; Sarnecki 2001)"});
    v(pool_per_person, {.path = "network.initial.pool_per_person", .def = 0.5, .lo = 0.01, .hi = 10,
                        .description = "antisocial community members per released person in each neighbourhood "
                                       "(shared: several released people know the same person)",
                        .source = "assumption"});
    // clang-format on
  }
};

// Week-by-week formation and decay (applied after the week, as a batch).
struct TieDynamicsParams {
  double antisocial_decay = 0;  // per tie, per week
  double decay_work_factor = 0, decay_treatment_factor = 0, decay_away_factor = 0;
  double antisocial_formation = 0;  // new ties per week
  double formation_idle_factor = 0, formation_home_factor = 0;
  double family_strain = 0;      // share of a family tie's strength lost at an admission to prison
  double family_break = 0;       // probability a family tie breaks at an admission to prison
  double prosocial_break = 0;    // probability a prosocial tie breaks at an admission to prison
  double coworker_strength = 0;  // strength of a co-worker tie
  double coworker_decay = 0;     // per tie, per week when no longer working
  int max_coworker_ties = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(antisocial_decay, {.path = "network.dynamics.antisocial_decay", .unit = Unit::PerWeek, .def = 0.004, .lo = 0,
                         .hi = 1,
                         .description = "weekly probability that an antisocial tie fades, for a person who is idle "
                                        "in their old neighbourhood (half-life about 3 years)",
                         .source = "assumption; Warr (1998): desistance follows the loss of delinquent friends "
                                   "over years, after marriage or work"});
    v(decay_work_factor, {.path = "network.dynamics.decay_work_factor", .def = 2.0, .lo = 1, .hi = 20,
                          .description = "multiplier of the fading rate in a week the person works",
                          .source = "assumption after Wright & Cullen (2004): work reduces crime through "
                                    "fewer delinquent peers"});
    v(decay_treatment_factor, {.path = "network.dynamics.decay_treatment_factor", .def = 1.5, .lo = 1, .hi = 20,
                               .description = "multiplier of the fading rate while the person takes part in a "
                                              "community programme or a problem-solving court",
                               .source = "assumption"});
    v(decay_away_factor, {.path = "network.dynamics.decay_away_factor", .def = 3.0, .lo = 1, .hi = 20,
                          .description = "multiplier of the fading rate while the person lives away from their "
                                         "old neighbourhood (a bed in another neighbourhood)",
                          .source = "Kirk (2009, 2012): parolees displaced by Hurricane Katrina were "
                                    "reincarcerated less, through severed peer ties; size an assumption"});
    v(antisocial_formation, {.path = "network.dynamics.antisocial_formation", .unit = Unit::PerWeek, .def = 0.004,
                             .lo = 0, .hi = 1,
                             .description = "weekly rate of new antisocial ties for a person who works or takes part "
                                            "in a programme, away from the old neighbourhood",
                             .source = "assumption"});
    v(formation_idle_factor, {.path = "network.dynamics.formation_idle_factor", .def = 2.0, .lo = 1, .hi = 20,
                              .description = "multiplier of the formation rate in an idle week (no work, no "
                                             "programme)",
                              .source = "assumption after Osgood et al. (1996), unstructured socialising"});
    v(formation_home_factor, {.path = "network.dynamics.formation_home_factor", .def = 2.0, .lo = 1, .hi = 20,
                              .description = "multiplier of the formation rate while living in the old "
                                             "neighbourhood",
                              .source = "Kirk (2009); size an assumption"});
    v(family_strain, {.path = "network.dynamics.family_strain", .unit = Unit::Probability, .def = 0.25,
                      .description = "share of a family tie's strength lost at each admission to prison",
                      .source = "assumption after Comfort (2008) and Visher & Travis (2003): repeated "
                                "incarceration strains family support"});
    v(family_break, {.path = "network.dynamics.family_break", .unit = Unit::Probability, .def = 0.1,
                     .description = "probability that a family tie breaks at an admission to prison",
                     .source = "assumption"});
    v(prosocial_break, {.path = "network.dynamics.prosocial_break", .unit = Unit::Probability, .def = 0.2,
                        .description = "probability that a prosocial tie breaks at an admission to prison",
                        .source = "assumption"});
    v(coworker_strength, {.path = "network.dynamics.coworker_strength", .unit = Unit::Probability, .def = 0.5,
                          .description = "strength of a co-worker tie relative to a family or prosocial tie (a "
                                         "weak tie that can refer to jobs)",
                          .source = "Granovetter (1973), the strength of weak ties; size an assumption"});
    v(coworker_decay, {.path = "network.dynamics.coworker_decay", .unit = Unit::PerWeek, .def = 0.02, .lo = 0,
                       .hi = 1,
                       .description = "weekly probability that a tie to former co-workers fades once the job "
                                      "has ended",
                       .source = "assumption (half-life about 8 months)"});
    v(max_coworker_ties, {.path = "network.dynamics.max_coworker_ties", .unit = Unit::Count, .def = 3, .lo = 0,
                          .hi = 20,
                          .description = "co-worker ties kept at most (the oldest fades when a new job adds one)",
                          .source = "assumption"});
    // clang-format on
  }
};

// Volunteer mentors (resolution §7; circles of support and accountability).
struct MentorParams {
  double volunteers_per_1000 = 0;   // volunteers per 1,000 released persons
  int volunteers_per_mentee = 0;    // 1: one-to-one mentoring; 4-6: a circle
  std::string min_risk;             // lowest risk level matched
  double intake_window = 0;         // weeks since release within which a match can start
  double mean_duration = 0;         // weeks
  double offending_effect = 0;      // log hazard ratio while mentored
  double completion_bonus = 0;      // added to a programme's completion probability while mentored
  double cost_per_mentee_week = 0;  // coordination and training, USD

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(volunteers_per_1000, {.path = "network.mentors.volunteers_per_1000", .def = 0, .lo = 0, .hi = 10000,
                            .description = "volunteer mentors available to the cohort, per 1,000 released persons "
                                           "(0 = none, the status quo); a policy lever (resolution §7)",
                            .source = "policy lever"});
    v(volunteers_per_mentee, {.path = "network.mentors.volunteers_per_mentee", .unit = Unit::Count, .def = 1, .lo = 1,
                              .hi = 10,
                              .description = "volunteers matched to each mentee: 1 is one-to-one mentoring, 4 to 6 "
                                             "a circle of support and accountability",
                              .source = "Duwe (2018): MnCOSA circles have 4-6 volunteers"});
    v(min_risk, {.path = "network.mentors.min_risk",
                 .description = "lowest assessed risk level matched with a mentor (highest risk first)",
                 .source = "risk principle (Lowenkamp & Latessa 2004); COSA serves high-risk people",
                 .text_default = "moderate", .choices = {"low", "moderate", "high", "very_high"}});
    v(intake_window, {.path = "network.mentors.intake_window", .unit = Unit::Weeks, .def = 26, .lo = 0, .hi = 780,
                      .description = "a match can start only within this time since the latest release",
                      .source = "assumption; MnCOSA starts before release and continues after"});
    v(mean_duration, {.path = "network.mentors.mean_duration", .unit = Unit::Weeks, .def = 52, .lo = 1, .hi = 780,
                      .description = "mean length of a mentoring relationship (geometric); it also ends at an "
                                     "admission to prison",
                      .source = "Duwe (2018): circles meet for about a year"});
    v(offending_effect, {.path = "network.mentors.offending_effect", .def = -0.5, .lo = -3, .hi = 1,
                         .description = "log hazard ratio of offending while mentored (−0.5 is a hazard ratio of "
                                        "0.61)",
                         .source = "Duwe (2018), MnCOSA RCT (n = 100): general recidivism 49-57% lower; shrunk "
                                   "toward zero for a small trial and a general population"});
    v(completion_bonus, {.path = "network.mentors.completion_bonus", .unit = Unit::Probability, .def = 0.1,
                         .description = "added to the completion probability of a programme course that ends while "
                                        "the participant has a mentor",
                         .source = "assumption, sized like programmes.need_match_bonus; docs/ODD.md §2.2: mentor ties "
                                   "raise programme completion"});
    v(cost_per_mentee_week, {.path = "network.mentors.cost_per_mentee_week", .unit = Unit::Money, .def = 60, .lo = 0,
                             .hi = 100000,
                             .description = "coordination, training and volunteer support per mentee-week (volunteers "
                                            "are unpaid)",
                             .source = "Duwe (2018): MnCOSA cost about $11,000 per participant (2013 USD) over about "
                                       "three years of staff time; about $60 a week at 2023 prices"});
    // clang-format on
  }
};

// How the network changes offending (differential association, co-offending).
struct NetworkInfluenceParams {
  double antisocial_effect = 0;    // log hazard ratio per unit of antisocial share above the reference
  double reference_share = 0;      // antisocial share at which the effect is zero
  double co_offending_effect = 0;  // log hazard ratio per released peer who offended last week
  int co_offending_cap = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(antisocial_effect, {.path = "network.influence.antisocial_effect", .def = 1.0, .lo = 0, .hi = 5,
                          .description = "log hazard ratio of offending per unit of antisocial share (strength of "
                                         "antisocial ties over all ties) above network.influence.reference_share",
                          .source = "Pratt et al. (2010), meta-analysis of social learning theory: differential "
                                    "association is among the strongest correlates of offending; size an "
                                    "assumption (a share of 1 against 0 is a hazard ratio of 2.7)"});
    v(reference_share, {.path = "network.influence.reference_share", .unit = Unit::Probability, .def = 0.4,
                        .description = "antisocial share at which the antisocial effect is zero (about the cohort's "
                                       "mean at release, so the calibrated base rate keeps its meaning)",
                        .source = "model property (docs/network.md)"});
    v(co_offending_effect, {.path = "network.influence.co_offending_effect", .def = 0.3, .lo = 0, .hi = 3,
                            .description = "log hazard ratio of offending per tied released peer who offended the "
                                           "week before (co-offending opportunity)",
                            .source = "assumption after Reiss (1988) and Sarnecki (2001): much offending is done "
                                      "with others"});
    v(co_offending_cap, {.path = "network.influence.co_offending_cap", .unit = Unit::Count, .def = 3, .lo = 0,
                         .hi = 20, .description = "peers counted at most in the co-offending effect",
                         .source = "assumption"});
    // clang-format on
  }
};

struct NetworkOutputParams {
  double snapshot_every = 0;  // weeks; 0 = no edge-list snapshots
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(snapshot_every, {.path = "network.output.snapshot_every", .unit = Unit::Weeks, .def = 0, .lo = 0, .hi = 780,
                       .description = "write the network's edge list to the results file every this many weeks "
                                      "(first replicate; 0 = never)",
                       .source = "output setting"});
    // clang-format on
  }
};

struct NetworkParams {
  InitialTieParams initial;
  TieDynamicsParams dynamics;
  MentorParams mentors;
  NetworkInfluenceParams influence;
  NetworkOutputParams output;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    initial.visit(v);
    dynamics.visit(v);
    mentors.visit(v);
    influence.visit(v);
    output.visit(v);
    // clang-format on
  }
};

}  // namespace pw
