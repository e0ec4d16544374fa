#include "models/reporting/reintegration_tables.hpp"

#include <algorithm>

#include "models/reporting/outcome_tables.hpp"
#include "models/simulation.hpp"

namespace pw {

namespace {
double pct(std::int64_t k, std::int64_t n) {
  return n > 0 ? 100.0 * static_cast<double>(k) / static_cast<double>(n) : 0.0;
}

double median(std::vector<float>& v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  const double upper = *mid;
  const double lower = *std::max_element(v.begin(), mid);
  return 0.5 * (lower + upper);
}
}  // namespace

ReintegrationTables reintegration_tables(const Simulation& sim) {
  const auto& index = sim.groups();
  const auto& labour = sim.labour().state();
  const auto& housing = sim.housing().state();
  const auto& first_admission = sim.justice().first_admission_week;
  const auto& last_admission = sim.justice().last_admission_week;
  const std::size_t n_groups = index.names.size();
  ReintegrationTables t;
  t.groups = index.names;
  t.months = static_cast<int>(sim.monthly().size());
  t.by_group.resize(n_groups);

  // Per group: ever-employed histogram by week, earnings, shelter and street entries.
  const auto stride = static_cast<std::size_t>(sim.week()) + 1;
  std::vector<std::int64_t> first_job(n_groups * stride, 0);
  std::vector<std::vector<float>> earnings(n_groups);
  std::vector<std::int64_t> shelter(n_groups, 0), street(n_groups, 0), shelter_returned(n_groups, 0);
  for (std::size_t i = 0; i < sim.population().size(); ++i) {
    const int job = labour.first_job_week[i];
    const float e = labour.earnings_first_full_year[i];
    const int sh = housing.first_shelter_week[i];
    const int st = housing.first_street_week[i];
    const bool in_shelter_24m = sh != kNever && sh < 104;
    // Admitted to prison after the first shelter entry and within 104 weeks of release.
    const auto after_shelter = [&](int a) { return a != kNever && a >= sh && a < 104; };
    const bool returned_24m = in_shelter_24m && (after_shelter(first_admission[i]) || after_shelter(last_admission[i]));
    for (auto k = index.offset[i]; k < index.offset[i + 1]; ++k) {
      const std::size_t g = index.groups[k];
      if (job != kNever && static_cast<std::size_t>(job) < stride)
        ++first_job[g * stride + static_cast<std::size_t>(job)];
      if (e > 0) earnings[g].push_back(e);
      shelter[g] += in_shelter_24m ? 1 : 0;
      shelter_returned[g] += in_shelter_24m && returned_24m ? 1 : 0;
      street[g] += st != kNever && st < 52 ? 1 : 0;
    }
  }
  for (std::size_t g = 0; g < n_groups; ++g) {
    auto& r = t.by_group[g];
    const std::int64_t size = index.size[g];
    std::int64_t cum = 0;
    std::size_t w = 0;
    for (int m = 1; m <= t.months; ++m) {
      const auto& census = sim.monthly()[static_cast<std::size_t>(m - 1)];
      const auto community = census.at(g, kCensusCommunity);
      r.employed_pct.push_back(pct(census.at(g, kCensusEmployed), community));
      const std::size_t columns[] = {kCensusHasId, kCensusBenefits, kCensusEnrolled, kCensusFormallyEmployed};
      for (std::size_t k = 0; k < kCoordinationSeries.size(); ++k) {
        r.coordination_pct[k].push_back(pct(census.at(g, columns[k]), community));
      }
      for (std::size_t h = 0; h < kHousingStates; ++h) {
        r.housing_pct[h].push_back(pct(census.at(g, kCensusHousing + h), community));
      }
      const auto end = static_cast<std::size_t>(week_ending_month(m));
      for (; w < end && w < stride; ++w) cum += first_job[g * stride + w];
      r.ever_employed_pct.push_back(pct(cum, size));
    }
    r.any_earnings_first_full_year_pct = pct(static_cast<std::int64_t>(earnings[g].size()), size);
    r.median_annual_earnings = median(earnings[g]);
    r.shelter_within_24m_pct = pct(shelter[g], size);
    r.street_within_12m_pct = pct(street[g], size);
    r.reincarcerated_among_shelter_entrants_pct = pct(shelter_returned[g], shelter[g]);
  }
  return t;
}

}  // namespace pw
