// A flat, path-indexed view of every parameter of a parameter struct, built by
// visiting it. The scenario loader, `pathways params` and the HDF5 metadata all
// work on this table, never on the structs directly.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "sim/engine/params/param.hpp"

namespace pw {

// A value as converted at load into internal units.
using ParamValue = std::variant<double, long long, bool, std::string>;

struct ParamSlot {
  ParamInfo info;
  std::function<void(const ParamValue&)> set;  // value already converted and range-checked
  std::function<std::string()> get;            // current value in scenario syntax
};

class ParamTable {
 public:
  template <class Params>
  explicit ParamTable(Params& p) {
    Binder b{*this};
    p.visit(b);
  }

  [[nodiscard]] const ParamSlot* find(const std::string& path) const;
  [[nodiscard]] const std::vector<ParamSlot>& slots() const { return slots_; }
  // The closest known path, for "did you mean" (empty when nothing is close,
  // and for keys longer than kMaxSuggestKeyLength, which no typo makes: this
  // bounds the edit-distance work on absurd input such as a 2 MB key).
  static constexpr std::size_t kMaxSuggestKeyLength = 200;
  [[nodiscard]] std::string nearest(const std::string& path) const;
  // The error for a key this table does not hold: what replaced a retired key
  // (ParamInfo::replaces), else "unknown key" with the nearest known one.
  [[nodiscard]] std::string unknown_key_message(const std::string& path) const;

 private:
  struct Binder {
    ParamTable& t;
    void operator()(double& m, const Param& p);
    void operator()(int& m, const Param& p);
    void operator()(bool& m, const Param& p);
    void operator()(std::string& m, const Param& p);
  };
  void add(ParamSlot slot);

  std::vector<ParamSlot> slots_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// Sets every member of a parameter struct to its declared default.
struct DefaultSetter {
  void operator()(double& m, const Param& p) const { m = p.def; }
  void operator()(int& m, const Param& p) const { m = static_cast<int>(p.def); }
  void operator()(bool& m, const Param& p) const { m = p.def != 0.0; }
  void operator()(std::string& m, const Param& p) const { m = std::string(p.text_default); }
};

template <class Params>
Params with_defaults() {
  Params p{};
  DefaultSetter d;
  p.visit(d);
  return p;
}

}  // namespace pw
