// Parameters of offending, policing, courts and supervision.
//
// Calibrated values (marked "calibrated" in their source) are fitted to the BJS
// 2008 cohort by pathways calibrate (docs/calibration.md); the rest are
// literature priors or stated assumptions. Internal units: rates per week,
// durations in weeks, log hazard ratios per unit of the covariate.
#pragma once

#include "models/eligibility/eligibility_spec.hpp"
#include "sim/engine/params/param.hpp"

namespace pw {

struct OffendingParams {
  double base_rate = 0;              // offences per week, reference person, frailty 1
  double frailty_variance = 0;       // gamma frailty, mean 1
  double age_elasticity = 0;         // log hazard per unit of log current age (hazard ~ age^elasticity)
  double desistance_median_age = 0;  // years: the age by which half of careers have ended
  double desistance_age_scale = 0;   // years: logistic scale of the age at desistance
  double female_effect = 0;          // log hazard ratio, female vs male
  double prior_arrests_effect = 0;   // log hazard per unit of sqrt(prior arrests)
  double onset_effect = 0;           // log hazard per year of age at first arrest
  double property_offender_effect = 0, drug_offender_effect = 0,
         public_order_offender_effect = 0;  // log hazard ratio by commitment offence, vs violent
  double substance_use_effect = 0, mental_health_effect = 0, antisocial_cognition_effect = 0,
         low_employability_effect = 0;                     // log hazard per unit of need
  double specialisation = 0;                               // probability an offence repeats the commitment offence type
  double mix_violent = 0, mix_property = 0, mix_drug = 0;  // otherwise drawn from this mix
  double detect_violent = 0, detect_property = 0, detect_drug = 0, detect_public_order = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(base_rate, {.path = "justice.offending.base_rate", .unit = Unit::PerWeek, .def = 0.1, .lo = 1e-5, .hi = 5,
                  .description = "offences per week of a man aged 35 with 9 prior arrests, first arrested at 18, "
                                 "released from a term for a violent offence, with no criminogenic needs and frailty 1",
                  .source = "calibrated (docs/calibration.md)"});
    v(frailty_variance, {.path = "justice.offending.frailty_variance", .def = 1.5, .lo = 0, .hi = 10,
                         .description = "variance of the persistent individual propensity (gamma, mean 1); its "
                                        "selection makes the population hazard fall with time since release",
                         .source = "calibrated (docs/calibration.md)"});
    v(age_elasticity,
      {.path = "justice.offending.age_elasticity", .def = -1.5, .lo = -6, .hi = 1,
       .description = "elasticity of the offending rate of people still offending with respect to their current age: "
                      "the hazard is proportional to (age / 35)^elasticity, so it falls fastest in the twenties and "
                      "flattens later; age grows each week",
       .source = "calibrated (docs/calibration.md); shape: the adult decline of offending is steepest after the late-teens "
                 "peak and slows with age (Farrington 1986, Age and crime, Crime & Justice 7:189; Hirschi & Gottfredson "
                 "1983, AJS 89:552); -1.5 halves the rate between 35 and 55"});
    v(female_effect, {.path = "justice.offending.female_effect", .def = -0.35, .lo = -3, .hi = 1,
                      .description = "log hazard ratio of women vs men", .source = "calibrated (docs/calibration.md)"});
    v(prior_arrests_effect, {.path = "justice.offending.prior_arrests_effect", .def = 0.5, .lo = 0, .hi = 3,
                             .description = "log hazard per unit of the square root of prior arrests (a count of 9 is the reference)",
                             .source = "calibrated (docs/calibration.md)"});
    v(desistance_median_age,
      {.path = "justice.offending.desistance_median_age", .unit = Unit::Years, .def = 60, .lo = 30, .hi = 150,
       .description = "median age at desistance: each person's criminal career ends at an age drawn from a logistic "
                      "distribution with this median; a person released after that age has desisted and does not "
                      "offend, and an active person stops offending on reaching it (the age-crime curve as falling "
                      "participation)",
       .source = "calibrated (docs/calibration.md); mechanism: the decline of crime with age is mostly a decline in "
                 "the share of people still offending, not in their rate (Blumstein, Cohen & Farrington 1988, "
                 "Criminology 26:1); split-population recidivism model (Schmidt & Witte 1989, J. Econometrics 40:141); "
                 "termination rates rise after the thirties (Blumstein, Cohen & Hsieh 1982, The Duration of Adult "
                 "Criminal Careers, Urban Institute)"});
    v(desistance_age_scale,
      {.path = "justice.offending.desistance_age_scale", .unit = Unit::Years, .def = 8, .lo = 1, .hi = 40,
       .description = "logistic scale of the age at desistance: the desisted share rises from 27% to 73% between "
                      "median - scale and median + scale",
       .source = "calibrated (docs/calibration.md); by age 70 most careers have ended (Laub & Sampson 2003, Shared "
                 "Beginnings, Divergent Lives, Harvard UP)"});
    v(onset_effect, {.path = "justice.offending.onset_effect", .def = -0.02, .lo = -0.2, .hi = 0.05,
                     .description = "log hazard per year of age at first arrest (early onset, higher risk)",
                     .source = "assumption; early onset predicts persistence (Moffitt 1993)"});
    v(property_offender_effect, {.path = "justice.offending.property_offender_effect", .def = 0.4, .lo = -2, .hi = 2,
                                 .description = "log hazard ratio of offending of people whose commitment offence was a "
                                                "property offence, vs a violent one (offence-specific propensity: property "
                                                "offenders offend at high rates)",
                                 .source = "calibrated (docs/calibration.md); direction: property offending is the most "
                                           "frequent and most persistent (Blumstein et al. 1986, Criminal Careers and "
                                           "'Career Criminals', National Academy Press, ch. 3)"});
    v(drug_offender_effect, {.path = "justice.offending.drug_offender_effect", .def = 0.2, .lo = -2, .hi = 2,
                             .description = "log hazard ratio of offending of people whose commitment offence was a drug "
                                            "offence, vs a violent one",
                             .source = "calibrated (docs/calibration.md); prior range centred on no difference"});
    v(public_order_offender_effect, {.path = "justice.offending.public_order_offender_effect", .def = 0.2, .lo = -2,
                                     .hi = 2,
                                     .description = "log hazard ratio of offending of people whose commitment offence was "
                                                    "a public-order offence, vs a violent one",
                                     .source = "calibrated (docs/calibration.md); prior range centred on no difference"});
    v(substance_use_effect, {.path = "justice.offending.substance_use_effect", .def = 0.5, .lo = -2, .hi = 3,
                             .description = "log hazard per unit of substance-use need",
                             .source = "assumption; a 'central eight' factor (Andrews & Bonta 2010)"});
    v(mental_health_effect, {.path = "justice.offending.mental_health_effect", .def = 0.1, .lo = -2, .hi = 3,
                             .description = "log hazard per unit of mental-health need (weak direct effect)",
                             .source = "assumption; Bonta et al. (2014) find mental illness a weak predictor"});
    v(antisocial_cognition_effect, {.path = "justice.offending.antisocial_cognition_effect", .def = 0.6, .lo = -2,
                                    .hi = 3, .description = "log hazard per unit of antisocial-cognition need",
                                    .source = "assumption; a 'big four' factor (Andrews & Bonta 2010)"});
    v(low_employability_effect, {.path = "justice.offending.low_employability_effect", .def = 0.3, .lo = -2, .hi = 3,
                                 .description = "log hazard per unit of (1 - employability)",
                                 .source = "assumption; a 'central eight' factor (Andrews & Bonta 2010)"});
    v(specialisation, {.path = "justice.offending.specialisation", .unit = Unit::Probability, .def = 0.35,
                       .description = "probability that an offence is of the same type as the commitment offence",
                       .source = "assumption; modest specialisation in rearrest types (Durose et al. 2014)"});
    v(mix_violent, {.path = "justice.offending.mix_violent", .unit = Unit::Probability, .def = 0.15,
                    .description = "share of violent offences among non-specialised offences", .source = "assumption"});
    v(mix_property, {.path = "justice.offending.mix_property", .unit = Unit::Probability, .def = 0.40,
                     .description = "share of property offences among non-specialised offences", .source = "assumption"});
    v(mix_drug, {.path = "justice.offending.mix_drug", .unit = Unit::Probability, .def = 0.30,
                 .description = "share of drug offences among non-specialised offences; the rest are public order",
                 .source = "assumption"});
    v(detect_violent, {.path = "justice.offending.detection_violent", .unit = Unit::Probability, .def = 0.19,
                       .description = "probability a violent offence leads to an arrest",
                       .source = "reported to police 41% (NCVS 2019) x cleared 45.5% (FBI UCR 2019)"});
    v(detect_property, {.path = "justice.offending.detection_property", .unit = Unit::Probability, .def = 0.057,
                        .description = "probability a property offence leads to an arrest",
                        .source = "reported to police 33% (NCVS 2019) x cleared 17.2% (FBI UCR 2019)"});
    v(detect_drug, {.path = "justice.offending.detection_drug", .unit = Unit::Probability, .def = 0.10,
                    .description = "probability a drug offence leads to an arrest", .source = "assumption"});
    v(detect_public_order, {.path = "justice.offending.detection_public_order", .unit = Unit::Probability, .def = 0.15,
                            .description = "probability a public-order offence leads to an arrest",
                            .source = "assumption"});
    // clang-format on
  }
};

