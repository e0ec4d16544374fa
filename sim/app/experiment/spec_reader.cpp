#include "sim/app/experiment/spec_reader.hpp"

#include <fmt/format.h>

#include <regex>

#include "models/model_params.hpp"
#include "models/programmes/programme_spec.hpp"
#include "sim/engine/params/param_table.hpp"
#include "sim/engine/params/toml_input.hpp"

namespace pw {

void SpecReader::issue(const toml::node& n, const std::string& key, std::string msg) {
  issues.push_back(
      {file, static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column), key, std::move(msg)});
}

void SpecReader::issue(const std::string& key, std::string msg) {
  // At the key when the spec has it, else at the top of the file (a missing key).
  if (root != nullptr) {
    if (const toml::node* n = root->get(key)) {
      issue(*n, key, std::move(msg));
      return;
    }
  }
  issues.push_back({file, 1, 1, key, std::move(msg)});
}

std::vector<std::string> SpecReader::strings(const toml::table& t, const std::string& key) {
  std::vector<std::string> out;
  const auto* n = t.get(key);
  if (n == nullptr) return out;
  const auto* a = n->as_array();
  if (a == nullptr) {
    issue(*n, key, "wrong type: expected an array of strings");
    return out;
  }
  for (const auto& e : *a) {
    if (const auto v = e.value_exact<std::string>()) {
      out.push_back(*v);
    } else {
      issue(e, key, "wrong type: expected a string");
    }
  }
  return out;
}

std::vector<double> SpecReader::numbers(const toml::table& t, const std::string& key) {
  std::vector<double> out;
  const auto* n = t.get(key);
  if (n == nullptr) return out;
  const auto* a = n->as_array();
  if (a == nullptr) {
    issue(*n, key, "wrong type: expected an array of numbers");
    return out;
  }
  for (const auto& e : *a) {
    if (const auto v = e.value<double>()) {
      out.push_back(*v);
    } else {
      issue(e, key, "wrong type: expected a number");
    }
  }
  return out;
}

bool SpecReader::base_scenario_exists(const std::filesystem::path& base) {
  std::string why = input_file_problem(base, "scenario file");
  if (why.empty()) return true;
  if (why.starts_with("missing file")) why = fmt::format("missing file: \"{}\" does not exist", base.string());
  issue("scenario", why + " (the base scenario, relative to the spec's folder)");
  return false;
}

void SpecReader::unknown_keys(const toml::table& t, const std::set<std::string>& accepted, const std::string& where) {
  for (auto&& [k, node] : t) {
    if (!accepted.count(std::string(k.str()))) {
      std::string list;
      for (const auto& a : accepted) list += (list.empty() ? "" : ", ") + a;
      issue(node, where + std::string(k.str()), "unknown key; accepted: " + list);
    }
  }
}

toml::table parse_spec_file(const std::filesystem::path& file, const std::string& what) {
  std::vector<ScenarioIssue> issues;
  auto doc = read_toml_file(file, what, {file.string(), 0, 0, "(file)", ""}, issues);
  if (!doc) throw ScenarioError(std::move(issues), "spec file");
  return std::move(*doc);
}

PathInfo lookup_parameter(const std::string& path) {
  PathInfo out;
  static const std::regex programme_key(R"(programme\[([^\]]+)\]\.(.+))");
  std::smatch m;
  if (std::regex_match(path, m, programme_key)) {
    out.programme = true;
    auto spec = with_defaults<ProgrammeSpec>();
    const ParamTable table(spec);
    if (const auto* s = table.find(m[2].str())) {
      out.info = s->info;
      out.found = true;
    } else {
      out.nearest = table.nearest(m[2].str());
      if (!out.nearest.empty()) out.nearest = fmt::format("programme[{}].{}", m[1].str(), out.nearest);
    }
    return out;
  }
  auto params = with_defaults<ModelParams>();
  const ParamTable table(params);
  if (const auto* s = table.find(path)) {
    out.info = s->info;
    out.found = true;
  } else {
    out.nearest = table.nearest(path);
  }
  return out;
}

std::optional<RangedParameter> read_parameter_range(SpecReader& rd, const toml::node& e, const toml::table& pt,
                                                    const std::string& verb) {
  const auto path = rd.get<std::string>(pt, "path", "a string (parameter path)");
  const auto lo = rd.get<double>(pt, "lo", "a number, in the parameter's internal unit");
  const auto hi = rd.get<double>(pt, "hi", "a number, in the parameter's internal unit");
  const bool log_scale = rd.get<bool>(pt, "log", "true or false").value_or(false);
  if (!path || !lo || !hi) {
    rd.issue(e, "parameter", "each [[parameter]] needs path, lo and hi");
    return std::nullopt;
  }
  const auto found = lookup_parameter(*path);
  if (!found.found) {
    rd.issue(e, "parameter.path",
             fmt::format("unknown parameter \"{}\"{}", *path,
                         found.nearest.empty() ? "" : fmt::format("; did you mean \"{}\"?", found.nearest)));
    return std::nullopt;
  }
  if (found.info.type == ValueType::Text || found.info.type == ValueType::Boolean) {
    rd.issue(e, "parameter.path", fmt::format("\"{}\" is not numeric and cannot be {}", *path, verb));
    return std::nullopt;
  }
  if (*lo < found.info.lo || *hi > found.info.hi) {
    rd.issue(e, "parameter",
             fmt::format("{}: range [{}, {}] leaves the parameter's range [{}, {}] ({})", *path, *lo, *hi,
                         found.info.lo, found.info.hi, unit_name(found.info.unit)));
  }
  RangedParameter out{{*path, *lo, *hi, log_scale}, found.info, found.programme};
  try {
    methods::validate(out.dimension);
  } catch (const std::invalid_argument& err) {
    rd.issue(e, "parameter", err.what());
  }
  return out;
}

}  // namespace pw
