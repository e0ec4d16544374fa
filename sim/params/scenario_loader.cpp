#include "sim/params/scenario_loader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <sstream>
#include <toml++/toml.h>

namespace pw {

namespace {

constexpr double kWeeksPerYear = 52.0;
constexpr double kWeeksPerMonth = 52.0 / 12.0;
constexpr double kWeeksPerDay = 1.0 / 7.0;

// Splits "12.5mo" into 12.5 and "mo".
bool split_number_suffix(const std::string& text, double& number, std::string& suffix) {
  const char* b = text.data();
  const char* e = b + text.size();
  while (b < e && *b == ' ') ++b;
  const auto r = std::from_chars(b, e, number);
  if (r.ec != std::errc{}) return false;
  suffix.assign(r.ptr, e);
  while (!suffix.empty() && suffix.front() == ' ') suffix.erase(0, 1);
  while (!suffix.empty() && suffix.back() == ' ') suffix.pop_back();
  return true;
}

bool unit_to_weeks(const std::string& u, double& factor) {
  if (u == "w" || u == "wk" || u == "week" || u == "weeks") factor = 1.0;
  else if (u == "mo" || u == "month" || u == "months") factor = kWeeksPerMonth;
  else if (u == "y" || u == "yr" || u == "year" || u == "years") factor = kWeeksPerYear;
  else if (u == "d" || u == "day" || u == "days") factor = kWeeksPerDay;
  else return false;
  return true;
}

std::string accepted_for(const ParamInfo& info) {
  switch (info.type) {
    case ValueType::Boolean: return "true or false";
    case ValueType::Integer: return fmt::format("a whole number in [{}, {}]", info.lo, info.hi);
    case ValueType::Text: {
      if (info.choices.empty()) return "a string";
      std::string s = "one of";
      for (const auto& c : info.choices) s += " \"" + c + "\"";
      return s;
    }
    case ValueType::Real: break;
  }
  switch (info.unit) {
    case Unit::Probability: return "a probability in [0, 1] (or a string such as \"45%\")";
    case Unit::PerWeek:
      return fmt::format("a rate string such as \"0.01/w\", \"0.5/y\" or \"2/mo\", in [{:g}, {:g}] per week",
                         info.lo, info.hi);
    case Unit::Weeks:
      return fmt::format("a duration string such as \"26w\", \"6mo\" or \"2y\", in [{:g}, {:g}] weeks",
                         info.lo, info.hi);
    default: return fmt::format("a number in [{:g}, {:g}]", info.lo, info.hi);
  }
}

// Converts one TOML value to the parameter's internal value; returns an error message or "".
std::string convert(const toml::node& node, const ParamInfo& info, ParamValue& out) {
  const std::string accepted = accepted_for(info);
  switch (info.type) {
    case ValueType::Boolean:
      if (auto b = node.value_exact<bool>()) { out = *b; return ""; }
      return "wrong type: expected " + accepted;
    case ValueType::Integer: {
      auto i = node.value_exact<int64_t>();
      if (!i) return "wrong type: expected " + accepted;
      if (*i < info.lo || *i > info.hi) return fmt::format("value {} out of range: expected {}", *i, accepted);
      out = static_cast<long long>(*i);
      return "";
    }
    case ValueType::Text: {
      auto s = node.value_exact<std::string>();
      if (!s) return "wrong type: expected " + accepted;
      if (!info.choices.empty() &&
          std::find(info.choices.begin(), info.choices.end(), *s) == info.choices.end()) {
        return fmt::format("unknown value \"{}\": expected {}", *s, accepted);
      }
      out = *s;
      return "";
    }
    case ValueType::Real: break;
  }
  double v = 0.0;
  const auto num = node.value<double>();  // int or float
  const auto str = node.value_exact<std::string>();
  switch (info.unit) {
    case Unit::Weeks:
      if (num) return fmt::format("missing unit: {} is a bare number; expected {}", *num, accepted);
      if (!str || !parse_duration_weeks(*str, v)) return "bad unit: expected " + accepted;
      break;
    case Unit::PerWeek:
      if (num) return fmt::format("missing unit: {} is a bare number; expected {}", *num, accepted);
      if (!str || !parse_rate_per_week(*str, v)) return "bad unit: expected " + accepted;
      break;
    case Unit::Probability:
      if (str) {
        double pct = 0;
        std::string suffix;
        if (!split_number_suffix(*str, pct, suffix) || suffix != "%") return "bad unit: expected " + accepted;
        v = pct / 100.0;
      } else if (num) {
        v = *num;
        if (v > 1.0 && v <= 100.0) {
          return fmt::format("value {} out of range: expected {}; a percentage must be written \"{}%\"",
                             v, accepted, v);
        }
      } else {
        return "wrong type: expected " + accepted;
      }
      break;
    default:
      if (!num) return "wrong type: expected " + accepted;
      v = *num;
  }
  if (!std::isfinite(v) || v < info.lo || v > info.hi) {
    return fmt::format("value {:g} out of range: expected {}", v, accepted);
  }
  out = v;
  return "";
}

struct Walker {
  ParamTable& table;
  ScenarioMeta& meta;
  std::vector<ScenarioIssue>& issues;
  std::string file;
  std::filesystem::path base_dir;

  void issue(const toml::node& n, const std::string& key, std::string msg) {
    issues.push_back({file, static_cast<int>(n.source().begin.line),
                      static_cast<int>(n.source().begin.column), key, std::move(msg)});
  }