struct CourtParams {
  double conviction_probability = 0;
  double pretrial_detention_probability = 0;
  double court_delay_median = 0;  // weeks
  double prison_given_conviction = 0;
  double prison_female_factor = 0;
  double term_median = 0;  // weeks
  double term_sigma = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(conviction_probability, {.path = "justice.courts.conviction_probability", .unit = Unit::Probability, .def = 0.55,
                               .description = "probability an arrest leads to a conviction (dated, as BJS does, at the arrest)",
                               .source = "calibrated (docs/calibration.md); prior: 68% of felony defendants convicted, "
                                         "Reaves (2013) BJS NCJ 243777"});
    v(pretrial_detention_probability, {.path = "justice.courts.pretrial_detention_probability", .unit = Unit::Probability,
                                       .def = 0.38, .description = "probability an arrested person is held in jail until court",
                                       .source = "Reaves (2013), Felony Defendants in Large Urban Counties 2009, BJS NCJ 243777: 38% detained"});
    v(court_delay_median, {.path = "justice.courts.delay_median", .unit = Unit::Weeks, .def = 16, .lo = 1, .hi = 104,
                           .description = "median time from arrest to sentencing (lognormal, sigma 0.6)",
                           .source = "Reaves (2013), BJS NCJ 243777: median 111 days from arrest to adjudication"});
    v(prison_given_conviction, {.path = "justice.courts.prison_given_conviction", .unit = Unit::Probability, .def = 0.45,
                                .description = "probability a conviction leads to a prison term",
                                .source = "calibrated (docs/calibration.md); prior: 36% of convicted felony defendants, Reaves (2013)"});
    v(prison_female_factor, {.path = "justice.courts.prison_female_factor", .def = 0.75, .lo = 0, .hi = 1.5,
                             .description = "multiplier on the prison probability for women",
                             .source = "calibrated (docs/calibration.md); women are less often sentenced to prison "
                                       "(Starr 2015, Estimating gender disparities in federal criminal cases)"});
    v(term_median, {.path = "justice.courts.term_median", .unit = Unit::Weeks, .def = 68, .lo = 4, .hi = 1040,
                    .description = "median time served on a new prison sentence",
                    .source = "Kaeble (2018), BJS NCJ 252205: median 1.3 years served"});
    v(term_sigma, {.path = "justice.courts.term_sigma", .def = 0.8, .lo = 0, .hi = 3,
                   .description = "log-scale spread of time served", .source = "assumption"});
    // clang-format on
  }
};

