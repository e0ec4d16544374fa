// A stream of uniforms keyed by meaning, for the experiment methods.
//
// Draw k of the stream (k = 0, 1, 2, ...) is a pure function of
// (seed, purpose, a, b, k): it never depends on which thread asks or in what
// order streams are used. `a` and `b` are what the purpose says they are (for
// instance a = attempt index, b = generation). Built on pw::Rng (Philox4x32-10):
// a = Rng "person", b = Rng "week", and the Rng index counts pairs of draws.
// Uniforms are in the open interval (0, 1) at 52-bit resolution.
#pragma once

#include <cstdint>
#include <stdexcept>

#include "sim/engine/core/rng.hpp"

namespace pw::methods {

class KeyedUniforms {
 public:
  KeyedUniforms(std::uint64_t seed, Purpose purpose, std::uint32_t a, std::uint32_t b)
      : rng_(seed, 0), purpose_(purpose), a_(a), b_(b) {}

  // The next uniform in (0, 1). Throws std::length_error after 131,072 draws
  // (the Rng index is 16 bits and each call yields two draws).
  double next() {
    if (have_spare_) {
      have_spare_ = false;
      return spare_;
    }
    if (calls_ > 0xFFFFu) throw std::length_error("KeyedUniforms: more than 131072 draws from one stream");
    const auto pair = rng_.uniform2_fine(a_, b_, purpose_, static_cast<std::uint16_t>(calls_));
    ++calls_;
    spare_ = pair[1];
    have_spare_ = true;
    return pair[0];
  }

  // A uniform integer in {0, ..., n - 1} (n > 0), by floor(n u).
  std::uint64_t next_index(std::uint64_t n) {
    const auto k = static_cast<std::uint64_t>(next() * static_cast<double>(n));
    return k < n ? k : n - 1;
  }

 private:
  Rng rng_;
  Purpose purpose_;
  std::uint32_t a_;
  std::uint32_t b_;
  std::uint32_t calls_ = 0;
  double spare_ = 0.0;
  bool have_spare_ = false;
};

// A 64-bit seed keyed by (seed, purpose, a, b), e.g. the seed handed to one
// simulation run of an ABC proposal.
[[nodiscard]] inline std::uint64_t keyed_seed(std::uint64_t seed, Purpose purpose, std::uint32_t a, std::uint32_t b) {
  const auto w = Rng(seed, 0).words(a, b, purpose);
  return (static_cast<std::uint64_t>(w[0]) << 32) | w[1];
}

}  // namespace pw::methods
