// Internal to the ABC algorithms (abc_rejection.cpp, abc_smc.cpp): the working
// scale of the prior, keyed prior and kernel draws, and checks of what the
// simulator returns. Not part of the public API.
//
// Working scale: w = log(value) for log_scale dimensions, w = value otherwise;
// the prior is uniform on the box [w_lo, w_hi] there.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/engine/methods/abc.hpp"
#include "sim/engine/methods/keyed_uniforms.hpp"

namespace pw::methods::abc_detail {

class WorkingScale {
 public:
  explicit WorkingScale(const std::vector<Dimension>& dimensions);
  [[nodiscard]] std::size_t size() const { return lo_.size(); }
  [[nodiscard]] double lo(std::size_t i) const { return lo_[i]; }
  [[nodiscard]] double hi(std::size_t i) const { return hi_[i]; }
  [[nodiscard]] bool inside(const Point& w) const;
  // Working point -> parameter values (clamped to [lo, hi] against rounding).
  [[nodiscard]] Point to_values(const Point& w) const;

 private:
  std::vector<Dimension> dimensions_;
  std::vector<double> lo_, hi_;
};

// Uniforms for one proposal (seed, purpose, attempt, generation), unbounded in
// length: after each 131,072 draws the stream moves on to the next block key
// (b = generation << 16 | block).
class ProposalDraws {
 public:
  ProposalDraws(std::uint64_t seed, Purpose purpose, std::uint32_t attempt, std::uint32_t generation);
  double next();

 private:
  static constexpr std::uint32_t kDrawsPerBlock = 131'072;
  [[nodiscard]] KeyedUniforms block_stream() const;

  std::uint64_t seed_;
  Purpose purpose_;
  std::uint32_t attempt_;
  std::uint32_t generation_;
  std::uint32_t block_ = 0;
  std::uint32_t used_ = 0;  // draws taken from the current block
  KeyedUniforms stream_;
};

// A prior draw, on the working scale, for (seed, attempt) of generation 0.
[[nodiscard]] Point prior_draw(const WorkingScale& scale, std::uint64_t seed, std::uint32_t attempt);

// The proposal for (generation, attempt), with its simulation seed.
[[nodiscard]] AbcProposal make_proposal(const WorkingScale& scale, const Point& working, std::uint64_t seed,
                                        std::uint32_t generation, std::uint32_t attempt);

// Calls the batch simulator and checks its answer: one distance per proposal,
// none NaN or negative (std::invalid_argument naming generation and attempt).
[[nodiscard]] std::vector<double> evaluate(const AbcBatchSimulator& simulate, const std::vector<AbcProposal>& batch);

// A serial batch simulator around a one-at-a-time simulator.
[[nodiscard]] AbcBatchSimulator serial(const AbcSimulator& simulate);

}  // namespace pw::methods::abc_detail
