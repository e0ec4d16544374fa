#include "viz/assignment.hpp"

#include <toml++/toml.h>

#include <memory>

#include "sim/engine/params/param_values.hpp"

namespace pw::viz {

std::string parse_assignment(const ModelParams& params, const std::string& assignment, std::string& path,
                             ParamValue& value) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos) return "\"" + assignment + "\" is not PATH=VALUE";
  path = assignment.substr(0, eq);
  const std::string text = assignment.substr(eq + 1);
  ModelParams copy = params;
  const ParamSlot* slot = nullptr;
  std::unique_ptr<ParamTable> table;
  ProgrammeSpec* spec = nullptr;
  if (path.rfind("programme[", 0) == 0 && path.find("].") != std::string::npos) {
    const auto close = path.find("].");
    const std::string name = path.substr(10, close - 10);
    for (auto& s : copy.programmes) {
      if (s.name == name) spec = &s;
    }
    if (spec == nullptr) return path + ": no programme named \"" + name + "\"";
    table = std::make_unique<ParamTable>(*spec);
    slot = table->find(path.substr(close + 2));
  } else {
    table = std::make_unique<ParamTable>(copy);
    slot = table->find(path);
  }
  if (slot == nullptr) return path + ": unknown parameter";
  toml::table doc;
  try {
    doc = toml::parse("v = " + text);
  } catch (const toml::parse_error&) {
    // A bare word (risk_first, 26w) is a string in scenario syntax.
    doc = toml::parse("v = \"" + text + "\"");
  }
  const std::string why = convert_value(*doc.get("v"), slot->info, value);
  return why.empty() ? "" : path + ": " + why;
}

}  // namespace pw::viz
