// Parameters of housing after release (docs/ODD.md §7.17 and its sources).
//
// Internal units: probabilities, rates per week, durations in weeks, stocks per
// 1,000 released persons, money in US dollars per week at kPriceBaseYear prices,
// log hazard ratios for effects on offending and technical violations.
#pragma once

#include <string>

#include "sim/engine/params/param.hpp"

namespace pw {

struct HousingEntryParams {
  double own_at_release = 0;         // returns to an own or rented home
  double family_accept_per_tie = 0;  // each family tie independently offers a place
  double friend_accept_per_tie = 0;  // each prosocial tie independently offers a place
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(own_at_release, {.path = "housing.entry.own_at_release", .unit = Unit::Probability, .def = 0.17,
                       .description = "probability of returning to an own or rented home on release",
                       .source = "reentry RCT cohort, 3 states (2023), docs/ODD.md §7.17: 17% in their own home two weeks "
                                 "after release"});
    v(family_accept_per_tie, {.path = "housing.entry.family_accept_per_tie", .unit = Unit::Probability, .def = 0.6,
                              .description = "probability that each family tie offers a place to live on release "
                                             "(or after a housing loss)",
                              .source = "assumption; with community.family_ties_mean it puts about 60% with family "
                                        "or friends two weeks after release (reentry RCT cohort 2023, docs/ODD.md §7.17)"});
    v(friend_accept_per_tie, {.path = "housing.entry.friend_accept_per_tie", .unit = Unit::Probability, .def = 0.2,
                              .description = "probability that each prosocial friend offers a place to live (a tie of "
                                             "strength s counts as s ties)",
                              .source = "assumption: friends house returning people less often than family (Visher "
                                        "& Travis 2003)"});
    // clang-format on
  }
};

struct HousingStockParams {
  double transitional_per_1000 = 0, shelter_per_1000 = 0, vouchers_per_1000 = 0, public_per_1000 = 0;
  double transitional_term = 0;
  std::string public_exclusion;
  std::string voucher_priority;
  bool vouchers_at_release = false;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(transitional_per_1000, {.path = "housing.stocks.transitional_per_1000", .def = 130, .lo = 0, .hi = 1000,
                              .description = "transitional / halfway-house beds available to the cohort, per 1,000 "
                                             "released persons (0 = none)",
                              .source = "reentry RCT cohort, 3 states (2023), docs/ODD.md §7.17: 13% in work release or a "
                                        "halfway house two weeks after release"});
    v(shelter_per_1000, {.path = "housing.stocks.shelter_per_1000", .def = 60, .lo = 0, .hi = 1000,
                         .description = "homeless-shelter beds available to the cohort, per 1,000 released persons",
                         .source = "assumption: enough that shelters seldom turn people away, as in New York City's "
                                   "right to shelter (the Metraux & Culhane 2004 setting)"});
    v(vouchers_per_1000, {.path = "housing.stocks.vouchers_per_1000", .def = 0, .lo = 0, .hi = 1000,
                          .description = "housing vouchers / Housing First places for the cohort, per 1,000 released "
                                         "persons (a policy lever)",
                          .source = "policy lever; 0 = status quo"});
    v(public_per_1000, {.path = "housing.stocks.public_per_1000", .def = 10, .lo = 0, .hi = 1000,
                        .description = "public-housing units that can go to the cohort, per 1,000 released persons",
                        .source = "assumption: few public-housing places go to people leaving prison"});
    v(transitional_term, {.path = "housing.stocks.transitional_term", .unit = Unit::Weeks, .def = 13, .lo = 1, .hi = 156,
                          .description = "length of a transitional or halfway-house stay",
                          .source = "assumption: residential reentry placements typically last about three months"});
    v(public_exclusion, {.path = "housing.stocks.public_exclusion",
                         .description = "who public-housing authorities exclude: 'none', 'drug_and_violent' "
                                        "(commitment offence) or 'all' (any record)",
                         .source = "policy lever; US housing authorities may exclude for drug and violent criminal "
                                   "activity (42 U.S.C. 13661)",
                         .text_default = "drug_and_violent", .choices = {"none", "drug_and_violent", "all"}});
    v(voucher_priority, {.path = "housing.stocks.voucher_priority",
                         .description = "who gets a free voucher first: 'need-first' (mental-health plus substance-use "
                                        "need), 'risk-first', 'first-come' (longest without a home) or 'random'",
                         .source = "policy lever; Housing First targets high-need people (Tsemberis 2010)",
                         .text_default = "need-first", .choices = {"need-first", "risk-first", "first-come", "random"}});
    v(vouchers_at_release, {.path = "housing.stocks.vouchers_at_release", .def = 0,
                            .description = "offer vouchers at release to people with no home or family place, not "
                                           "only to people already in a shelter or on the street",
                            .source = "policy lever"});
    // clang-format on
  }
};

