// Employers: the entities that hold the entry-level jobs returning people seek.
//
// Made once, before week 0, from keyed draws (person index = employer id, week
// kSetupWeek). Read by the labour model's weekly phase; only `filled` changes,
// and only in the hiring barrier (LabourModel::hire).
// Units: positions are jobs held at once; wages are US dollars per week at
// kPriceBaseYear prices; willingness is a probability.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "models/community/community.hpp"
#include "models/labour/labour_params.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

enum class Sector : std::uint8_t { Construction = 0, FoodService = 1, Manufacturing = 2, Other = 3 };
inline constexpr std::string_view kSectorNames[4] = {"construction", "food_service", "manufacturing", "other"};

struct Employers {
  std::vector<std::uint16_t> neighbourhood;
  std::vector<std::uint8_t> sector;     // Sector
  std::vector<std::int32_t> positions;  // jobs open to the cohort that can be held at once
  std::vector<std::int32_t> filled;     // jobs held now (changed only by the hiring barrier)
  std::vector<float> willingness;       // P(consider an applicant with a record | the check is done)
  std::vector<std::uint8_t> checks_records, tax_credit, bonding, cooperating, informal;
  // Employers of each neighbourhood: ids by_neighbourhood[offset[k] .. offset[k + 1]).
  std::vector<std::uint32_t> by_neighbourhood, offset;
  // Cooperating employers, by id (programme job developers refer to them).
  std::vector<std::uint32_t> cooperating_ids;

  [[nodiscard]] std::size_t size() const { return positions.size(); }
};

// `people` sets the number of employers and of positions (both per person).
Employers make_employers(const EmployerParams& p, const IncentiveParams& incentives,
                         const std::vector<Neighbourhood>& hoods, std::size_t people, const Rng& rng);

}  // namespace pw
