// Helpers for tests that run whole simulations.
#pragma once

#include <cstdint>

#include "models/simulation.hpp"
#include "sim/engine/core/parallel.hpp"
#include "tests/test_support.hpp"

namespace pwt {

// A simulation with its own worker pool (the Simulation keeps a reference to it).
struct Run {
  pw::Parallel par;
  pw::Simulation sim;
  explicit Run(const pw::ModelParams& p, std::uint32_t replicate = 0, int threads = 2,
               const pw::PopulationProfile& prof = profile())
      : par(threads), sim(p, prof, replicate, par) {}
  Run& run() {
    sim.run_to_end();
    return *this;
  }
  [[nodiscard]] std::int64_t total(std::int64_t pw::WeekCounts::*field) const {
    return pwt::total(sim.weekly(), field);
  }
};

// Nobody offends or violates, so everyone stays in the community all along;
// everyone is enrolled with community services at release (models/coordination).
inline pw::ModelParams community_only_params(int people, int weeks) {
  auto p = small_params(people, weeks);
  p.coordination.items[pw::kEntitlementEnrolment].missing_at_release = 0;
  p.justice.offending.base_rate = 1e-9;
  p.justice.supervision.violation_rate = 0;
  return p;
}

// Removes the effects of the community network on offending.
inline void no_network_effects(pw::ModelParams& p) {
  p.network.influence.antisocial_effect = 0;
  p.network.influence.co_offending_effect = 0;
  p.network.mentors.offending_effect = 0;
}

// Everyone holds an ID, benefits and an enrolment with services from release,
// and lacking benefits would change nothing (models/coordination).
inline void no_coordination(pw::ModelParams& p) {
  for (auto& item : p.coordination.items) item.missing_at_release = 0;
  p.coordination.benefits_offending_effect = 0;
}

// Removes the effects of work, housing, missing benefits and the network on offending and technical violations.
inline void no_situation_effects(pw::ModelParams& p) {
  no_network_effects(p);
  p.coordination.benefits_offending_effect = 0;
  p.labour.effects.employment_effect_older = 0;
  p.labour.effects.employment_effect_younger = 0;
  p.housing.effects.shelter_offending = 0;
  p.housing.effects.street_offending = 0;
  p.housing.effects.unstable_violation = 0;
}

// Removes every covariate, the frailty and the situation effects, so each
// person's weekly hazard is base_rate.
inline void no_covariates(pw::ModelParams& p) {
  no_situation_effects(p);
  auto& o = p.justice.offending;
  o.frailty_variance = 0;
  o.age_elasticity = 0;
  o.desistance_median_age = 150;  // nobody desists
  o.female_effect = 0;
  o.prior_arrests_effect = 0;
  o.onset_effect = 0;
  o.property_offender_effect = o.drug_offender_effect = o.public_order_offender_effect = 0;
  o.substance_use_effect = 0;
  o.mental_health_effect = 0;
  o.antisocial_cognition_effect = 0;
  o.low_employability_effect = 0;
}

inline void set_detection(pw::ModelParams& p, double d) {
  auto& o = p.justice.offending;
  o.detect_violent = o.detect_property = o.detect_drug = o.detect_public_order = d;
}

}  // namespace pwt
