// The per-person summary written at the end of a replicate: static attributes,
// needs, risk, and the justice history over the follow-up. One column per field.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace pw {

class Simulation;

struct PersonColumn {
  std::string name;
  std::string description;
  std::variant<std::vector<std::int32_t>, std::vector<float>> values;
};

std::vector<PersonColumn> person_table(const Simulation& sim);

}  // namespace pw