  void walk(const toml::table& t, const std::string& prefix) {
    for (auto&& [k, node] : t) {
      const std::string path = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      if (prefix.empty() && (path == "name" || path == "description")) {
        auto s = node.value_exact<std::string>();
        if (!s) issue(node, path, "wrong type: expected a string");
        else (path == "name" ? meta.name : meta.description) = *s;
        continue;
      }
      if (const auto* sub = node.as_table()) {
        walk(*sub, path);
        continue;
      }
      const ParamSlot* slot = table.find(path);
      if (slot == nullptr) {
        const std::string near = table.nearest(path);
        issue(node, path, near.empty() ? "unknown key" : "unknown key; did you mean \"" + near + "\"?");
        continue;
      }
      ParamValue v;
      std::string err = convert(node, slot->info, v);
      if (!err.empty()) {
        issue(node, path, err);
        continue;
      }
      if (auto* s = std::get_if<std::string>(&v); s && path.ends_with("_file") && !s->empty()) {
        const std::filesystem::path p(*s);
        if (p.is_relative()) *s = std::filesystem::absolute(base_dir / p).lexically_normal().string();
      }
      slot->set(v);
    }
  }
};

}  // namespace

std::string ScenarioIssue::to_string() const {
  if (line > 0) return fmt::format("{}:{}:{}: {}: {}", file, line, column, key, message);
  return fmt::format("{}: {}: {}", file, key, message);
}

ScenarioError::ScenarioError(std::vector<ScenarioIssue> issues)
    : std::runtime_error([&] {
        std::string s = fmt::format("{} problem{} in scenario:", issues.size(), issues.size() == 1 ? "" : "s");
        for (const auto& i : issues) s += "\n  " + i.to_string();
        return s;
      }()),
      issues_(std::move(issues)) {}

bool parse_duration_weeks(const std::string& text, double& weeks) {
  double n = 0, f = 0;
  std::string u;
  if (!split_number_suffix(text, n, u) || !unit_to_weeks(u, f)) return false;
  weeks = n * f;
  return true;
}

bool parse_rate_per_week(const std::string& text, double& per_week) {
  double n = 0, f = 0;
  std::string u;
  if (!split_number_suffix(text, n, u) || u.empty() || u.front() != '/') return false;
  u.erase(0, 1);
  if (!unit_to_weeks(u, f)) return false;
  per_week = n / f;
  return true;
}

ScenarioMeta load_scenario_file(const std::filesystem::path& file, ParamTable& table) {
  ScenarioMeta meta;
  meta.file = file;
  meta.name = file.stem().string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw ScenarioError({{file.string(), 0, 0, "(file)", "missing file: no such scenario file"}});
  }
  toml::table doc;
  try {
    doc = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ScenarioError({{file.string(), static_cast<int>(e.source().begin.line),
                          static_cast<int>(e.source().begin.column), "(syntax)",
                          std::string(e.description())}});
  }
  std::vector<ScenarioIssue> issues;
  Walker w{table, meta, issues, file.string(), file.parent_path()};
  w.walk(doc, "");
  if (!issues.empty()) throw ScenarioError(std::move(issues));
  return meta;
}

void apply_overrides(const std::vector<std::string>& sets, ParamTable& table, ScenarioMeta& meta) {
  std::vector<ScenarioIssue> issues;
  for (const auto& s : sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      issues.push_back({"--set", 0, 0, s, "expected path=value, e.g. justice.conviction_probability=0.6"});
      continue;
    }
    const std::string path = s.substr(0, eq);
    std::string value = s.substr(eq + 1);
    toml::table doc;
    try {
      doc = toml::parse("v = " + value);
    } catch (const toml::parse_error&) {
      // A bare word is taken as a string, so `--set x=6mo` works unquoted.
      try {
        doc = toml::parse("v = \"" + value + "\"");
      } catch (const toml::parse_error& e) {
        issues.push_back({"--set", 0, 0, path, "value is not valid TOML: " + std::string(e.description())});
        continue;
      }
    }
    const ParamSlot* slot = table.find(path);
    if (slot == nullptr) {
      const std::string near = table.nearest(path);
      issues.push_back({"--set", 0, 0, path,
                        near.empty() ? "unknown key" : "unknown key; did you mean \"" + near + "\"?"});
      continue;
    }
    ParamValue v;
    std::string err = convert(*doc.get("v"), slot->info, v);
    if (!err.empty()) {
      issues.push_back({"--set", 0, 0, path, err});
      continue;
    }
    slot->set(v);
    meta.overrides.push_back(s);
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}

std::string resolved_toml(const ScenarioMeta& meta, const ParamTable& table) {
  std::ostringstream out;
  out << "# Resolved scenario: every parameter, as the run used it.\n";
  out << "# source file: " << meta.file.string() << "\n";
  for (const auto& o : meta.overrides) out << "# --set " << o << "\n";
  out << "name = " << toml::value<std::string>(meta.name) << "\n";
  if (!meta.description.empty()) out << "description = " << toml::value<std::string>(meta.description) << "\n";
  std::string current_table;
  for (const auto& slot : table.slots()) {
    const auto& path = slot.info.path;
    const auto dot = path.rfind('.');
    const std::string tbl = dot == std::string::npos ? "" : path.substr(0, dot);
    if (tbl != current_table) {
      out << "\n[" << tbl << "]\n";
      current_table = tbl;
    }
    std::string v = slot.get();
    if (slot.info.type == ValueType::Text) {
      const auto raw = v.substr(1, v.size() - 2);
      std::ostringstream quoted;
      quoted << toml::value<std::string>(raw);
      v = quoted.str();
    }
    out << path.substr(dot + 1) << " = " << v << "\n";
  }
  return out.str();
}

}  // namespace pw
