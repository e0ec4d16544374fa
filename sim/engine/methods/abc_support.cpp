// Working scale, keyed draws and simulator checks shared by the ABC algorithms (see abc_support.hpp).
#include "sim/engine/methods/abc_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace pw::methods::abc_detail {

WorkingScale::WorkingScale(const std::vector<Dimension>& dimensions) : dimensions_(dimensions) {
  validate(dimensions);
  for (const auto& d : dimensions) {
    lo_.push_back(d.log_scale ? std::log(d.lo) : d.lo);
    hi_.push_back(d.log_scale ? std::log(d.hi) : d.hi);
  }
}

bool WorkingScale::inside(const Point& w) const {
  for (std::size_t i = 0; i < w.size(); ++i)
    if (!(w[i] >= lo_[i] && w[i] <= hi_[i])) return false;
  return true;
}

Point WorkingScale::to_values(const Point& w) const {
  Point values(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto& d = dimensions_[i];
    const double v = d.log_scale ? std::exp(w[i]) : w[i];
    values[i] = std::clamp(v, d.lo, d.hi);
  }
  return values;
}

ProposalDraws::ProposalDraws(std::uint64_t seed, Purpose purpose, std::uint32_t attempt, std::uint32_t generation)
    : seed_(seed),
      purpose_(purpose),
      attempt_(attempt),
      generation_(generation),
      stream_(seed, purpose, attempt, generation << 16) {
  if (generation > 0xFFFFu) throw std::invalid_argument("ABC: at most 65,535 generations");
}

KeyedUniforms ProposalDraws::block_stream() const {
  return KeyedUniforms(seed_, purpose_, attempt_, (generation_ << 16) | block_);
}

double ProposalDraws::next() {
  if (used_ == kDrawsPerBlock) {
    if (block_ == 0xFFFFu) throw std::runtime_error("ABC: a proposal used up its random stream");
    ++block_;
    used_ = 0;
    stream_ = block_stream();
  }
  ++used_;
  return stream_.next();
}

Point prior_draw(const WorkingScale& scale, std::uint64_t seed, std::uint32_t attempt) {
  ProposalDraws draws(seed, Purpose::AbcPrior, attempt, 0);
  Point w(scale.size());
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = scale.lo(i) + draws.next() * (scale.hi(i) - scale.lo(i));
  return w;
}

AbcProposal make_proposal(const WorkingScale& scale, const Point& working, std::uint64_t seed, std::uint32_t generation,
                          std::uint32_t attempt) {
  AbcProposal p;
  p.params = scale.to_values(working);
  p.seed = keyed_seed(seed, Purpose::AbcSimulationSeed, attempt, generation);
  p.generation = generation;
  p.attempt = attempt;
  return p;
}

std::vector<double> evaluate(const AbcBatchSimulator& simulate, const std::vector<AbcProposal>& batch) {
  std::vector<double> distances = simulate(batch);
  if (distances.size() != batch.size())
    throw std::invalid_argument(
        fmt::format("ABC: the batch simulator returned {} distances for {} proposals", distances.size(), batch.size()));
  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (std::isnan(distances[k]) || distances[k] < 0.0)
      throw std::invalid_argument(
          fmt::format("ABC: generation {}, attempt {}: distance {} (a distance must be >= 0, or +infinity to reject)",
                      batch[k].generation, batch[k].attempt, distances[k]));
  }
  return distances;
}

AbcBatchSimulator serial(const AbcSimulator& simulate) {
  return [simulate](const std::vector<AbcProposal>& batch) {
    std::vector<double> distances;
    distances.reserve(batch.size());
    for (const auto& p : batch) distances.push_back(simulate(p.params, p.seed));
    return distances;
  };
}

}  // namespace pw::methods::abc_detail
