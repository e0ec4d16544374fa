// Parameters of the labour market for released persons (docs/ODD.md §7.16 and its sources).
//
// Internal units: probabilities per week or per decision, counts per 1,000
// released persons, money in US dollars at kPriceBaseYear prices (a weekly wage
// is dollars per week), log hazard ratios for effects on offending.
#pragma once

#include "sim/engine/params/param.hpp"

namespace pw {

struct EmployerParams {
  double employers_per_1000 = 0;    // employers hiring into the entry-level jobs returning people seek
  double positions_per_person = 0;  // such jobs open to the cohort, per released person
  double willingness_mean = 0, willingness_concentration = 0;
  double record_check_share = 0;
  double informal_share = 0;
  double cooperating_share = 0;
  double share_construction = 0, share_food_service = 0, share_manufacturing = 0;  // rest: retail and other services
  double wage_construction = 0, wage_food_service = 0, wage_manufacturing = 0, wage_other = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(employers_per_1000, {.path = "labour.employers.per_1000_released", .def = 20, .lo = 0.1, .hi = 1000,
                           .description = "employers with entry-level openings, per 1,000 released persons",
                           .source = "assumption (sets how many distinct employers share the openings)"});
    v(positions_per_person, {.path = "labour.employers.positions_per_person", .def = 0.6, .lo = 0, .hi = 5,
                             .description = "entry-level jobs that returning people can hold at once, per released "
                                            "person (0 = no vacancies at all)",
                             .source = "calibrated (docs/calibration.md) to employment at 8 months"});
    v(willingness_mean, {.path = "labour.employers.willingness_mean", .unit = Unit::Probability, .def = 0.5,
                         .description = "mean probability that an employer who checks records still considers an "
                                        "applicant with a record (Beta across employers)",
                         .source = "Pager (2003), Am J Sociol 108:937: a record halved callbacks (34% vs 17% for white "
                                   "applicants)"});
    v(willingness_concentration, {.path = "labour.employers.willingness_concentration", .def = 4, .lo = 0.1, .hi = 1000,
                                  .description = "a + b of the Beta distribution of willingness (small = very "
                                                 "heterogeneous employers)",
                                  .source = "assumption"});
    v(record_check_share, {.path = "labour.employers.record_check_share", .unit = Unit::Probability, .def = 0.7,
                           .description = "share of employers who check criminal records",
                           .source = "Holzer, Raphael & Stoll (2007): roughly two thirds of employers in four "
                                     "US cities checked records for their most recent hire"});
    v(informal_share, {.path = "labour.employers.informal_share", .unit = Unit::Probability, .def = 0.25,
                       .description = "share of employers who pay cash off the books (day labour, informal work): "
                                      "they do not check records, and their jobs count as work but not as formal "
                                      "(taxed, recorded) earnings",
                       .source = "calibrated (docs/calibration.md): it reconciles self-reported work (Visher, Debus & "
                                 "Yahner 2008) with formal earnings in tax records (Looney & Turner 2018)"});
    v(cooperating_share, {.path = "labour.employers.cooperating_share", .unit = Unit::Probability, .def = 0.0,
.description = "share of employers in a reintegration partnership ('cooperating "
                                         "employers', resolution §7): they consider every applicant with a record, "
                                         "and transitional-jobs programmes refer their participants to them",
                          .source = "policy lever; 0 = status quo"});
    v(share_construction, {.path = "labour.employers.share_construction", .unit = Unit::Probability, .def = 0.25,
                           .description = "share of employers in construction",
                           .source = "assumption after Visher, Debus & Yahner (2008): construction, food service, "
                                     "manufacturing and general labour dominate jobs after prison"});
    v(share_food_service, {.path = "labour.employers.share_food_service", .unit = Unit::Probability, .def = 0.30,
                           .description = "share of employers in food service and hospitality",
                           .source = "assumption (as share_construction)"});
    v(share_manufacturing, {.path = "labour.employers.share_manufacturing", .unit = Unit::Probability, .def = 0.20,
                            .description = "share of employers in manufacturing and warehousing (the rest: retail "
                                           "and other services)",
                            .source = "assumption (as share_construction)"});
    v(wage_construction, {.path = "labour.employers.wage_construction", .unit = Unit::Money, .def = 620, .lo = 0,
                          .hi = 1e5, .description = "median weekly wage of an entry-level job in construction",
                          .source = "assumption: about $17/hour for 36 hours (BLS OES 2023 construction laborers, "
                                    "10th-25th percentile)"});
    v(wage_food_service, {.path = "labour.employers.wage_food_service", .unit = Unit::Money, .def = 420, .lo = 0,
                          .hi = 1e5, .description = "median weekly wage of an entry-level job in food service",
                          .source = "assumption: about $14/hour for 30 hours (BLS OES 2023 food preparation workers)"});
    v(wage_manufacturing, {.path = "labour.employers.wage_manufacturing", .unit = Unit::Money, .def = 600, .lo = 0,
                           .hi = 1e5, .description = "median weekly wage of an entry-level job in manufacturing",
                           .source = "assumption: about $16/hour for 38 hours (BLS OES 2023 hand laborers)"});
    v(wage_other, {.path = "labour.employers.wage_other", .unit = Unit::Money, .def = 480, .lo = 0, .hi = 1e5,
                   .description = "median weekly wage of an entry-level job in retail and other services",
                   .source = "assumption: about $15/hour for 32 hours (BLS OES 2023 retail salespersons)"});
    // clang-format on
  }
};

