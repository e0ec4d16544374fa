// Criminogenic needs: substance use, mental health, antisocial cognition and
// employability (skills), each a severity on [0, 1] (employability: 1 = fully
// employable). Owned by the needs model.
//
// At set-up each need is drawn from a logit-normal distribution whose mean is
// the declared population mean, correlated with the person's criminal history
// (and, for employability, education). In this version needs do not change
// week to week; programmes (a later issue) will move them, and the offending
// phase reads them through the justice model's propensity.
#pragma once

#include <cstddef>
#include <vector>

#include "models/population/attributes.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"
#include "sim/engine/params/param.hpp"

namespace pw {

struct NeedsParams {
  double substance_use_mean = 0, mental_health_mean = 0, antisocial_cognition_mean = 0, employability_mean = 0;
  double spread = 0;            // logit-scale standard deviation
  double history_loading = 0;   // correlation of the logit with criminal-history intensity
  double education_effect = 0;  // logit shift of employability per education level

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(substance_use_mean, {.path = "needs.substance_use_mean", .unit = Unit::Probability, .def = 0.55,
                           .description = "mean substance-use need at release",
                           .source = "Bronson et al. (2017), Drug Use, Dependence, and Abuse Among State Prisoners, BJS NCJ 250546: 58% met criteria for dependence or abuse"});
    v(mental_health_mean, {.path = "needs.mental_health_mean", .unit = Unit::Probability, .def = 0.37,
                           .description = "mean mental-health need at release",
                           .source = "Bronson & Berzofsky (2017), BJS NCJ 250612: 37% of state prisoners had a history of a mental health problem"});
    v(antisocial_cognition_mean, {.path = "needs.antisocial_cognition_mean", .unit = Unit::Probability, .def = 0.45,
                                  .description = "mean antisocial-cognition need at release",
                                  .source = "assumption (one of the 'central eight' risk factors, Andrews & Bonta 2010)"});
    v(employability_mean, {.path = "needs.employability_mean", .unit = Unit::Probability, .def = 0.45,
                           .description = "mean employability (skills) at release of people with secondary education; 1 = fully employable",
                           .source = "assumption; calibrated against employment targets in the labour issue"});
    v(spread, {.path = "needs.spread", .def = 1.2, .lo = 0, .hi = 4,
               .description = "logit-scale standard deviation of every need across persons", .source = "assumption"});
    v(history_loading, {.path = "needs.history_loading", .def = 0.4, .lo = -1, .hi = 1,
                        .description = "correlation of needs with criminal-history intensity (log prior arrests); "
                                       "employability loads negatively",
                        .source = "assumption"});
    v(education_effect, {.path = "needs.education_effect", .def = 0.6, .lo = 0, .hi = 3,
                         .description = "logit shift of employability per education level above none",
                         .source = "assumption"});
    // clang-format on
  }
};

struct Needs {
  std::vector<float> substance_use, mental_health, antisocial_cognition, employability;
  [[nodiscard]] std::size_t size() const { return substance_use.size(); }
};

Needs draw_needs(const Population& pop, const NeedsParams& params, const Rng& rng, Parallel& par);

// The logit-scale location whose logit-normal mean (spread s) equals `mean`.
double logit_location_for_mean(double mean, double spread);

}  // namespace pw
