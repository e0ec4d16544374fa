// Who a programme or a problem-solving court may take: one typed table,
// `eligibility.*`, declared once here and used by every [[programme]] entry
// (keys relative to the entry, e.g. eligibility.max_age) and by each court
// (justice.drug_court.eligibility.*, justice.mental_health_court.eligibility.*).
//
// Every criterion must hold. The defaults restrict nobody. Units: ages in years
// at release, a half-open range [min_age, max_age) so that max_age = 30 means
// "under 30"; prior arrests are counted before release, including the
// commitment arrest, an inclusive range; needs are on their 0-1 scale
// (models/needs) and are read when eligibility is checked, so a need that a
// programme lowers can make a person ineligible for a later one. The offence is
// the commitment offence of the sentence just served. The rule, decoded for the
// weekly loops, is models/eligibility/eligibility_rule.hpp.
#pragma once

#include <string>

#include "sim/engine/params/param.hpp"

namespace pw {

struct EligibilitySpec {
  double min_age = 0, max_age = 0;  // years at release, [min_age, max_age)
  std::string sex, min_risk, max_risk, offence;
  int group = 0;                                     // -1 any
  int min_prior_arrests = 0, max_prior_arrests = 0;  // inclusive
  double min_substance_use = 0, min_mental_health = 0, min_antisocial_cognition = 0, max_employability = 0;

  // `prefix` is "" inside a [[programme]] entry, or e.g. "justice.drug_court.".
  template <class V>
  void visit(V& v, const std::string& prefix = "") {
    const std::string pre = prefix + "eligibility.";
    // ParamInfo copies the paths: they need only outlive each call.
    const auto path = [&pre](const char* key) { return pre + key; };
    // The schema is a table, aligned by hand.
    // clang-format off
    v(min_risk, {.path = path("min_risk"), .description = "lowest assessed risk level eligible",
                 .source = "scenario setting", .text_default = "low",
                 .choices = {"low", "moderate", "high", "very_high"}});
    v(sex, {.path = path("sex"), .description = "sex eligible", .source = "scenario setting",
            .text_default = "any", .choices = {"any", "male", "female"}});
    v(group, {.path = path("group"), .unit = Unit::Count, .def = -1, .lo = -1, .hi = 1,
              .description = "community group eligible (-1 any)", .source = "scenario setting"});
    v(max_risk, {.path = path("max_risk"), .description = "highest assessed risk level eligible",
                 .source = "scenario setting", .text_default = "very_high",
                 .choices = {"low", "moderate", "high", "very_high"}});
    v(min_age, {.path = path("min_age"), .unit = Unit::Years, .def = 0, .lo = 0, .hi = 150,
                .description = "youngest age at release eligible (inclusive)", .source = "scenario setting"});
    v(max_age, {.path = path("max_age"), .unit = Unit::Years, .def = 150, .lo = 0, .hi = 150,
                .description = "age at release from which a person is no longer eligible (exclusive: 30 means "
                               "under 30; 150: no upper limit)", .source = "scenario setting"});
    v(offence, {.path = path("offence"), .description = "commitment offence of the sentence just served",
                .source = "scenario setting", .text_default = "any",
                .choices = {"any", "violent", "non_violent", "property", "drug", "public_order"}});
    v(min_prior_arrests, {.path = path("min_prior_arrests"), .unit = Unit::Count, .def = 0, .lo = 0, .hi = 65535,
                          .description = "fewest prior arrests eligible (inclusive; the commitment arrest counts)",
                          .source = "scenario setting"});
    v(max_prior_arrests, {.path = path("max_prior_arrests"), .unit = Unit::Count, .def = 65535, .lo = 0, .hi = 65535,
                          .description = "most prior arrests eligible (inclusive; 65535: no upper limit)",
                          .source = "scenario setting"});
    v(min_substance_use, {.path = path("min_substance_use"), .unit = Unit::Probability, .def = 0,
                          .description = "lowest substance-use need eligible, when eligibility is checked",
                          .source = "scenario setting"});
    v(min_mental_health, {.path = path("min_mental_health"), .unit = Unit::Probability, .def = 0,
                          .description = "lowest mental-health need eligible, when eligibility is checked",
                          .source = "scenario setting"});
    v(min_antisocial_cognition, {.path = path("min_antisocial_cognition"), .unit = Unit::Probability, .def = 0,
                                 .description = "lowest antisocial-cognition need eligible, when eligibility is "
                                                "checked", .source = "scenario setting"});
    v(max_employability, {.path = path("max_employability"), .unit = Unit::Probability, .def = 1,
                          .description = "highest employability eligible (1 = fully employable), when eligibility "
                                         "is checked", .source = "scenario setting"});
    // clang-format on
  }
};

}  // namespace pw
