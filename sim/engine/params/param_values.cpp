#include "sim/engine/params/param_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <sstream>

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
  if (u == "w" || u == "wk" || u == "week" || u == "weeks")
    factor = 1.0;
  else if (u == "mo" || u == "month" || u == "months")
    factor = kWeeksPerMonth;
  else if (u == "y" || u == "yr" || u == "year" || u == "years")
    factor = kWeeksPerYear;
  else if (u == "d" || u == "day" || u == "days")
    factor = kWeeksPerDay;
  else
    return false;
  return true;
}

std::string accepted_for(const ParamInfo& info) {
  switch (info.type) {
    case ValueType::Boolean:
      return "true or false";
    case ValueType::Integer:
      return fmt::format("a whole number in [{}, {}]", info.lo, info.hi);
    case ValueType::Text: {
      if (info.choices.empty()) return "a string";
      std::string s = "one of";
      for (const auto& c : info.choices) s += " \"" + c + "\"";
      return s;
    }
    case ValueType::Real:
      break;
  }
  switch (info.unit) {
    case Unit::Probability:
      return "a probability in [0, 1] (or a string such as \"45%\")";
    case Unit::PerWeek:
      return fmt::format("a rate string such as \"0.01/w\", \"0.5/y\" or \"2/mo\", in [{:g}, {:g}] per week", info.lo,
                         info.hi);
    case Unit::Weeks:
      return fmt::format("a duration string such as \"26w\", \"6mo\" or \"2y\", in [{:g}, {:g}] weeks", info.lo,
                         info.hi);
    case Unit::Money:
      return fmt::format(
          "an amount with currency and price year such as \"1709 USD 2011\", in [{:g}, {:g}] USD at {} prices", info.lo,
          info.hi, kPriceBaseYear);
    default:
      return fmt::format("a number in [{:g}, {:g}]", info.lo, info.hi);
  }
}

// Converts one TOML value to the parameter's internal value; returns an error message or "".
}  // namespace

std::string convert_value(const toml::node& node, const ParamInfo& info, ParamValue& out) {
  const std::string accepted = accepted_for(info);
  switch (info.type) {
    case ValueType::Boolean:
      if (auto b = node.value_exact<bool>()) {
        out = *b;
        return "";
      }
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
      if (!info.choices.empty() && std::find(info.choices.begin(), info.choices.end(), *s) == info.choices.end()) {
        return fmt::format("unknown value \"{}\": expected {}", *s, accepted);
      }
      out = *s;
      return "";
    }
    case ValueType::Real:
      break;
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
    case Unit::Money: {
      if (num) return fmt::format("missing unit: {} is a bare number; expected {}", *num, accepted);
      std::string err;
      if (!str || !parse_money(*str, v, err)) return (str ? err : "bad unit") + ": expected " + accepted;
      break;
    }
    case Unit::Probability:
      if (str) {
        double pct = 0;
        std::string suffix;
        if (!split_number_suffix(*str, pct, suffix) || suffix != "%") return "bad unit: expected " + accepted;
        v = pct / 100.0;
      } else if (num) {
        v = *num;
        if (v > 1.0 && v <= 100.0) {
          return fmt::format("value {} out of range: expected {}; a percentage must be written \"{}%\"", v, accepted,
                             v);
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

namespace {
// US consumer price index (CPI-U, all items, annual average, 1982-84 = 100),
// Bureau of Labor Statistics series CUUR0000SA0.
constexpr int kFirstCpiYear = 2000;
constexpr double kCpiU[] = {172.2,   177.1,   179.9,   184.0,   188.9,   195.3,   201.6,   207.342, 215.303,
                            214.537, 218.056, 224.939, 229.594, 232.957, 236.736, 237.017, 240.007, 245.120,
                            251.107, 255.657, 258.811, 270.970, 292.655, 304.702, 313.689};
constexpr int kLastCpiYear = kFirstCpiYear + static_cast<int>(std::size(kCpiU)) - 1;
}  // namespace

bool parse_money(const std::string& text, double& usd_base, std::string& error) {
  std::istringstream in(text);
  double amount = 0;
  std::string currency;
  int year = 0;
  if (!(in >> amount >> currency)) {
    error = fmt::format("bad money value \"{}\"", text);
    return false;
  }
  if (currency != "USD") {
    error = fmt::format("unknown currency \"{}\" (only USD is supported)", currency);
    return false;
  }
  if (!(in >> year)) {
    error = fmt::format("money needs a price year, e.g. \"{:g} USD {}\"", amount, kPriceBaseYear);
    return false;
  }
  std::string rest;
  if (in >> rest) {
    error = fmt::format("unexpected \"{}\" after the price year", rest);
    return false;
  }
  if (year < kFirstCpiYear || year > kLastCpiYear) {
    error = fmt::format("price year {} outside the price index ({}-{})", year, kFirstCpiYear, kLastCpiYear);
    return false;
  }
  // At base-year prices the amount is kept exactly, so resolved scenarios round-trip.
  usd_base =
      year == kPriceBaseYear ? amount : amount * kCpiU[kPriceBaseYear - kFirstCpiYear] / kCpiU[year - kFirstCpiYear];
  return true;
}

}  // namespace pw
