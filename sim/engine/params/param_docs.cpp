#include "sim/engine/params/param_docs.hpp"

#include <fmt/format.h>

#include <cmath>

namespace pw {

namespace {
std::string range_text(const ParamInfo& i) {
  if (i.type == ValueType::Boolean) return "true / false";
  if (i.type == ValueType::Text) {
    if (i.choices.empty()) return "text";
    std::string s;
    for (const auto& c : i.choices) s += (s.empty() ? "" : " / ") + c;
    return s;
  }
  auto num = [](double v) { return std::isinf(v) ? std::string(v < 0 ? "-inf" : "inf") : fmt::format("{:g}", v); };
  return fmt::format("[{}, {}]", num(i.lo), num(i.hi));
}
}  // namespace

std::string parameters_text(const ParamTable& table, const std::string& prefix) {
  std::string out;
  for (const auto& s : table.slots()) {
    const auto& i = s.info;
    if (!i.path.starts_with(prefix)) continue;
    out += fmt::format("{}\n    default {}  unit {}  range {}\n    {}\n    source: {}\n", i.path, i.default_text,
                       unit_name(i.unit), range_text(i), i.description, i.source);
  }
  return out;
}

std::string parameters_markdown(const ParamTable& table,
                                const std::vector<std::pair<std::string, const ParamTable*>>& entries) {
  std::string out =
      "# Parameter reference\n\n"
      "Generated from the parameter schema by `pathways params --markdown`; do not edit by hand\n"
      "(a test fails when this file is stale). Durations are written `26w`, `6mo` or `2y`; rates\n"
      "`0.01/w` or `0.5/y`; probabilities as numbers in [0, 1] or as `\"45%\"`. A model year is 52 weeks.\n";
  std::string section;
  for (const auto& s : table.slots()) {
    const auto& i = s.info;
    const auto dot = i.path.rfind('.');
    const std::string sec = i.path.substr(0, dot);
    if (sec != section) {
      section = sec;
      out += fmt::format(
          "\n## [{}]\n\n| key | default | unit | range | description | source |\n|---|---|---|---|---|---|\n", sec);
    }
    out += fmt::format("| `{}` | `{}` | {} | {} | {} | {} |\n", i.path.substr(dot + 1), i.default_text,
                       unit_name(i.unit), range_text(i), i.description, i.source);
  }
  for (const auto& [key, entry] : entries) {
    out += fmt::format(
        "\n## [[{}]]\n\nOne table per entry; `name` (unique) is required. A scenario that extends another and "
        "names an existing entry changes only the keys it gives. `--set {}[NAME].key=value` overrides one "
        "key.\n\n| key | default | unit | range | description | source |\n|---|---|---|---|---|---|\n",
        key, key);
    for (const auto& s : entry->slots()) {
      const auto& i = s.info;
      out += fmt::format("| `{}` | `{}` | {} | {} | {} | {} |\n", i.path, i.default_text, unit_name(i.unit),
                         range_text(i), i.description, i.source);
    }
  }
  return out;
}

}  // namespace pw