struct SearchParams {
  double search_rate = 0;                     // weekly probability an unemployed person applies for a job
  double referral_per_tie = 0;                // weekly probability per family or prosocial tie of a job referral
  double local_share = 0;                     // share of applications to employers in the person's own neighbourhood
  double interview_base = 0;                  // probability of passing the interview at employability 0.5
  double interview_skill_effect = 0;          // logit of passing per unit of employability
  double referral_interview_effect = 0;       // logit added by a referral
  double unstable_housing_search_factor = 0;  // search rate multiplier in a shelter or on the street
  double supervision_search_factor = 0;       // search rate multiplier on post-release supervision
  double substance_use_search_effect = 0;     // log search rate per unit of substance-use need
  double transitional_job_wage = 0;           // weekly wage of a programme transitional job
  double wage_spread = 0;                     // log-scale spread of wages around the sector median

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(search_rate, {.path = "labour.search.rate", .unit = Unit::PerWeek, .def = 0.25, .lo = 0, .hi = 1,
                    .description = "weekly probability that an unemployed person in the community applies for a job",
                    .source = "calibrated (docs/calibration.md) to employment at 8 months"});
    v(referral_per_tie, {.path = "labour.search.referral_per_tie", .unit = Unit::PerWeek, .def = 0.02, .lo = 0, .hi = 1,
                         .description = "weekly probability, per family or prosocial tie, that a job search goes "
                                        "through a referral (which passes the record screen of the employer)",
                         .source = "assumption after Visher, Debus & Yahner (2008): most jobs after prison were found "
                                   "through family and friends"});
    v(local_share, {.path = "labour.search.local_share", .unit = Unit::Probability, .def = 0.6,
                    .description = "share of applications to employers in the person's own neighbourhood",
                    .source = "assumption"});
    v(interview_base, {.path = "labour.search.interview_base", .unit = Unit::Probability, .def = 0.5,
                       .description = "probability of passing the interview at employability 0.5, without referral",
                       .source = "assumption"});
    v(interview_skill_effect, {.path = "labour.search.interview_skill_effect", .def = 2.0, .lo = 0, .hi = 10,
                               .description = "logit of passing the interview per unit of employability (skills); "
                                              "in-prison education raises employability",
                               .source = "assumption; with the default education effects it gives employment odds "
                                         "+13% for education, as in Davis et al. (2013), RAND RR-266"});
    v(referral_interview_effect, {.path = "labour.search.referral_interview_effect", .def = 1.0, .lo = 0, .hi = 10,
                                  .description = "logit added to passing the interview by a referral",
                                  .source = "assumption"});
    v(unstable_housing_search_factor, {.path = "labour.search.unstable_housing_factor", .def = 0.5, .lo = 0, .hi = 1,
                                       .description = "search rate multiplier for people in a shelter or on the street",
                                       .source = "assumption; homelessness impedes job search (Metraux & Culhane 2004)"});
    v(supervision_search_factor, {.path = "labour.search.supervision_factor", .def = 1.3, .lo = 0, .hi = 5,
                                  .description = "search rate multiplier on post-release supervision (seeking work "
                                                 "is a condition of parole)",
                                  .source = "assumption; most parole conditions require employment or a job search"});
    v(substance_use_search_effect, {.path = "labour.search.substance_use_effect", .def = -0.5, .lo = -5, .hi = 2,
                                    .description = "log search rate per unit of substance-use need",
                                    .source = "assumption; active substance use impedes job search"});
    v(transitional_job_wage, {.path = "labour.search.transitional_job_wage", .unit = Unit::Money, .def = 360, .lo = 0,
                              .hi = 1e5,
                              .description = "weekly wage of a transitional job while a person is active in a "
                                             "transitional_jobs programme (subsidised, formal, outside the employers' "
                                             "positions); participants also get a job developer's referral each week",
                              .source = "Redcross et al. (2012), MDRC: CEO work crews paid the minimum wage for about "
                                        "four days a week (about $360 a week at 2023 wages)"});
    v(wage_spread, {.path = "labour.search.wage_spread", .def = 0.25, .lo = 0, .hi = 2,
                    .description = "log-scale standard deviation of a new job's weekly wage around its sector median",
                    .source = "assumption"});
    // clang-format on
  }
};

