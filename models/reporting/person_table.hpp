// The per-person summary written at the end of a replicate: static attributes,
// needs, risk, and the justice history over the follow-up. One column per field.
#pragma once

#include <cstdint>
#include <functional>
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

// Builds the columns one at a time and hands each to `fn`, so a writer needs
// memory for one column, not the whole table.
void for_each_person_column(const Simulation& sim, const std::function<void(const PersonColumn&)>& fn);

// All columns at once (tests and small cohorts).
std::vector<PersonColumn> person_table(const Simulation& sim);

}  // namespace pw
