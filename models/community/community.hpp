// Neighbourhoods, and where each released person lives and whom they can turn to.
//
// Set up once, before week 0, and read (never written) by the labour and
// housing sub-models:
//   - neighbourhood k has a disadvantage index d_k (standard-normal scores at
//     evenly spaced quantiles, times community.disadvantage_sd, most
//     disadvantaged last), a share of the releases proportional to
//     exp(return_concentration * d_k), a relative employer density
//     exp(job_density_gradient * d_k), and a stigma on [0, 1];
//   - person i returns to one neighbourhood (their "old neighbourhood").
// Who a person can turn to is the community network (models/network).
// Units: stigma is the share by which local attitudes harden a record
// check's rejection probability.
#pragma once

#include <cstdint>
#include <vector>

#include "models/community/community_params.hpp"
#include "models/population/attributes.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

struct Neighbourhood {
  double disadvantage = 0;    // standard-normal score
  double release_weight = 0;  // share of releases, sums to 1 over neighbourhoods
  double job_density = 0;     // relative employer density, sums to 1 over neighbourhoods
  double stigma = 0;          // on [0, 1], after awareness campaigns
};

struct Community {
  std::vector<Neighbourhood> neighbourhoods;
  std::vector<std::uint16_t> neighbourhood;  // per person: the neighbourhood they return to

  [[nodiscard]] std::size_t size() const { return neighbourhood.size(); }
  [[nodiscard]] double stigma_of(std::size_t person) const { return neighbourhoods[neighbourhood[person]].stigma; }
};

// The neighbourhoods alone (no persons): deterministic, no draws.
std::vector<Neighbourhood> make_neighbourhoods(const CommunityParams& params);

// Neighbourhoods, then each person's neighbourhood (keyed draws).
Community make_community(const Population& pop, const CommunityParams& params, const Rng& rng, Parallel& par);

}  // namespace pw
