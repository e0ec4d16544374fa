// The one counter-based draw each person in the community gets each week,
// shared by the per-person phases of a block so that it is computed once:
//   lane 0  offending: the number of offences (Purpose::Offending, lane 0)
//   lane 1  labour: whether a job ends (employed) or a search starts (unemployed)
//   lane 2  housing: whether the current place is lost, or a stay ends
//   lane 3  housing: whether an employed person looks for a rental of their own
// It is the four lanes of Rng::uniform4(person, week, Purpose::Offending), so
// lane 0 is exactly the uniform the offending phase always used. Decisions
// that follow an event (referral, employer, landlord screening, family offer)
// draw their own purposes, only when the event happens.
//
// Filled at the start of a block, after releases (everyone then in the
// community has a row); rows of people in custody are left unset and never read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/core/rng.hpp"

namespace pw {

struct PersonWeekDraws {
  std::size_t begin = 0;
  std::vector<std::array<double, 4>> u;  // row i - begin

  [[nodiscard]] const std::array<double, 4>& of(std::size_t i) const { return u[i - begin]; }

  // Fills rows [begin, end) for week t for persons with in_community(i).
  template <class InCommunity>
  void fill(const Rng& rng, std::size_t b, std::size_t e, int week, InCommunity&& in_community) {
    begin = b;
    u.resize(e - b);
    const auto w = static_cast<std::uint32_t>(week);
    for (std::size_t i = b; i < e; ++i) {
      if (in_community(i)) u[i - b] = rng.uniform4(static_cast<std::uint32_t>(i), w, Purpose::Offending);
    }
  }
};

// Lanes of PersonWeekDraws.
inline constexpr std::size_t kDrawOffending = 0, kDrawLabour = 1, kDrawHousingEvent = 2, kDrawHousingMove = 3;

}  // namespace pw
