// Parameters of neighbourhoods and of the family and prosocial support a
// released person can draw on (docs/ODD.md §2.2). Internal units: counts,
// probabilities, log-scale spreads.
#pragma once

#include "sim/engine/params/param.hpp"

namespace pw {

struct CommunityParams {
  int neighbourhoods = 0;
  double disadvantage_sd = 0;       // spread of the neighbourhood disadvantage index (standard normal scale)
  double return_concentration = 0;  // log weight of releases per unit of disadvantage
  double job_density_gradient = 0;  // log employer density per unit of disadvantage
  double stigma = 0;                // share of record-checking decisions that neighbourhood stigma hardens
  double awareness = 0;             // community awareness campaigns: relative reduction of stigma
  double family_ties_mean = 0, prosocial_ties_mean = 0;
  double family_ties_age_effect = 0;  // log change of the mean per decade of age at release above 35
  double ties_history_effect = 0;     // log change of the means per unit of sqrt(prior arrests) above 3

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(neighbourhoods, {.path = "community.neighbourhoods", .unit = Unit::Count, .def = 12, .lo = 1, .hi = 1000,
                       .description = "neighbourhoods people return to; each has its own employers and beds",
                       .source = "assumption (a mid-sized city's police districts)"});
    v(disadvantage_sd, {.path = "community.disadvantage_sd", .def = 1.0, .lo = 0, .hi = 3,
                        .description = "standard deviation of the neighbourhood disadvantage index (standard normal "
                                       "scores, evenly spaced quantiles)",
                        .source = "assumption"});
    v(return_concentration, {.path = "community.return_concentration", .def = 0.8, .lo = 0, .hi = 3,
                             .description = "log weight of a neighbourhood in the releases it receives, per unit of "
                                            "disadvantage: returning people concentrate in poor neighbourhoods",
                             .source = "Clear (2007), Imprisoning Communities; Lynch & Sabol (2004): a few "
                                       "neighbourhoods receive most returning prisoners; 0.8 puts about 40% of "
                                       "releases in the most disadvantaged quarter of neighbourhoods"});
    v(job_density_gradient, {.path = "community.job_density_gradient", .def = -0.4, .lo = -3, .hi = 3,
                             .description = "log employer density per unit of disadvantage (spatial mismatch: fewer "
                                            "entry-level jobs where people return)",
                             .source = "assumption after Sabol (2007), spatial mismatch in ex-offender employment"});
    v(stigma, {.path = "community.stigma", .unit = Unit::Probability, .def = 0.3,
               .description = "neighbourhood stigma: the share by which a record check's rejection is hardened by "
                              "local attitudes to returning people (employers and landlords), at average disadvantage",
               .source = "assumption; resolution 2023/24 §6 asks states to reduce stigma"});
    v(awareness, {.path = "community.awareness", .unit = Unit::Probability, .def = 0.0,
                  .description = "community awareness and acceptance campaigns: relative reduction of stigma "
                                 "(a policy lever, resolution §6)",
                  .source = "policy lever; 0 = status quo"});
    v(family_ties_mean, {.path = "community.family_ties_mean", .def = 2.0, .lo = 0, .hi = 20,
                         .description = "mean number of family members a person at the reference age and history "
                                        "can turn to (Poisson)",
                         .source = "assumption consistent with Visher & Travis (2003): most returning prisoners "
                                   "rely on family for housing and support (60% live in someone else's home "
                                   "two weeks after release)"});
    v(prosocial_ties_mean, {.path = "community.prosocial_ties_mean", .def = 1.0, .lo = 0, .hi = 20,
                            .description = "mean number of prosocial friends and acquaintances who can refer to "
                                           "jobs (Poisson)",
                            .source = "assumption"});
    v(family_ties_age_effect, {.path = "community.family_ties_age_effect", .def = -0.15, .lo = -2, .hi = 2,
                               .description = "log change of the mean family ties per decade of age at release "
                                              "above 35 (older people have fewer parents to return to)",
                               .source = "assumption"});
    v(ties_history_effect, {.path = "community.ties_history_effect", .def = -0.15, .lo = -2, .hi = 2,
                            .description = "log change of the mean family and prosocial ties per unit of "
                                           "sqrt(prior arrests) above sqrt(9): long records wear out support",
                            .source = "assumption after Sampson & Laub (1993), cumulative disadvantage"});
    // clang-format on
  }
};

}  // namespace pw
