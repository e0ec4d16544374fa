#include "sim/engine/params/param_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace pw {

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::None:
      return "-";
    case Unit::Probability:
      return "probability";
    case Unit::PerWeek:
      return "rate per week";
    case Unit::Weeks:
      return "duration (weeks)";
    case Unit::Years:
      return "years";
    case Unit::Count:
      return "count";
    case Unit::Money:
      return "USD (2023 prices)";
  }
  return "?";
}

std::string format_value(double v, Unit unit, ValueType type) {
  switch (type) {
    case ValueType::Boolean:
      return v != 0.0 ? "true" : "false";
    case ValueType::Integer:
      return fmt::format("{}", static_cast<long long>(v));
    case ValueType::Text:
      return "";
    case ValueType::Real:
      break;
  }
  switch (unit) {
    // Shortest representation that reads back to the same double.
    case Unit::PerWeek:
      return fmt::format("\"{}/w\"", v);
    case Unit::Weeks:
      return fmt::format("\"{}w\"", v);
    case Unit::Money:
      return fmt::format("\"{} USD {}\"", v, kPriceBaseYear);
    default:
      return fmt::format("{}", v);
  }
}

namespace {
ParamInfo info_of(const Param& p, ValueType type) {
  ParamInfo i;
  i.path = std::string(p.path);
  i.type = type;
  i.unit = p.unit;
  i.lo = p.lo;
  i.hi = p.hi;
  if (p.unit == Unit::Probability) {
    i.lo = std::max(i.lo, 0.0);
    i.hi = std::min(i.hi, 1.0);
  }
  i.description = std::string(p.description);
  i.source = std::string(p.source);
  for (auto c : p.choices) i.choices.emplace_back(c);
  i.replaces = std::string(p.replaces);
  i.default_text = type == ValueType::Text ? fmt::format("\"{}\"", p.text_default) : format_value(p.def, p.unit, type);
  return i;
}

// Levenshtein distance, for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

void ParamTable::add(ParamSlot slot) {
  if (index_.count(slot.info.path) != 0) {
    throw std::logic_error("parameter declared twice: " + slot.info.path);
  }
  index_.emplace(slot.info.path, slots_.size());
  slots_.push_back(std::move(slot));
}

const ParamSlot* ParamTable::find(const std::string& path) const {
  const auto it = index_.find(path);
  return it == index_.end() ? nullptr : &slots_[it->second];
}

std::string ParamTable::unknown_key_message(const std::string& path) const {
  for (const auto& s : slots_) {
    if (!s.info.replaces.empty() && s.info.replaces == path) {
      return fmt::format("\"{}\" was replaced by \"{}\": {}", path, s.info.path, s.info.description);
    }
  }
  const std::string near = nearest(path);
  return near.empty() ? "unknown key" : "unknown key; did you mean \"" + near + "\"?";
}

std::string ParamTable::nearest(const std::string& path) const {
  // A candidate is close when the whole path is a few edits away (a typo
  // anywhere, a misspelt table), or when its last component is (a key in the
  // wrong table, or the same words in another order: age_max for max_age).
  // Among close candidates the fewest edits win, counting one extra edit for a
  // key found in another table, so a key of the same table comes first; ties go
  // to the nearer whole path, then to the order of declaration.
  const auto split = [](const std::string& p) {
    const auto dot = p.rfind('.');
    return std::pair{dot == std::string::npos ? std::string() : p.substr(0, dot), p.substr(dot + 1)};
  };
  const auto words = [](const std::string& leaf) {
    std::vector<std::string> w;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= leaf.size(); ++k) {
      if (k == leaf.size() || leaf[k] == '_') {
        if (k > start) w.push_back(leaf.substr(start, k - start));
        start = k + 1;
      }
    }
    std::sort(w.begin(), w.end());
    return w;
  };
  const auto [table, leaf] = split(path);
  const auto leaf_words = words(leaf);
  const std::size_t full_limit = std::max<std::size_t>(3, path.size() / 3);
  const std::size_t leaf_limit = std::max<std::size_t>(2, leaf.size() / 3);
  std::string best;
  if (path.size() > kMaxSuggestKeyLength) return best;
  std::pair<std::size_t, std::size_t> best_score{SIZE_MAX, SIZE_MAX};
  for (const auto& s : slots_) {
    const auto [s_table, s_leaf] = split(s.info.path);
    const std::size_t d_full = edit_distance(path, s.info.path);
    std::size_t d_leaf = words(s_leaf) == leaf_words && s_leaf != leaf ? 1 : edit_distance(leaf, s_leaf);
    std::size_t score = SIZE_MAX;
    if (d_full <= full_limit) score = d_full;
    if (d_leaf <= leaf_limit) score = std::min(score, d_leaf + (s_table == table ? 0 : 1));
    if (score == SIZE_MAX) continue;
    if (std::pair{score, d_full} < best_score) {
      best_score = {score, d_full};
      best = s.info.path;
    }
  }
  return best;
}

void ParamTable::Binder::operator()(double& m, const Param& p) {
  auto info = info_of(p, ValueType::Real);
  const Unit u = p.unit;
  t.add({std::move(info), [&m](const ParamValue& v) { m = std::get<double>(v); },
         [&m, u] { return format_value(m, u, ValueType::Real); }});
}
void ParamTable::Binder::operator()(int& m, const Param& p) {
  auto info = info_of(p, ValueType::Integer);
  t.add({std::move(info), [&m](const ParamValue& v) { m = static_cast<int>(std::get<long long>(v)); },
         [&m] { return fmt::format("{}", m); }});
}
void ParamTable::Binder::operator()(bool& m, const Param& p) {
  auto info = info_of(p, ValueType::Boolean);
  t.add({std::move(info), [&m](const ParamValue& v) { m = std::get<bool>(v); },
         [&m] { return std::string(m ? "true" : "false"); }});
}
void ParamTable::Binder::operator()(std::string& m, const Param& p) {
  auto info = info_of(p, ValueType::Text);
  t.add({std::move(info), [&m](const ParamValue& v) { m = std::get<std::string>(v); },
         [&m] { return fmt::format("\"{}\"", m); }});
}

}  // namespace pw
