#include "sim/engine/params/scenario_loader.hpp"

#include "sim/engine/params/param_values.hpp"
#include "sim/engine/params/toml_input.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>

namespace pw {

namespace {
// Why `s` cannot name a scenario or a [[collection]] entry (it becomes an HDF5
// group name and a file-name part); empty when it can.
std::string name_problem(const std::string& s) {
  if (s.find('\0') != std::string::npos) return "a NUL character is not accepted in a name";
  if (s.find('/') != std::string::npos) return "\"/\" is not accepted in a name (it is used as an HDF5 group name)";
  if (s == "." || s == "..") return "\".\" and \"..\" are not accepted as names (they are used as HDF5 group names)";
  return {};
}

struct Walker {
  ParamTable& table;
  ScenarioMeta& meta;
  std::vector<ScenarioIssue>& issues;
  std::string file;
  std::filesystem::path base_dir;
  const std::vector<Collection*>& collections;
  std::map<std::string, ScenarioIssue>& file_keys;  // where each *_file key was set
  std::string display_prefix = {};                  // e.g. "programme[cbt]." inside a collection entry

  // Past TomlLimits::kMaxIssues problems the walk stops (a 1 MiB file of bad keys
  // would otherwise cost a did-you-mean search per line).
  [[nodiscard]] bool full() const { return issues.size() > TomlLimits::kMaxIssues; }
  void issue(const toml::node& n, const std::string& key, std::string msg) {
    if (full()) return;
    const int line = static_cast<int>(n.source().begin.line), column = static_cast<int>(n.source().begin.column);
    if (issues.size() == TomlLimits::kMaxIssues) {
      issues.push_back({file, line, column, "(file)",
                        fmt::format("more than {} problems; the rest are not listed", TomlLimits::kMaxIssues)});
      return;
    }
    issues.push_back({file, line, column, display_prefix + key, std::move(msg)});
  }

  Collection* collection(const std::string& key) const {
    for (auto* c : collections) {
      if (c->key() == key) return c;
    }
    return nullptr;
  }

  // [[key]] entries: each needs a unique name; its other keys go to the entry's table.
  void walk_collection(Collection& c, const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      issue(node, std::string(c.key()), fmt::format("wrong type: expected [[{}]] tables", c.key()));
      return;
    }
    std::map<std::string, int> seen;  // name -> line of the first entry with it, in this file
    for (const auto& element : *array) {
      const auto& t = *element.as_table();
      const auto name = t["name"].value_exact<std::string>();
      if (!name || name->empty()) {
        issue(element, std::string(c.key()), "missing name: every entry needs name = \"...\"");
        continue;
      }
      if (const std::string why = name_problem(*name); !why.empty()) {
        issue(*t.get("name"), std::string(c.key()) + ".name", why);
        continue;
      }
      const int line = static_cast<int>(element.source().begin.line);
      if (const auto [it, fresh] = seen.emplace(*name, line); !fresh) {
        issue(element, std::string(c.key()),
              fmt::format("duplicate name \"{}\": the [[{}]] entry at line {} has it already", *name, c.key(),
                          it->second));
        continue;
      }
      Walker sub{c.entry(*name), meta,        issues,    file,
                 base_dir,       collections, file_keys, fmt::format("{}[{}].", c.key(), *name)};
      sub.walk(t, "", false);
    }
  }

