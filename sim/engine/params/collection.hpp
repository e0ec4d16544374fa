// A collection of typed entries written in a scenario as an array of tables,
// e.g. [[programme]]. Each entry has a unique `name`; its other keys are
// declared once by the entry type's visit() (paths relative to the entry, e.g.
// "capacity"), exactly like scalar parameters, so the same validation, units
// and errors apply. A scenario that extends another and names an existing
// entry changes only the keys it gives; a new name adds an entry.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/params/param_table.hpp"

namespace pw {

class Collection {
 public:
  virtual ~Collection() = default;
  [[nodiscard]] virtual std::string_view key() const = 0;
  // The table of entry `name`, created with the declared defaults if new.
  virtual ParamTable& entry(const std::string& name) = 0;
  [[nodiscard]] virtual std::vector<std::string> names() const = 0;
  [[nodiscard]] virtual const ParamTable& table(std::size_t index) const = 0;
};

// Spec: an aggregate with a std::string `name` and visit(V&) over its other fields.
template <class Spec>
class TypedCollection final : public Collection {
 public:
  explicit TypedCollection(std::string key) : key_(std::move(key)) {}
  TypedCollection(const TypedCollection&) = delete;
  TypedCollection& operator=(const TypedCollection&) = delete;

  [[nodiscard]] std::string_view key() const override { return key_; }

  ParamTable& entry(const std::string& name) override {
    for (std::size_t i = 0; i < specs_.size(); ++i) {
      if (specs_[i].name == name) return tables_[i];
    }
    specs_.push_back(with_defaults<Spec>());
    specs_.back().name = name;
    tables_.emplace_back(specs_.back());  // binds to the deque element, whose address is stable
    return tables_.back();
  }

  [[nodiscard]] std::vector<std::string> names() const override {
    std::vector<std::string> n;
    for (const auto& s : specs_) n.push_back(s.name);
    return n;
  }
  [[nodiscard]] const ParamTable& table(std::size_t index) const override { return tables_.at(index); }

  [[nodiscard]] std::vector<Spec> values() const { return {specs_.begin(), specs_.end()}; }

 private:
  std::string key_;
  std::deque<Spec> specs_;
  std::deque<ParamTable> tables_;
};

}  // namespace pw