struct SeparationParams {
  double early_rate = 0, late_rate = 0, tenure_scale = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(early_rate, {.path = "labour.separation.early_rate", .unit = Unit::PerWeek, .def = 0.06, .lo = 0, .hi = 1,
                   .description = "weekly rate at which a new job ends (quit or dismissal) in its first weeks",
                   .source = "assumption; Visher, Debus & Yahner (2008): 65% had worked by 8 months but only 45% "
                             "were working"});
    v(late_rate, {.path = "labour.separation.late_rate", .unit = Unit::PerWeek, .def = 0.012, .lo = 0, .hi = 1,
                  .description = "weekly rate at which a long-held job ends",
                  .source = "calibrated (docs/calibration.md)"});
    v(tenure_scale, {.path = "labour.separation.tenure_scale", .unit = Unit::Weeks, .def = 13, .lo = 1, .hi = 520,
                     .description = "tenure over which the separation rate falls from early_rate to late_rate "
                                    "(rate = late + (early - late) exp(-tenure / scale))",
                     .source = "assumption (job separation falls steeply with tenure; Farber 1994)"});
    // clang-format on
  }
};

struct BanTheBoxParams {
  bool enabled = false;
  double proxy_penalty = 0;
  int proxied_group = 0;
  double post_offer_rejection_factor = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(enabled, {.path = "labour.ban_the_box.enabled", .def = 0,
                .description = "ban-the-box: employers who check records may do so only after a conditional offer",
                .source = "policy lever; false = status quo"});
    v(proxy_penalty, {.path = "labour.ban_the_box.proxy_penalty", .unit = Unit::Probability, .def = 0.25,
                      .description = "statistical discrimination: with ban-the-box, employers who would have checked "
                                     "records reject this share of applicants of the proxied group at the callback",
                      .source = "Agan & Starr (2018), QJE 133:191: the white-Black callback gap grew from 7% to 43% "
                                "after ban-the-box (callback ratio 0.93 -> 0.70, a relative penalty of about 0.25); "
                                "Doleac & Hansen (2020): -3.4 pp employment of young low-skilled Black men"});
    v(proxied_group, {.path = "labour.ban_the_box.proxied_group", .unit = Unit::Count, .def = 1, .lo = 0, .hi = 1,
                      .description = "the community group (population.group) employers use as a proxy for a record",
                      .source = "model convention: group 1 is the group that record prevalence is associated with"});
    v(post_offer_rejection_factor, {.path = "labour.ban_the_box.post_offer_rejection_factor", .unit = Unit::Probability,
                                    .def = 0.7,
                                    .description = "with ban-the-box, the record check's rejection probability after a "
                                                   "conditional offer, relative to before the interview (personal contact "
                                                   "and sunk hiring costs soften it)",
                                    .source = "assumption after Bushway & Pickett (2023), Criminol Public Policy: "
                                              "employers revoke fewer conditional offers than they screen out"});
    // clang-format on
  }
};