  void walk(const toml::table& t, const std::string& prefix, bool top = true) {
    for (auto&& [k, node] : t) {
      if (full()) return;
      const std::string path = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
      if (top && prefix.empty()) {
        if (Collection* c = collection(path)) {
          walk_collection(*c, node);
          continue;
        }
      }
      if (!top && prefix.empty() && path == "name") continue;  // an entry's name, read by walk_collection
      if (top && prefix.empty() && (path == "name" || path == "description")) {
        auto s = node.value_exact<std::string>();
        if (!s)
          issue(node, path, "wrong type: expected a string");
        else if (path == "name" && !name_problem(*s).empty())
          issue(node, path, name_problem(*s));
        else if (s->find('\0') != std::string::npos)
          issue(node, path, "a NUL character is not accepted in a string");
        else
          (path == "name" ? meta.name : meta.description) = *s;
        continue;
      }
      if (const auto* sub = node.as_table()) {
        walk(*sub, path, top);
        continue;
      }
      const ParamSlot* slot = table.find(path);
      if (slot == nullptr) {
        issue(node, path, table.unknown_key_message(path));
        continue;
      }
      ParamValue v;
      std::string err = convert_value(node, slot->info, v);
      if (!err.empty() && path == "kind" && !display_prefix.empty()) {
        err = fmt::format("unknown intervention kind \"{}\"; accepted:", node.value_or(std::string()));
        for (const auto& c : slot->info.choices) err += " " + c;
      }
      if (!err.empty()) {
        issue(node, path, err);
        continue;
      }
      if (auto* s = std::get_if<std::string>(&v); s && s->find('\0') != std::string::npos) {
        issue(node, path, "a NUL character is not accepted in a string");
        continue;
      }
      if (auto* s = std::get_if<std::string>(&v); s && path.ends_with("_file") && !s->empty()) {
        const std::filesystem::path p(*s);
        if (p.is_relative()) *s = std::filesystem::absolute(base_dir / p).lexically_normal().string();
      }
      if (path.ends_with("_file")) {
        file_keys[display_prefix + path] = {file, static_cast<int>(node.source().begin.line),
                                            static_cast<int>(node.source().begin.column), display_prefix + path, ""};
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

ScenarioError::ScenarioError(std::vector<ScenarioIssue> issues, std::string_view source)
    : std::runtime_error([&] {
        // Where the problems are: scenario files, the command line (--set), or both.
        const auto on_command_line = [](const ScenarioIssue& i) { return i.file == "--set"; };
        const bool all_cli = std::all_of(issues.begin(), issues.end(), on_command_line);
        const bool any_cli = std::any_of(issues.begin(), issues.end(), on_command_line);
        const std::string where = all_cli   ? std::string("on the command line")
                                  : any_cli ? fmt::format("in {} and on the command line", source)
                                            : fmt::format("in {}", source);
        std::string s = fmt::format("{} problem{} {}:", issues.size(), issues.size() == 1 ? "" : "s", where);
        for (const auto& i : issues) s += "\n  " + i.to_string();
        return s;
      }()),
      issues_(std::move(issues)) {}

namespace {

// Loads `file` and, first, the chain of files it extends. `chain` holds the
// canonical paths of the files being loaded, to detect cycles.
void load_chain(const std::filesystem::path& file, ParamTable& table, const std::vector<Collection*>& collections,
                ScenarioMeta& meta, bool top, std::vector<std::filesystem::path>& chain,
                std::vector<ScenarioIssue>& issues, const ScenarioIssue& missing_context) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(file, ec);
  for (const auto& seen : chain) {
    if (seen == canonical) {
      std::string cycle;
      for (const auto& c : chain) cycle += c.filename().string() + " -> ";
      ScenarioIssue i = missing_context;
      i.message = "inheritance cycle: " + cycle + file.filename().string();
      issues.push_back(std::move(i));
      return;
    }
  }
  auto parsed = read_toml_file(file, "scenario file", missing_context, issues);
  if (!parsed) return;
  toml::table doc = std::move(*parsed);
  chain.push_back(canonical);
  if (const toml::node* ext = doc.get("extends")) {
    const auto parent = ext->value_exact<std::string>();
    const ScenarioIssue here{file.string(), static_cast<int>(ext->source().begin.line),
                             static_cast<int>(ext->source().begin.column), "extends", ""};
    if (!parent) {
      ScenarioIssue i = here;
      i.message = "wrong type: expected the path of the scenario this one extends, e.g. \"baseline.toml\"";
      issues.push_back(std::move(i));
    } else if (parent->find('\0') != std::string::npos) {
      ScenarioIssue i = here;
      i.message = "a NUL character is not accepted in a path";
      issues.push_back(std::move(i));
    } else {
      load_chain(file.parent_path() / *parent, table, collections, meta, false, chain, issues, here);
      meta.chain.push_back(file.parent_path() / *parent);
    }
    doc.erase("extends");
  }
  // name and description belong to the file that states them: not inherited.
  ScenarioMeta own;
  Walker w{table, own, issues, file.string(), file.parent_path(), collections, meta.file_keys};
  w.walk(doc, "");
  if (top) {
    meta.name = own.name.empty() ? file.stem().string() : own.name;
    meta.description = own.description;
  }
  chain.pop_back();
}

}  // namespace

ScenarioMeta load_scenario_file(const std::filesystem::path& file, ParamTable& table,
                                const std::vector<Collection*>& collections) {
  ScenarioMeta meta;
  meta.file = file;
  std::vector<std::filesystem::path> chain;
  std::vector<ScenarioIssue> issues;
  load_chain(file, table, collections, meta, true, chain, issues, {file.string(), 0, 0, "(file)", ""});
  if (!issues.empty()) {
    std::stable_sort(issues.begin(), issues.end(), [](const ScenarioIssue& a, const ScenarioIssue& b) {
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    throw ScenarioError(std::move(issues));
  }
  // meta.chain lists the files extended, root first (each parent is recorded after its own parents).
  return meta;
}

void apply_overrides(const std::vector<std::string>& sets, ParamTable& table, ScenarioMeta& meta,
                     const std::vector<Collection*>& collections) {
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
    // "programme[cbt].capacity" addresses a key of a collection entry.
    ParamTable* target = &table;
    std::string key = path;
    if (const auto open = path.find('['), close = path.find("].");
        open != std::string::npos && close != std::string::npos && open < close) {
      const std::string coll = path.substr(0, open), name = path.substr(open + 1, close - open - 1);
      target = nullptr;
      for (auto* c : collections) {
        const auto names = c->names();
        if (c->key() == coll && std::find(names.begin(), names.end(), name) != names.end()) target = &c->entry(name);
      }
      if (target == nullptr) {
        issues.push_back(
            {"--set", 0, 0, path, fmt::format("no [[{}]] entry named \"{}\" in the scenario", coll, name)});
        continue;
      }
      key = path.substr(close + 2);
    }
    const ParamSlot* slot = target->find(key);
    if (slot == nullptr) {
      issues.push_back({"--set", 0, 0, path, target->unknown_key_message(key)});
      continue;
    }
    ParamValue v;
    std::string err = convert_value(*doc.get("v"), slot->info, v);
    if (!err.empty()) {
      issues.push_back({"--set", 0, 0, path, err});
      continue;
    }
    slot->set(v);
    if (key.ends_with("_file")) meta.file_keys[path] = {"--set", 0, 0, path, ""};
    meta.overrides.push_back(s);
  }
  if (!issues.empty()) throw ScenarioError(std::move(issues));
}

namespace {
void write_slot(std::ostringstream& out, const ParamSlot& slot, bool as_tables) {
  const auto& path = slot.info.path;
  const auto dot = path.rfind('.');
  std::string v = slot.get();
  if (slot.info.type == ValueType::Text) {
    const auto raw = v.substr(1, v.size() - 2);
    std::ostringstream quoted;
    quoted << toml::value<std::string>(raw);
    v = quoted.str();
  }
  out << (as_tables ? path.substr(dot + 1) : path) << " = " << v << "\n";
}

void write_slots(std::ostringstream& out, const ParamTable& table, bool as_tables) {
  // Keys grouped by table, tables in order of first appearance: TOML forbids
  // opening the same table twice.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const ParamSlot*>> by_table;
  for (const auto& slot : table.slots()) {
    const auto dot = slot.info.path.rfind('.');
    const std::string tbl = !as_tables || dot == std::string::npos ? "" : slot.info.path.substr(0, dot);
    if (by_table.find(tbl) == by_table.end()) order.push_back(tbl);
    by_table[tbl].push_back(&slot);
  }
  for (const auto& tbl : order) {
    if (as_tables) out << "\n[" << tbl << "]\n";
    for (const auto* slot : by_table[tbl]) write_slot(out, *slot, as_tables);
  }
}
}  // namespace

std::string resolved_toml(const ScenarioMeta& meta, const ParamTable& table,
                          const std::vector<Collection*>& collections) {
  std::ostringstream out;
  out << "# Resolved scenario: every parameter, as the run used it.\n";
  out << "# source file: " << meta.file.string() << "\n";
  for (const auto& parent : meta.chain) out << "# extends: " << parent.string() << "\n";
  for (const auto& o : meta.overrides) out << "# --set " << o << "\n";
  out << "name = " << toml::value<std::string>(meta.name) << "\n";
  if (!meta.description.empty()) out << "description = " << toml::value<std::string>(meta.description) << "\n";
  write_slots(out, table, true);
  for (const auto* c : collections) {
    const auto names = c->names();
    for (std::size_t i = 0; i < names.size(); ++i) {
      out << "\n[[" << c->key() << "]]\nname = " << toml::value<std::string>(names[i]) << "\n";
      write_slots(out, c->table(i), false);
    }
  }
  return out.str();
}

}  // namespace pw
