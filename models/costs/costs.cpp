#include "models/costs/costs.hpp"

#include <fmt/format.h>

#include <numeric>
#include <stdexcept>

namespace pw {

double CostSeries::sum(std::size_t category) const {
  const auto& s = weekly.at(category);
  return std::accumulate(s.begin(), s.end(), 0.0);
}

double CostSeries::sum_total() const { return std::accumulate(total.begin(), total.end(), 0.0); }

CostSeries compute_costs(const std::vector<WeekCounts>& weekly, const CostParams& p,
                         const std::vector<double>& programme_costs) {
  const std::size_t n = weekly.size();
  if (!programme_costs.empty() && programme_costs.size() != n) {
    throw std::invalid_argument(
        fmt::format("compute_costs: {} weeks of programme costs for {} weeks of counts", programme_costs.size(), n));
  }
  CostSeries c;
  for (auto& s : c.weekly) s.assign(n, 0.0);
  c.total.assign(n, 0.0);
  const auto d = [](std::int64_t count) { return static_cast<double>(count); };
  for (std::size_t t = 0; t < n; ++t) {
    const WeekCounts& w = weekly[t];
    c.weekly[kCostPrison][t] = d(w.in_prison) * p.prison_bed_week;
    c.weekly[kCostJail][t] = d(w.in_jail) * p.jail_bed_week;
    c.weekly[kCostSupervision][t] = d(w.on_standard_supervision) * p.supervision_standard_week +
                                    d(w.on_intensive_supervision) * p.supervision_intensive_week;
    c.weekly[kCostCourts][t] = d(w.arrests) * p.courts_per_arrest;
    c.weekly[kCostVictim][t] = d(w.offences_violent) * p.victim_violent + d(w.offences_property) * p.victim_property +
                               d(w.offences_drug) * p.victim_drug + d(w.offences_public_order) * p.victim_public_order;
    c.weekly[kCostProgrammes][t] = (programme_costs.empty() ? 0.0 : programme_costs[t]) +
                                   d(w.ids_issued_before_release) * p.id_issued_before_release +
                                   d(w.benefits_filed_before_release) * p.benefits_filed_before_release +
                                   d(w.enrolled_before_release) * p.enrolled_before_release;
    c.weekly[kCostHousing][t] = d(w.transitional_beds_held) * p.transitional_bed_week +
                                d(w.shelter_beds_held) * p.shelter_bed_week + d(w.voucher_holders) * p.voucher_week +
                                d(w.public_tenants) * p.public_housing_week;
    c.weekly[kCostIncentives][t] =
        d(w.tax_credits_claimed) * p.tax_credit_per_hire + d(w.bonds_issued) * p.bond_per_hire;
    c.weekly[kCostTaxes][t] = -p.tax_rate_on_earnings * d(w.formal_earnings_usd);
    double total = 0.0;
    for (const auto& s : c.weekly) total += s[t];
    c.total[t] = total;
  }
  return c;
}

}  // namespace pw
