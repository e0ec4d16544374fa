// Saltelli (first-order) and Jansen (total-order) estimators with bootstrap
// percentile intervals over base rows (see sobol_indices.hpp).
#include "sim/engine/methods/sobol_indices.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "sim/engine/methods/keyed_uniforms.hpp"
#include "sim/engine/methods/weighted_stats.hpp"

namespace pw::methods {
namespace {

// Rows drawn from one keyed stream before moving to the next (the stream's length is bounded).
constexpr std::size_t kRowsPerStream = 65'536;

struct Estimates {
  std::vector<double> first;
  std::vector<double> total;
  double mean = 0.0;
  double variance = 0.0;
};

// The estimators over the base rows listed in `rows` (repeats allowed).
Estimates estimate(const SaltelliDesign& design, const std::vector<double>& f, const std::vector<std::size_t>& rows) {
  const std::size_t n = rows.size();
  const std::size_t d = design.dimensions;
  Estimates e;
  double sum = 0.0;
  for (const std::size_t j : rows) sum += f[design.run_a(j)] + f[design.run_b(j)];
  e.mean = sum / static_cast<double>(2 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    const double da = f[design.run_a(j)] - e.mean;
    const double db = f[design.run_b(j)] - e.mean;
    squares += da * da + db * db;
  }
  e.variance = squares / static_cast<double>(2 * n - 1);
  e.first.assign(d, 0.0);
  e.total.assign(d, 0.0);
  if (!(e.variance > 0.0)) return e;  // the caller decides what a degenerate resample means
  for (std::size_t i = 0; i < d; ++i) {
    double first = 0.0;
    double total = 0.0;
    for (const std::size_t j : rows) {
      const double fa = f[design.run_a(j)];
      const double fb = f[design.run_b(j)] - e.mean;  // centred: the estimate does not change with a shift of f
      const double fab = f[design.run_ab(j, i)];
      first += fb * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    e.first[i] = first / static_cast<double>(n) / e.variance;
    e.total[i] = total / static_cast<double>(2 * n) / e.variance;
  }
  return e;
}

const char* matrix_name(SaltelliMatrix m) {
  switch (m) {
    case SaltelliMatrix::A:
      return "A";
    case SaltelliMatrix::B:
      return "B";
    case SaltelliMatrix::AB:
      return "AB";
  }
  return "?";
}

SobolIndex summarise(double estimate, std::vector<double>& resampled, double confidence) {
  SobolIndex index;
  index.estimate = estimate;
  if (resampled.empty()) {
    index.lo = index.hi = estimate;
    return index;
  }
  const std::vector<double> equal(resampled.size(), 1.0);
  index.lo = weighted_quantile(resampled, equal, (1.0 - confidence) / 2.0);
  index.hi = weighted_quantile(resampled, equal, 1.0 - (1.0 - confidence) / 2.0);
  index.se = std::sqrt(weighted_variance(resampled, equal) * static_cast<double>(resampled.size()) /
                       static_cast<double>(resampled.size() > 1 ? resampled.size() - 1 : 1));
  return index;
}

}  // namespace

SobolIndices sobol_indices(const SaltelliDesign& design, const std::vector<double>& outputs,
                           const SobolIndexOptions& options) {
  if (outputs.size() != design.runs())
    throw std::invalid_argument(
        fmt::format("sobol_indices: {} outputs for a Saltelli design of {} runs "
                    "({} base rows x ({} dimensions + 2))",
                    outputs.size(), design.runs(), design.base_rows, design.dimensions));
  if (design.base_rows < 2 || design.dimensions == 0)
    throw std::invalid_argument("sobol_indices: the design needs at least 2 base rows and 1 dimension");
  if (!(options.confidence > 0.0 && options.confidence < 1.0))
    throw std::invalid_argument(fmt::format("sobol_indices: confidence {} is outside (0, 1)", options.confidence));
  for (std::size_t r = 0; r < outputs.size(); ++r) {
    if (!std::isfinite(outputs[r])) {
      const auto role = design.role(r);
      throw std::invalid_argument(
          fmt::format("sobol_indices: output of run {} ({} row {}{}) is {}", r, matrix_name(role.matrix), role.base_row,
                      role.column >= 0 ? fmt::format(", column {}", role.column) : "", outputs[r]));
    }
  }
  const std::size_t n = design.base_rows;
  const std::size_t d = design.dimensions;
  std::vector<std::size_t> rows(n);
  for (std::size_t j = 0; j < n; ++j) rows[j] = j;
  const Estimates full = estimate(design, outputs, rows);
  if (!(full.variance > 0.0))
    throw std::invalid_argument("sobol_indices: the output is constant over the design, so it has no Sobol indices");

  std::vector<std::vector<double>> first_boot(d), total_boot(d);
  for (std::size_t b = 0; b < options.bootstrap; ++b) {
    for (std::size_t chunk = 0; chunk * kRowsPerStream < n; ++chunk) {
      KeyedUniforms draws(options.seed, Purpose::SobolBootstrap, static_cast<std::uint32_t>(b),
                          static_cast<std::uint32_t>(chunk));
      const std::size_t end = std::min(n, (chunk + 1) * kRowsPerStream);
      for (std::size_t j = chunk * kRowsPerStream; j < end; ++j) rows[j] = draws.next_index(n);
    }
    const Estimates e = estimate(design, outputs, rows);
    if (!(e.variance > 0.0)) continue;  // a resample of identical rows: no information, skipped
    for (std::size_t i = 0; i < d; ++i) {
      first_boot[i].push_back(e.first[i]);
      total_boot[i].push_back(e.total[i]);
    }
  }

  SobolIndices result;
  result.mean = full.mean;
  result.variance = full.variance;
  result.base_rows = n;
  for (std::size_t i = 0; i < d; ++i) {
    result.first.push_back(summarise(full.first[i], first_boot[i], options.confidence));
    result.total.push_back(summarise(full.total[i], total_boot[i], options.confidence));
  }
  return result;
}

}  // namespace pw::methods
