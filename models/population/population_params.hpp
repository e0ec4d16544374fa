// Parameters of the synthetic release cohort. The composition published for the
// cohort (sex, ages, criminal history, admission, supervision) comes from the
// profile file; what the profile does not give is declared here, with sources.
#pragma once

#include <string>

#include "sim/engine/params/param.hpp"

namespace pw {

struct PopulationParams {
  std::string profile_file;
  double min_age_at_release = 0;
  double max_age_at_release = 0;
  double min_age_first_arrest = 0;
  double history_association = 0;
  double prior_arrests_open_band_mean = 0;
  double second_group_share = 0;
  double education_none_share = 0;
  double education_post_secondary_share = 0;
  double offence_violent_share = 0;
  double offence_property_share = 0;
  double offence_drug_share = 0;
  double months_served_median = 0;
  double months_served_sigma = 0;
  double admission_risk_correlation = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(profile_file, {.path = "population.profile_file",
                     .description = "CSV of the cohort's published composition (attribute,category,percent)",
                     .source = "BJS NCJ 256094 Tables 1 and 3 (US state prisoners released in 2008)",
                     .text_default = "../data/populations/us-state-2008.csv"});
    v(min_age_at_release, {.path = "population.min_age_at_release", .unit = Unit::Years, .def = 18, .lo = 14, .hi = 30,
                           .description = "lower bound of the youngest age-at-release band",
                           .source = "adult state prisons hold people aged 18 and over"});
    v(max_age_at_release, {.path = "population.max_age_at_release", .unit = Unit::Years, .def = 80, .lo = 65, .hi = 100,
                           .description = "upper bound of the oldest age-at-release band",
                           .source = "assumption: few releases above 80 (BJS: 0.6% are 65 or older)"});
    v(min_age_first_arrest, {.path = "population.min_age_first_arrest", .unit = Unit::Years, .def = 12, .lo = 7, .hi = 17,
                             .description = "lower bound of the youngest age-at-first-arrest band",
                             .source = "assumption"});
    v(history_association, {.path = "population.history_association", .def = 1.5, .lo = 0, .hi = 5,
                            .description = "strength of the association between criminal career length (release age minus "
                                           "first-arrest age) and prior arrests, used to seed the joint table before "
                                           "fitting it to the published marginals",
                            .source = "assumption: longer careers accumulate more arrests; marginals are matched exactly"});
    v(prior_arrests_open_band_mean, {.path = "population.prior_arrests_open_band_mean", .def = 18, .lo = 10, .hi = 60,
                                     .description = "mean number of prior arrests in the open-ended top band (10plus)",
                                     .source = "assumption consistent with a cohort median of 9 priors (BJS NCJ 256094)"});
    v(second_group_share, {.path = "population.second_group_share", .unit = Unit::Probability, .def = 0.33,
                           .description = "share of the cohort in community group 1 (used for responsivity and outcomes by group)",
                           .source = "Black share of sentenced state prisoners, Carson (2020), Prisoners in 2019, BJS NCJ 255115"});
    v(education_none_share, {.path = "population.education_none_share", .unit = Unit::Probability, .def = 0.41,
                             .description = "share without a high-school diploma or GED",
                             .source = "Harlow (2003), Education and Correctional Populations, BJS NCJ 195670: 41%"});
    v(education_post_secondary_share, {.path = "population.education_post_secondary_share", .unit = Unit::Probability,
                                       .def = 0.13, .description = "share with some post-secondary education",
                                       .source = "Harlow (2003), BJS NCJ 195670: about 13% of state prisoners"});
    v(offence_violent_share, {.path = "population.offence_violent_share", .unit = Unit::Probability, .def = 0.25,
                              .description = "share whose commitment offence was violent",
                              .source = "Antenangeli & Durose (2021), BJS NCJ 256094: 25% of 2008 releases"});
    v(offence_property_share, {.path = "population.offence_property_share", .unit = Unit::Probability, .def = 0.30,
                               .description = "share whose commitment offence was a property offence",
                               .source = "Antenangeli & Durose (2021), BJS NCJ 256094: 30%"});
    v(offence_drug_share, {.path = "population.offence_drug_share", .unit = Unit::Probability, .def = 0.30,
                           .description = "share whose commitment offence was a drug offence; the rest are public order",
                           .source = "Antenangeli & Durose (2021), BJS NCJ 256094: 30% (public order 16%, rounded)"});
    v(months_served_median, {.path = "population.months_served_median", .def = 16, .lo = 1, .hi = 240,
                             .description = "median months served in the term that ended at release (lognormal)",
                             .source = "Kaeble (2018), Time Served in State Prison 2016, BJS NCJ 252205: median 1.3 years"});
    v(months_served_sigma, {.path = "population.months_served_sigma", .def = 1.18, .lo = 0.1, .hi = 3,
                            .description = "log-scale spread of months served",
                            .source = "Kaeble (2018): mean 2.6 y is twice the median 1.3 y, so sigma = sqrt(2 ln 2)"});
    v(admission_risk_correlation, {.path = "population.admission_risk_correlation", .def = 0.5, .lo = -0.95, .hi = 0.95,
                                   .description = "correlation (Gaussian copula) between a person's persistent unobserved "
                                                  "propensity to offend (the offending frailty) and having been admitted as a "
                                                  "supervision violator: violators are those whose earlier supervision failed, "
                                                  "a selection on unobserved risk (docs/ODD.md, 'Population synthesis')",
                                   .source = "calibrated (docs/calibration.md); direction: a previous failure under "
                                             "supervision is among the strongest predictors of later failure (Gendreau, "
                                             "Little & Goggin 1996, Criminology 34:575)"});
    // clang-format on
  }
};

}  // namespace pw