struct HousingTransitionParams {
  double own_loss_rate = 0, unemployed_loss_factor = 0, family_breakdown_rate = 0, move_out_rate = 0;
  double landlord_rejection = 0, shelter_exit_rate = 0, street_to_shelter = 0;
  double voucher_exit_year1 = 0, voucher_exit_later = 0, public_loss_rate = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(own_loss_rate, {.path = "housing.transitions.own_loss_rate", .unit = Unit::PerWeek, .def = 0.004, .lo = 0, .hi = 1,
                      .description = "weekly rate of losing an own or rented home (eviction, arrears) while employed",
                      .source = "assumption"});
    v(unemployed_loss_factor, {.path = "housing.transitions.unemployed_loss_factor", .def = 2.5, .lo = 1, .hi = 20,
                               .description = "multiplier of own_loss_rate and family_breakdown_rate without a job",
                               .source = "assumption (no income, no rent)"});
    v(family_breakdown_rate, {.path = "housing.transitions.family_breakdown_rate", .unit = Unit::PerWeek, .def = 0.004,
                              .lo = 0, .hi = 1,
                              .description = "weekly rate at which a stay with family or friends ends badly while "
                                             "employed",
                              .source = "calibrated (docs/calibration.md) to shelter entry within 24 months"});
    v(move_out_rate, {.path = "housing.transitions.move_out_rate", .unit = Unit::PerWeek, .def = 0.03, .lo = 0, .hi = 1,
                      .description = "weekly probability that an employed person staying with family, in a shelter or "
                                     "on the street looks for a rental of their own",
                      .source = "assumption"});
    v(landlord_rejection, {.path = "housing.transitions.landlord_rejection", .unit = Unit::Probability, .def = 0.45,
                           .description = "probability that a private landlord's screening rejects an applicant with a "
                                          "record, at zero stigma (hardened by neighbourhood stigma)",
                           .source = "assumption after Evans & Porter (2015), Housing Policy Debate 25: most landlords "
                                     "screen for criminal records"});
    v(shelter_exit_rate, {.path = "housing.transitions.shelter_exit_rate", .unit = Unit::PerWeek, .def = 0.08, .lo = 0,
                          .hi = 1,
                          .description = "weekly rate of leaving a shelter or the street other than for a rental: to "
                                         "family if a tie offers a place (else a shelter stay ends on the street)",
                          .source = "assumption: most single-adult shelter stays are short (Kuhn & Culhane 1998)"});
    v(street_to_shelter, {.path = "housing.transitions.street_to_shelter", .unit = Unit::PerWeek, .def = 0.3, .lo = 0,
                          .hi = 1,
                          .description = "probability that a person without a place seeks a shelter bed, when the "
                                         "place is lost and then each week on the street",
                          .source = "calibrated (docs/calibration.md) to shelter entry within 24 months"});
    v(voucher_exit_year1, {.path = "housing.transitions.voucher_exit_year1", .unit = Unit::PerWeek, .def = 0.0029,
                           .lo = 0, .hi = 1, .description = "weekly rate of leaving voucher-supported housing in its first year",
                           .source = "Denver Supportive Housing Social Impact Bond trial (Cunningham et al. 2021, Urban "
                                     "Institute): 86% housed at 1 year: -ln(0.86)/52"});
    v(voucher_exit_later, {.path = "housing.transitions.voucher_exit_later", .unit = Unit::PerWeek, .def = 0.0011,
                           .lo = 0, .hi = 1, .description = "weekly rate of leaving voucher-supported housing after year 1",
                           .source = "Denver trial: 77% housed at 3 years: -ln(0.77/0.86)/104"});
    v(public_loss_rate, {.path = "housing.transitions.public_loss_rate", .unit = Unit::PerWeek, .def = 0.002, .lo = 0,
                         .hi = 1, .description = "weekly rate of losing a public-housing tenancy",
                         .source = "assumption"});
    // clang-format on
  }
};

struct HousingEffectParams {
  double shelter_offending = 0, street_offending = 0, unstable_violation = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(shelter_offending, {.path = "housing.effects.shelter_offending", .def = 0.25, .lo = -3, .hi = 3,
                          .description = "log hazard ratio of offending while living in a shelter",
                          .source = "assumption after Metraux & Culhane (2004): shelter use after release is followed "
                                    "by more reincarceration; Lutze et al. (2014): housing assistance cut new "
                                    "convictions"});
    v(street_offending, {.path = "housing.effects.street_offending", .def = 0.4, .lo = -3, .hi = 3,
                         .description = "log hazard ratio of offending while unsheltered",
                         .source = "assumption (as shelter_offending, larger)"});
    v(unstable_violation, {.path = "housing.effects.unstable_violation", .def = 0.3, .lo = -3, .hi = 3,
                           .description = "log hazard ratio of a detected technical violation while in a shelter or on "
                                          "the street (missed contacts, no fixed address)",
                           .source = "assumption; Lutze et al. (2014) found housing assistance did not cut revocations, "
                                     "so the effect is kept small"});
    // clang-format on
  }
};

struct HousingParams {
  HousingEntryParams entry;
  HousingStockParams stocks;
  HousingTransitionParams transitions;
  HousingEffectParams effects;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    entry.visit(v);
    stocks.visit(v);
    transitions.visit(v);
    effects.visit(v);
    // clang-format on
  }
};

}  // namespace pw
