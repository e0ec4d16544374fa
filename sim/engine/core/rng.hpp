// Counter-based random draws keyed by meaning, never by execution order.
//
// Every draw in Pathways is a pure function of (seed, replicate, person, week,
// purpose, index). Two runs with the same seed therefore see the same numbers
// whatever the thread count, and two scenarios compared with common random
// numbers see the same draw for the same decision. The generator is Random123's
// Philox4x32-10; one call yields four independent 32-bit words ("lanes").
//
// Units: uniforms are in the open interval (0, 1). Weeks are simulation weeks
// (week 0 is the first week after release of the cohort); set-up draws use
// kSetupWeek so they can never collide with a weekly draw.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

#include "sim/engine/core/purpose.hpp"

namespace pw {

inline constexpr std::uint32_t kSetupWeek = 0xFFFFFFFFu;

class Rng {
 public:
  using Philox = r123::Philox4x32;

  Rng(std::uint64_t seed, std::uint32_t replicate) : replicate_(replicate) {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  }

  // Four raw 32-bit words for one (person, week, purpose, index) key.
  [[nodiscard]] std::array<std::uint32_t, 4> words(std::uint32_t person, std::uint32_t week, Purpose purpose,
                                                   std::uint16_t index = 0) const {
    const Philox::ctr_type ctr = {{person, week, (static_cast<std::uint32_t>(purpose) << 16) | index, replicate_}};
    const auto r = philox_(ctr, key_);
    return {r[0], r[1], r[2], r[3]};
  }

  // Four independent uniforms in (0, 1), 32-bit resolution.
  [[nodiscard]] std::array<double, 4> uniform4(std::uint32_t person, std::uint32_t week, Purpose purpose,
                                               std::uint16_t index = 0) const {
    const auto w = words(person, week, purpose, index);
    return {to_open_unit(w[0]), to_open_unit(w[1]), to_open_unit(w[2]), to_open_unit(w[3])};
  }

  // One uniform in (0, 1).
  [[nodiscard]] double uniform(std::uint32_t person, std::uint32_t week, Purpose purpose,
                               std::uint16_t index = 0) const {
    return to_open_unit(words(person, week, purpose, index)[0]);
  }

  // Two uniforms in (0, 1) at 52-bit resolution, for inverse-CDF sampling of
  // continuous distributions whose tails matter.
  [[nodiscard]] std::array<double, 2> uniform2_fine(std::uint32_t person, std::uint32_t week, Purpose purpose,
                                                    std::uint16_t index = 0) const {
    const auto w = words(person, week, purpose, index);
    return {to_open_unit53(w[0], w[1]), to_open_unit53(w[2], w[3])};
  }

  [[nodiscard]] std::uint32_t replicate() const { return replicate_; }

  static constexpr double to_open_unit(std::uint32_t x) { return (static_cast<double>(x) + 0.5) * 0x1p-32; }
  static constexpr double to_open_unit53(std::uint32_t hi, std::uint32_t lo) {
    // 52 bits, so that the largest value, 1 - 2^-53, is exactly representable.
    const std::uint64_t bits = ((static_cast<std::uint64_t>(hi) << 32) | lo) >> 12;
    return (static_cast<double>(bits) + 0.5) * 0x1p-52;
  }

 private:
  Philox philox_{};
  Philox::key_type key_{};
  std::uint32_t replicate_;
};

}  // namespace pw