struct IncentiveParams {
  double tax_credit_takeup = 0, tax_credit_uplift = 0;
  double bonding_takeup = 0, bonding_uplift = 0;
  double certificate_coverage = 0, certificate_uplift = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(tax_credit_takeup, {.path = "labour.incentives.tax_credit_takeup", .unit = Unit::Probability, .def = 0.1,
                          .description = "share of employers who claim a hiring tax credit (such as the Work "
                                         "Opportunity Tax Credit) for applicants with a felony record",
                          .source = "assumption: WOTC is claimed for a small minority of eligible hires (GAO-02-339)"});
    v(tax_credit_uplift, {.path = "labour.incentives.tax_credit_uplift", .unit = Unit::Probability, .def = 0.18,
                          .description = "share of an employer's reluctance (1 - willingness) removed by the tax credit",
                          .source = "Hunt et al. (2018), RAND RR-2142: 59 of 100 employers would consider an applicant "
                                    "with a felony with the baseline credit; from a willingness of 0.5 that is "
                                    "1 - 0.41/0.5 = 0.18"});
    v(bonding_takeup, {.path = "labour.incentives.bonding_takeup", .unit = Unit::Probability, .def = 0.0,
                       .description = "share of employers who use fidelity bonding (insurance against employee "
                                      "dishonesty) for hires with a record",
                       .source = "policy lever; the Federal Bonding Program is little used"});
    v(bonding_uplift, {.path = "labour.incentives.bonding_uplift", .unit = Unit::Probability, .def = 0.2,
                       .description = "share of an employer's reluctance removed by bonding",
                       .source = "assumption of the same size as the tax credit: Bushway & Pickett (2023) found "
                                 "insurance against losses about as effective as a tax credit"});
    v(certificate_coverage, {.path = "labour.incentives.certificate_coverage", .unit = Unit::Probability, .def = 0.0,
                             .description = "share of released persons holding a certificate of rehabilitation or "
                                            "of work performance",
                             .source = "policy lever; 0 = status quo"});
    v(certificate_uplift, {.path = "labour.incentives.certificate_uplift", .unit = Unit::Probability, .def = 0.54,
                           .description = "share of an employer's remaining reluctance removed when the applicant holds "
                                          "a certificate",
                           .source = "Hunt et al. (2018), RAND RR-2142: a certificate of work performance raised "
                                     "consideration from 59 to 81 of 100 employers: 1 - 0.19/0.41 = 0.54"});
    // clang-format on
  }
};

struct LabourEffectParams {
  double employment_effect_older = 0, employment_effect_younger = 0, age_threshold = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(employment_effect_older, {.path = "labour.effects.employment_offending_older", .def = -0.29, .lo = -3, .hi = 1,
                                .description = "log hazard ratio of offending while employed, at or above the age "
                                               "threshold (a named mechanism: routine, income and social control)",
                                .source = "Uggen (2000), Am Sociol Rev 65:529: a job offer cut self-reported crime "
                                          "and arrest among participants aged 27 and over, not among younger ones; the "
                                          "size (-0.29, a hazard ratio of 0.75) is an assumption of a modest effect"});
    v(employment_effect_younger, {.path = "labour.effects.employment_offending_younger", .def = 0.0, .lo = -3, .hi = 1,
                                  .description = "log hazard ratio of offending while employed, below the age threshold",
                                  .source = "Uggen (2000): no effect among participants in their teens and early twenties"});
    v(age_threshold, {.path = "labour.effects.age_threshold", .unit = Unit::Years, .def = 27, .lo = 14, .hi = 80,
                      .description = "current age from which employment lowers offending",
                      .source = "Uggen (2000)"});
    // clang-format on
  }
};

struct LabourParams {
  EmployerParams employers;
  SearchParams search;
  SeparationParams separation;
  BanTheBoxParams ban_the_box;
  IncentiveParams incentives;
  LabourEffectParams effects;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    employers.visit(v);
    search.visit(v);
    separation.visit(v);
    ban_the_box.visit(v);
    incentives.visit(v);
    effects.visit(v);
    // clang-format on
  }
};

}  // namespace pw
