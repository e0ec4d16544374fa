// Parameters of the documents, benefits and service enrolment a person needs
// after release, and of the inter-agency coordination that speeds them up
// (resolution para. 7: "faster IDs, benefits and enrolment"; docs/ODD.md §7.20).
//
// Three entitlements, each missing at release for a share of the cohort (benefits
// and enrolment again at each later release from prison) and
// then obtained after a delay (a constant weekly chance while in the
// community, so the delay in community weeks is geometric with the declared
// mean). Policy levers: the share of the people who would be released without
// it that a pre-release process (DMV in-reach, benefits filed before release,
// in-reach enrolment) covers before release. Enrolment in a programme of kind
// interagency_coordination multiplies the weekly chance.
//
// Internal units: probabilities, durations in weeks, log hazard ratios.
#pragma once

#include <array>
#include <string_view>

#include "sim/engine/params/param.hpp"

namespace pw {

// The entitlements, in the order of every per-entitlement array.
enum EntitlementIndex { kEntitlementId = 0, kEntitlementBenefits = 1, kEntitlementEnrolment = 2 };
inline constexpr std::array<std::string_view, 3> kEntitlementNames = {"id", "benefits", "enrolment"};

struct EntitlementParams {
  double missing_at_release = 0;  // share of the cohort released without it
  double mean_delay = 1;          // mean community weeks without it, once released without it
  double before_release = 0;      // policy: share of those who would lack it who get it before release
};

struct CoordinationParams {
  std::array<EntitlementParams, 3> items{};
  double programme_speedup = 1;          // multiplier of the weekly chance while coordinated
  double benefits_offending_effect = 0;  // log hazard ratio of offending while without benefits

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    auto& id = items[kEntitlementId];
    auto& ben = items[kEntitlementBenefits];
    auto& enr = items[kEntitlementEnrolment];
    v(id.missing_at_release,
      {.path = "coordination.id.missing_at_release", .unit = Unit::Probability, .def = 0.5,
       .description = "share of the released cohort leaving prison without a valid state photo ID (or the documents "
                      "to get one at once); without an ID no formal (record-checked, tax-recorded) job can start and "
                      "no housing voucher or public-housing unit can be allocated",
       .source = "La Vigne, Visher & Castro (2004, Urban Institute, Chicago Returning Home): 22% had a photo ID on "
                 "the day of release; state surveys and the Reason Foundation 50-state review (2023) put the share "
                 "without usable ID at about a third to a half. 0.5 is a central value, an assumption between them"});
    v(id.mean_delay,
      {.path = "coordination.id.mean_delay", .unit = Unit::Weeks, .def = 6, .lo = 1, .hi = 1e6,
       .description = "mean weeks in the community without an ID for those released without one (geometric: a "
                      "constant weekly chance 1 / mean_delay)",
       .source = "assumption: a birth certificate takes about 2 weeks after the agency receives the application "
                 "(PPI 2019), then a Social Security card and a DMV visit; CSG Justice Center (2016) on documents "
                 "lost or expired during incarceration"});
    v(id.before_release,
      {.path = "coordination.id.issued_before_release", .unit = Unit::Probability, .def = 0,
       .description = "policy lever: share of the people who would leave without an ID who are issued one before "
                      "release (corrections-DMV agreement)",
       .source = "scenario setting; CSG Justice Center (2016) and Reason Foundation (2023) describe the state "
                 "programmes; 0 is the baseline without such a programme"});
    v(ben.missing_at_release,
      {.path = "coordination.benefits.missing_at_release", .unit = Unit::Probability, .def = 0.64,
       .description = "share of the released cohort leaving prison without income benefits or health coverage "
                      "(Medicaid, SNAP) in place",
       .source = "Burns et al. (2021, Health Serv Res 56:643): after Wisconsin's Medicaid eligibility expansion, 36% "
                 "of adults were enrolled in the month of release before pre-release enrolment assistance"});
    v(ben.mean_delay,
      {.path = "coordination.benefits.mean_delay", .unit = Unit::Weeks, .def = 8, .lo = 1, .hi = 1e6,
       .description = "mean weeks in the community without benefits for those released without them (geometric)",
       .source = "assumption: Medicaid decisions are due within 45 days of application (42 CFR 435.912) and SNAP "
                 "within 30 days (7 CFR 273.2(g)), after the person has applied"});
    v(ben.before_release,
      {.path = "coordination.benefits.filed_before_release", .unit = Unit::Probability, .def = 0,
       .description = "policy lever: share of the people who would leave without benefits whose applications are "
                      "filed and approved before release (coverage starts on release)",
       .source = "scenario setting; Burns et al. (2021): pre-release enrolment assistance raised Medicaid enrolment "
                 "in the month of release from 36% to 61%, i.e. covered about 0.4 of those who would lack it"});
    v(enr.missing_at_release,
      {.path = "coordination.enrolment.missing_at_release", .unit = Unit::Probability, .def = 0.6,
       .description = "share of the released cohort not yet enrolled with community services at release; a "
                      "post-release programme (other than interagency_coordination) cannot start until the person "
                      "is enrolled, so the wait on its list lengthens",
       .source = "assumption; Bandara et al. (2015, Health Aff 34:2044) on how rarely discharge planning links "
                 "people to community providers before release"});
    v(enr.mean_delay,
      {.path = "coordination.enrolment.mean_delay", .unit = Unit::Weeks, .def = 6, .lo = 1, .hi = 1e6,
       .description = "mean weeks in the community before enrolment with community services (geometric)",
       .source = "assumption"});
    v(enr.before_release,
      {.path = "coordination.enrolment.before_release", .unit = Unit::Probability, .def = 0,
       .description = "policy lever: share of the people who would leave unenrolled who are enrolled by in-reach "
                      "before release",
       .source = "scenario setting"});
    v(programme_speedup,
      {.path = "coordination.programme_speedup", .def = 2, .lo = 1, .hi = 100,
       .description = "multiplier of the weekly chance of obtaining each missing entitlement while a person is an "
                      "active participant of a post-release interagency_coordination programme, or after completing "
                      "a pre-release one (2 halves the mean remaining delay)",
       .source = "assumption; Burns et al. (2021): enrolment assistance raised enrolment at release by 25 points"});
    v(benefits_offending_effect,
      {.path = "coordination.benefits.offending_effect", .def = 0.1, .lo = -2, .hi = 2,
       .description = "log hazard ratio of offending while a person in the community has no income benefits "
                      "(the early-release income crisis)",
       .source = "Tuttle (2019, AEJ: Policy): the SNAP ban raised return to prison of released drug traffickers by "
                 "about 10 points (60%), driven by financially motivated crime; Yang (2017, AER P&P): access to SNAP "
                 "and TANF lowers one-year recidivism by about 10%. The size here (+10% hazard, only while without "
                 "benefits) is an assumption scaled to a transient gap rather than a lifetime ban"});
    // clang-format on
  }
};

}  // namespace pw
