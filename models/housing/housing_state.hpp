// Housing states of a released person (docs/ODD.md §2.2). Shared by the housing
// model, which owns the column, and the sub-models that read it (labour search,
// offending and violations through the situation multipliers).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pw {

enum class Housing : std::uint8_t {
  Own = 0,           // own or rented home (possibly with a voucher or in public housing)
  Family = 1,        // with family or friends
  Transitional = 2,  // transitional or halfway-house bed, for a term
  Shelter = 3,       // homeless shelter bed
  Street = 4,        // unsheltered
  None = 5,          // not in the community (in custody), or not yet placed on release
};
inline constexpr int kHousingStates = 5;  // the states a person in the community can be in
inline constexpr std::array<std::string_view, kHousingStates> kHousingNames = {"own", "family", "transitional",
                                                                               "shelter", "street"};

inline bool unstably_housed(std::uint8_t h) {
  return h == static_cast<std::uint8_t>(Housing::Shelter) || h == static_cast<std::uint8_t>(Housing::Street);
}

}  // namespace pw