struct SupervisionParams {
  double term_median = 0;  // weeks
  double intensive_share_high = 0, intensive_share_very_high = 0;
  double violation_rate = 0;  // per week, standard supervision, no substance need
  double intensive_violation_factor = 0;
  double substance_violation_effect = 0;
  double revocation_probability = 0;
  double revocation_on_arrest = 0;
  double revocation_term_median = 0;  // weeks
  bool graduated_sanctions = false;
  int sanctions_before_revocation = 0;
  double sanction_jail = 0;  // weeks

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(term_median, {.path = "justice.supervision.term_median", .unit = Unit::Weeks, .def = 104, .lo = 4, .hi = 780,
                    .description = "median length of post-release supervision (lognormal, sigma 0.5)",
                    .source = "assumption; typical parole terms of one to three years"});
    v(intensive_share_high, {.path = "justice.supervision.intensive_share_high", .unit = Unit::Probability, .def = 0.1,
                             .description = "share of high-risk supervisees placed on intensive supervision",
                             .source = "assumption"});
    v(intensive_share_very_high, {.path = "justice.supervision.intensive_share_very_high", .unit = Unit::Probability,
                                  .def = 0.5, .description = "share of very-high-risk supervisees on intensive supervision",
                                  .source = "assumption"});
    v(violation_rate, {.path = "justice.supervision.violation_rate", .unit = Unit::PerWeek, .def = 0.01, .lo = 0, .hi = 1,
                       .description = "weekly rate of detected technical violations on standard supervision, "
                                      "for a person with no substance-use need",
                       .source = "calibrated (docs/calibration.md)"});
    v(intensive_violation_factor, {.path = "justice.supervision.intensive_violation_factor", .def = 1.7, .lo = 1, .hi = 5,
                                   .description = "multiplier on detected violations under intensive supervision "
                                                  "(more contacts and tests detect more)",
                                   .source = "Petersilia & Turner (1993), Intensive probation and parole, Crime & Justice 17: "
                                             "technical violations 65% vs 38%"});
    v(substance_violation_effect, {.path = "justice.supervision.substance_violation_effect", .def = 1.0, .lo = 0, .hi = 4,
                                   .description = "log multiplier of violations per unit of substance-use need (failed tests)",
                                   .source = "assumption"});
    v(revocation_probability, {.path = "justice.supervision.revocation_probability", .unit = Unit::Probability,
                               .def = 0.3, .description = "probability a detected technical violation leads to revocation",
                               .source = "assumption; not separately identifiable from violation_rate, which is calibrated"});
    v(revocation_on_arrest, {.path = "justice.supervision.revocation_on_arrest", .unit = Unit::Probability, .def = 0.3,
                             .description = "probability an arrest while on supervision leads to immediate revocation",
                             .source = "calibrated (docs/calibration.md)"});
    v(revocation_term_median, {.path = "justice.supervision.revocation_term_median", .unit = Unit::Weeks, .def = 26,
                               .lo = 1, .hi = 260, .description = "median time served after a revocation (lognormal, sigma 0.5)",
                               .source = "assumption; parole violators serve months, not years"});
    v(graduated_sanctions, {.path = "justice.supervision.graduated_sanctions", .def = 0,
                            .description = "answer the first detected violations with a short jail sanction instead of "
                                           "considering revocation (swift, certain, graded responses)",
                            .source = "policy lever; Hawken & Kleiman (2009), HOPE: fewer revocations and arrests; the "
                                      "multi-site replication RCT found no such effect (Lattimore et al. 2016)"});
    v(sanctions_before_revocation, {.path = "justice.supervision.sanctions_before_revocation", .unit = Unit::Count,
                                    .def = 2, .lo = 0, .hi = 20,
                                    .description = "with graduated sanctions: violations answered by a jail sanction "
                                                   "before a violation can lead to revocation",
                                    .source = "scenario setting"});
    v(sanction_jail, {.path = "justice.supervision.sanction_jail", .unit = Unit::Weeks, .def = 1, .lo = 0.14, .hi = 26,
                      .description = "length of a jail sanction for a technical violation",
                      .source = "HOPE used stays of a few days (Hawken & Kleiman 2009); rounded up to whole weeks"});
    // clang-format on
  }
};

