// The reporting groups (all, sex, age at release, prior arrests, age at first
// arrest, risk level,
// commitment offence, admission type, community group, supervision at
// release), and which of them each person belongs to.
//
// Built once per simulation, after set-up; membership is fixed for the run
// (every attribute it reads is static). Used by every table broken down by
// group, and by the end-of-month census of work and housing.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/housing/housing_state.hpp"

namespace pw {

class Simulation;
class Parallel;

struct GroupIndex {
  std::vector<std::string> names;
  std::vector<std::int64_t> size;     // members per group
  std::vector<std::uint32_t> offset;  // person i's groups: groups[offset[i] .. offset[i + 1])
  std::vector<std::uint8_t> groups;
};

// The groups every run reports, in order.
std::vector<std::string> standard_group_names();
GroupIndex build_group_index(const Simulation& sim);

// End-of-month census, per group: persons in the community, of them who worked
// in the month's last week (a job or a transitional job), of them in each
// housing state, and (models/coordination) of them who hold an ID, benefits,
// an enrolment with community services, and who worked for a formal employer.
inline constexpr std::size_t kCensusCommunity = 0, kCensusEmployed = 1, kCensusHousing = 2;
inline constexpr std::size_t kCensusHasId = kCensusHousing + kHousingStates, kCensusBenefits = kCensusHasId + 1,
                             kCensusEnrolled = kCensusHasId + 2, kCensusFormallyEmployed = kCensusHasId + 3;
inline constexpr std::size_t kCensusColumns = kCensusFormallyEmployed + 1;

struct MonthCensus {
  std::vector<std::int64_t> counts;  // [group * kCensusColumns + column]
  MonthCensus& operator+=(const MonthCensus& o);
  [[nodiscard]] std::int64_t at(std::size_t group, std::size_t column) const {
    return counts[group * kCensusColumns + column];
  }
};

MonthCensus month_census(const Simulation& sim, Parallel& par);

}  // namespace pw
