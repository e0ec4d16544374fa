// An actuarial-style risk assessment, scored once at release from static
// history and assessed needs, like the static items of ORAS or LSI-R. The level
// (low / moderate / high / very high) is derived from the score, never drawn,
// and is what supervision and (later) programme targeting read.
//
// Points: age at release (<25: 3, 25-34: 2, 35-49: 1), prior arrests (3-4: 1,
// 5-9: 2, 10-19: 3, 20+: 4), age at first arrest (<=17: 2, 18-24: 1), admitted
// as a supervision violator (1), property commitment offence (1), male (1),
// substance-use need above 0.5 (1), antisocial-cognition need above 0.5 (1).
// Maximum 14.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "models/justice/justice_params.hpp"
#include "models/needs/needs.hpp"
#include "models/population/attributes.hpp"

namespace pw {

enum class RiskLevel : std::uint8_t { Low = 0, Moderate = 1, High = 2, VeryHigh = 3 };
inline constexpr std::string_view kRiskNames[4] = {"low", "moderate", "high", "very_high"};

// The RiskLevel named `name` (one of kRiskNames; anything else is Low: the
// parameter schema has already rejected it).
inline int risk_level_of(std::string_view name) {
  for (int k = 0; k < 4; ++k) {
    if (kRiskNames[k] == name) return k;
  }
  return 0;
}

struct RiskAssessment {
  std::vector<std::uint8_t> score;  // points, 0-14
  std::vector<std::uint8_t> level;  // RiskLevel
};

int risk_score(const Population& pop, const Needs& needs, std::size_t i);
RiskAssessment assess_risk(const Population& pop, const Needs& needs, const RiskParams& params);

}  // namespace pw