// A problem-solving court (drug court, mental-health court): convicted,
// non-violent defendants whose need is at least the threshold are diverted,
// while places last, from sentencing into court-supervised treatment. The need
// falls during treatment (in_treatment_share of need_reduction); graduates keep
// the whole reduction and are not sentenced; those who fail (a prison term, or
// not graduating) relapse and are sentenced as they would have been.
// eligibility.* (models/eligibility) narrows who may be diverted further; its
// defaults restrict nobody.
struct DiversionCourtParams {
  double places_per_1000 = 0;  // concurrent participants per 1,000 persons of the release cohort
  double need_threshold = 0, duration = 0, graduation_probability = 0, need_reduction = 0,
         cost_per_participant_week = 0;
  double in_treatment_share = 0;
  double monitoring_effect = 0;  // log hazard ratio of offending while a participant
  EligibilitySpec eligibility;

  template <class V>
  void visit(V& v, const char* prefix, const char* need, const char* evidence, double graduation, double cost) {
    const std::string pre = prefix;
    // The paths must outlive the visit: ParamInfo copies them.
    const std::string paths[9] = {
        pre + ".places_per_1000",        pre + ".need_threshold",    pre + ".duration",
        pre + ".graduation_probability", pre + ".need_reduction",    pre + ".cost_per_participant_week",
        pre + ".in_treatment_share",     pre + ".monitoring_effect", pre + ".capacity"};
    v(places_per_1000, {.path = paths[0],
                        .def = 0,
                        .lo = 0,
                        .hi = 1000,
                        .description = "concurrent participants per 1,000 persons in the release cohort (0: no such "
                                       "court), so the policy is the same at any --people (places = "
                                       "round(places_per_1000 x people / 1000)); replaces the absolute `capacity`: "
                                       "3000 places for 100,000 people is 30",
                        .source = "scenario setting",
                        .replaces = paths[8]});
    v(need_threshold, {.path = paths[1],
                       .unit = Unit::Probability,
                       .def = 0.5,
                       .description = std::string("lowest ") + need + " need that makes a defendant eligible",
                       .source = "assumption: an assessed clinical need"});
    v(duration,
      {.path = paths[2],
       .unit = Unit::Weeks,
       .def = 52,
       .lo = 4,
       .hi = 260,
       .description = "length of court-supervised treatment",
       .source = "Rossman et al. (2011), Multi-site Adult Drug Court Evaluation: programmes of about a year"});
    v(graduation_probability, {.path = paths[3],
                               .unit = Unit::Probability,
                               .def = graduation,
                               .description = "probability a participant graduates (others fail and are sentenced)",
                               .source = evidence});
    v(need_reduction, {.path = paths[4],
                       .unit = Unit::Probability,
                       .def = 0.4,
                       .description = std::string("share of the ") + need + " need a graduate loses",
                       .source = evidence});
    v(cost_per_participant_week, {.path = paths[5],
                                  .unit = Unit::Money,
                                  .def = cost,
                                  .lo = 0,
                                  .hi = 100000,
                                  .description = "cost of one participant for one week (treatment and court)",
                                  .source = evidence});
    v(in_treatment_share,
      {.path = paths[6],
       .unit = Unit::Probability,
       .def = 0.5,
       .description = std::string("share of need_reduction reached during treatment (from admission); "
                                  "those who fail relapse to their need at admission"),
       .source = "assumption: treatment and testing act while the person takes part"});
    v(monitoring_effect, {.path = paths[7],
                          .def = -0.3,
                          .lo = -3,
                          .hi = 1,
                          .description = "log hazard ratio of offending while a participant (frequent drug testing, "
                                         "judicial status hearings and sanctions), on top of the need the treatment "
                                         "lowers",
                          .source = "assumption sized to Mitchell et al. (2012), J Crim Justice 40:60: adult drug "
                                    "courts cut recidivism from about 50% to 38%, with larger effects while "
                                    "participants are under the court's supervision (Rossman et al. 2011, MADCE)"});
    eligibility.visit(v, pre + ".");
  }
};

