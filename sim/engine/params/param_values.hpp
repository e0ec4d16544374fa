// Converts values written in scenario files (TOML nodes) into the internal
// units of a parameter, once, at load: durations to weeks, rates to per week,
// money to US dollars at kPriceBaseYear prices, percentages to probabilities.
// Every failure returns a message that names the problem and what is accepted.
#pragma once

#include <toml++/toml.h>
#include <string>

#include "sim/engine/params/param_table.hpp"

namespace pw {

// Converts one value; returns "" on success, else the error message.
std::string convert_value(const toml::node& node, const ParamInfo& info, ParamValue& out);

// "26w", "6mo", "2y", "10d" -> weeks (a model year is 52 weeks); false if malformed.
bool parse_duration_weeks(const std::string& text, double& weeks);
// "0.01/w", "0.5/y", "2/mo", "1/d" -> per week; false if malformed.
bool parse_rate_per_week(const std::string& text, double& per_week);
// "1709 USD 2011" -> US dollars at kPriceBaseYear prices (CPI-U); false with a message if not.
bool parse_money(const std::string& text, double& usd_base, std::string& error);

}  // namespace pw
