// Synthesises the static attributes of a release cohort from a profile.
//
// Age at release, age at first arrest and prior arrests are drawn jointly from
// a three-way table fitted by iterative proportional fitting to the three
// published marginals; impossible cells (first arrest after release) are zero
// and a seed association ties longer careers to more arrests. Other attributes
// are drawn from their marginals. Runs once, before week 0, in parallel; every
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

HistoryTable fit_history_table(const PopulationProfile& profile, const PopulationParams& params);

Population synthesise_population(std::size_t people, const PopulationProfile& profile, const PopulationParams& params,
                                 const Rng& rng, Parallel& par);

}  // namespace pw