struct RiskParams {
  int moderate_from = 0, high_from = 0, very_high_from = 0;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(moderate_from, {.path = "justice.risk.moderate_from", .unit = Unit::Count, .def = 6, .lo = 0, .hi = 20,
                      .description = "lowest actuarial score classed as moderate risk",
                      .source = "assumption: cut points put about 15% / 35% / 35% / 15% of the 2008 cohort in the four levels"});
    v(high_from, {.path = "justice.risk.high_from", .unit = Unit::Count, .def = 8, .lo = 0, .hi = 20,
                  .description = "lowest actuarial score classed as high risk", .source = "assumption; see justice.risk.moderate_from"});
    v(very_high_from, {.path = "justice.risk.very_high_from", .unit = Unit::Count, .def = 10, .lo = 0, .hi = 20,
                       .description = "lowest actuarial score classed as very high risk",
                       .source = "assumption; see justice.risk.moderate_from"});
    // clang-format on
  }
};

struct JusticeParams {
  OffendingParams offending;
  CourtParams courts;
  SupervisionParams supervision;
  DiversionCourtParams drug_court, mental_health_court;
  RiskParams risk;
  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    offending.visit(v);
    courts.visit(v);
    supervision.visit(v);
    drug_court.visit(v, "justice.drug_court", "substance-use",
                     "Mitchell et al. (2012), meta-analysis of adult drug courts: recidivism 50% -> 38%; WSIPP: $4,924 "
                     "per participant (about $95 a week over a year in 2016 dollars, $120 at 2023 prices); graduation rates "
                     "near one half (Rossman et al. 2011)",
                     0.5, 120);
    mental_health_court.visit(v, "justice.mental_health_court", "mental-health",
                              "Lowder, Rade & Desmarais (2018), meta-analysis of mental health courts: d = -0.20 on "
                              "recidivism; cost and graduation assumed equal to drug courts",
                              0.5, 120);
    risk.visit(v);
    // clang-format on
  }
};

}  // namespace pw
