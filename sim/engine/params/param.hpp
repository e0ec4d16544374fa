// One declaration per model parameter: the single source of truth.
//
// A sub-model's parameter struct exposes `template <class V> void visit(V& v)`
// that calls `v(member, Param{...})` once per member. The same declaration then
// serves defaults, validation of scenario files and --set overrides, the
// generated reference docs/parameters.md, `pathways params`, and the metadata
// written into every results file.
//
// Units are converted once, at load, into the internal units the code uses:
// durations in weeks, rates per week, probabilities in [0, 1], money in US
// dollars at kPriceBaseYear prices.
#pragma once

#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace pw {

enum class Unit {
  None,         // dimensionless (coefficients, multipliers, counts of things)
  Probability,  // in [0, 1]; "45%" is accepted and converted, 45 is an error
  PerWeek,      // a rate; written "0.01/w", "0.5/y" or "2/mo"
  Weeks,        // a duration; written "26w", "6mo" or "2y"
  Years,        // an age or span in years, written as a plain number
  Count,        // a whole number of people, arrests, replicates...
  Money,        // US dollars at kPriceBaseYear prices; written "1709 USD 2011"
};

// Money parameters are converted at load to US dollars at these prices.
inline constexpr int kPriceBaseYear = 2023;

std::string_view unit_name(Unit u);

struct Param {
  std::string_view path;
  Unit unit = Unit::None;
  double def = 0.0;  // default for numeric and bool parameters (bool: 0 or 1)
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  std::string_view description;
  std::string_view source;                               // citation for a literature default, or why it is what it is
  std::string_view text_default = {};                    // default of a string parameter
  std::initializer_list<std::string_view> choices = {};  // accepted values of a string parameter
  // A retired key this parameter replaced (same table), e.g. "capacity" for
  // "places_per_1000": a scenario that still gives it is refused with a message
  // naming this parameter and its description.
  std::string_view replaces = {};
};

// Type-erased copy of a declaration, for tables, docs and errors.
enum class ValueType { Real, Integer, Boolean, Text };

struct ParamInfo {
  std::string path;
  ValueType type = ValueType::Real;
  Unit unit = Unit::None;
  double lo = 0, hi = 0;
  std::string description;
  std::string source;
  std::string default_text;  // the default, written as it would be in a scenario file
  std::vector<std::string> choices;
  std::string replaces;  // see Param::replaces
};

// Formats a value in scenario syntax (with its unit), e.g. "26w" or "0.012/w".
std::string format_value(double internal_value, Unit unit, ValueType type);

}  // namespace pw
