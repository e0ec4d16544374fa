#include "models/labour/employers.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>

#include "sim/engine/core/distributions.hpp"

namespace pw {

Employers make_employers(const EmployerParams& p, const IncentiveParams& inc, const std::vector<Neighbourhood>& hoods,
                         std::size_t people, const Rng& rng) {
  Employers e;
  const auto count =
      static_cast<std::size_t>(std::max(1.0, std::round(p.employers_per_1000 * static_cast<double>(people) / 1000.0)));
  e.neighbourhood.resize(count);
  e.sector.resize(count);
  e.positions.assign(count, 0);
  e.filled.assign(count, 0);
  e.willingness.resize(count);
  e.checks_records.resize(count);
  e.tax_credit.resize(count);
  e.bonding.resize(count);
  e.cooperating.resize(count);
  e.informal.resize(count);

  std::vector<double> density_cum;
  double acc = 0;
  for (const auto& h : hoods) density_cum.push_back(acc += h.job_density);
  const double a = std::max(1e-6, p.willingness_mean * p.willingness_concentration);
  const double b = std::max(1e-6, (1.0 - p.willingness_mean) * p.willingness_concentration);
  for (std::size_t j = 0; j < count; ++j) {
    const auto id = static_cast<std::uint32_t>(j);
    const auto u = rng.uniform4(id, kSetupWeek, Purpose::EmployerSetup, 0);
    const auto v = rng.uniform4(id, kSetupWeek, Purpose::EmployerSetup, 1);
    const double w = rng.uniform2_fine(id, kSetupWeek, Purpose::EmployerSetup, 2)[0];
    e.sector[j] =
        static_cast<std::uint8_t>(u[0] < p.share_construction                                                  ? 0
                                  : u[0] < p.share_construction + p.share_food_service                         ? 1
                                  : u[0] < p.share_construction + p.share_food_service + p.share_manufacturing ? 2
                                                                                                               : 3);
    e.checks_records[j] = u[1] < p.record_check_share ? 1 : 0;  // informal employers never check (below)
    e.tax_credit[j] = u[2] < inc.tax_credit_takeup ? 1 : 0;
    e.bonding[j] = u[3] < inc.bonding_takeup ? 1 : 0;
    e.cooperating[j] = v[0] < p.cooperating_share ? 1 : 0;
    e.informal[j] = !e.cooperating[j] && v[2] < p.informal_share ? 1 : 0;
    if (e.informal[j]) e.checks_records[j] = 0;  // cash jobs: no background check, no tax credit
    if (e.cooperating[j]) e.cooperating_ids.push_back(static_cast<std::uint32_t>(j));
    const auto it = std::upper_bound(density_cum.begin(), density_cum.end(), v[1] * acc);
    e.neighbourhood[j] = static_cast<std::uint16_t>(
        std::min<std::ptrdiff_t>(it - density_cum.begin(), static_cast<std::ptrdiff_t>(hoods.size()) - 1));
    e.willingness[j] = static_cast<float>(boost::math::ibeta_inv(a, b, w, FastMathPolicy()));
  }
  // Positions: the total, split evenly over employers by the largest-remainder rule.
  const auto total = static_cast<std::int64_t>(std::llround(p.positions_per_person * static_cast<double>(people)));
  const auto base = total / static_cast<std::int64_t>(count);
  const auto extra = total % static_cast<std::int64_t>(count);
  for (std::size_t j = 0; j < count; ++j) {
    e.positions[j] = static_cast<std::int32_t>(base + (static_cast<std::int64_t>(j) < extra ? 1 : 0));
  }
  // Employers of each neighbourhood, by id.
  e.offset.assign(hoods.size() + 1, 0);
  for (const auto k : e.neighbourhood) ++e.offset[k + 1u];
  for (std::size_t k = 0; k < hoods.size(); ++k) e.offset[k + 1] += e.offset[k];
  e.by_neighbourhood.resize(count);
  auto next = e.offset;
  for (std::size_t j = 0; j < count; ++j)
    e.by_neighbourhood[next[e.neighbourhood[j]]++] = static_cast<std::uint32_t>(j);
  return e;
}

}  // namespace pw
