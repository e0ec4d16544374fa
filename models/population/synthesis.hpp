// Synthesises the static attributes of a release cohort from a profile.
//
// Age at release, age at first arrest and prior arrests are drawn jointly from
// a three-way table fitted by iterative proportional fitting to the three
// published marginals; impossible cells (first arrest after release) are zero
// and a seed association ties longer careers to more arrests. Admission type
// is drawn from its marginal through a Gaussian copula with the person's
// persistent unobserved propensity to offend (unobserved_risk_quantile below,
// which the justice model turns into the offending frailty), so supervision
// violators carry more unobserved risk. Commitment offence, sex, education and
// the other attributes are drawn from their marginals, independently of
// criminal history: the published margins say nothing of their joint
// structure (docs/ODD.md, "Population synthesis"). Runs once, before week 0, in parallel; every
// draw is keyed by (seed, replicate, person, set-up, purpose).
#pragma once

#include <cstddef>
#include <vector>

#include "models/population/attributes.hpp"
#include "models/population/population_params.hpp"
#include "models/population/profile.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

// The fitted joint distribution of (release-age band, first-arrest band, prior band).
struct HistoryTable {
  std::vector<ProfileCategory> age_bands, onset_bands, prior_bands;
  std::vector<double> cells;  // [age][onset][prior], sums to 1
  std::vector<double> cumulative;
  [[nodiscard]] std::size_t index(std::size_t a, std::size_t o, std::size_t p) const {
    return (a * onset_bands.size() + o) * prior_bands.size() + p;
  }
};

// The quantile, in (0, 1), of person `id`'s persistent unobserved propensity to
// offend. One keyed draw (Purpose::Frailty) read by both the population
// synthesis (admission type) and the justice model (the frailty it implies).
double unobserved_risk_quantile(const Rng& rng, std::uint32_t id);

HistoryTable fit_history_table(const PopulationProfile& profile, const PopulationParams& params);

Population synthesise_population(std::size_t people, const PopulationProfile& profile, const PopulationParams& params,
                                 const Rng& rng, Parallel& par);

}  // namespace pw
