#include "models/reporting/outcome_tables.hpp"

#include <cmath>

#include "models/simulation.hpp"

namespace pw {

int months_in_horizon(int weeks) { return static_cast<int>(std::floor(weeks * 12.0 / 52.0 + 1e-9)); }
int week_ending_month(int month) { return static_cast<int>(std::lround(month * 52.0 / 12.0)); }

CumulativeTables cumulative_tables(const Simulation& sim) {
  const auto& index = sim.groups();
  const auto& js = sim.justice();
  const int weeks = sim.week();
  const std::size_t n_groups = index.names.size();
  CumulativeTables t;
  t.months = months_in_horizon(weeks);
  const std::array<const std::vector<std::int16_t>*, kOutcomes.size()> events = {
      &js.first_arrest_week, &js.first_conviction_week, &js.first_return_week};
  // Histogram of first-event weeks per group, then cumulative sums read at month ends.
  const auto stride = static_cast<std::size_t>(weeks) + 1;
  std::vector<std::int64_t> by_week(n_groups * kOutcomes.size() * stride, 0);
  for (std::size_t i = 0; i < sim.population().size(); ++i) {
    for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
      const int w = (*events[o])[i];
      if (w == kNever || w >= weeks) continue;
      for (auto k = index.offset[i]; k < index.offset[i + 1]; ++k) {
        ++by_week[(index.groups[k] * kOutcomes.size() + o) * stride + static_cast<std::size_t>(w)];
      }
    }
  }
  for (std::size_t g = 0; g < n_groups; ++g) {
    const std::int64_t size = index.size[g];
    std::array<std::vector<double>, kOutcomes.size()> pct;
    for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
      const auto* h = &by_week[(g * kOutcomes.size() + o) * stride];
      std::int64_t cum = 0;
      int w = 0;
      for (int m = 1; m <= t.months; ++m) {
        const int end = week_ending_month(m);
        for (; w < end; ++w) cum += h[w];
        pct[o].push_back(size > 0 ? 100.0 * static_cast<double>(cum) / static_cast<double>(size) : 0.0);
      }
    }
    t.groups.push_back(index.names[g]);
    t.group_size.push_back(size);
    t.pct.push_back(std::move(pct));
  }
  return t;
}

}  // namespace pw
