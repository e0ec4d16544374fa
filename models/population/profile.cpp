#include "models/population/profile.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>

namespace pw {

namespace {

bool parse_int(std::string_view s, int& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

// "le24" -> [-1, 24]; "25to39" -> [25, 39]; "65plus" -> [65, -1].
bool parse_band(const std::string& label, int& lo, int& hi) {
  lo = hi = -1;
  if (label.starts_with("le")) return parse_int(std::string_view(label).substr(2), hi);
  if (label.ends_with("plus")) return parse_int(std::string_view(label).substr(0, label.size() - 4), lo);
  const auto to = label.find("to");
  if (to == std::string::npos) return false;
  return parse_int(std::string_view(label).substr(0, to), lo) &&
         parse_int(std::string_view(label).substr(to + 2), hi) && lo <= hi;
}

const std::set<std::string> kBanded = {"age_at_release", "prior_arrests", "age_first_arrest"};
const std::map<std::string, std::vector<std::string>> kRequired = {
    {"sex", {"male", "female"}},
    {"age_at_release", {}},
    {"prior_arrests", {}},
    {"age_first_arrest", {}},
    {"admission", {"new_court_commitment", "supervision_violator"}},
    {"release", {"to_supervision"}},
};

}  // namespace

const std::vector<ProfileCategory>& PopulationProfile::at(const std::string& attribute) const {
  const auto it = attributes.find(attribute);
  if (it == attributes.end()) throw ProfileError(fmt::format("{}: no attribute \"{}\"", file, attribute));
  return it->second;
}

double PopulationProfile::share(const std::string& attribute, const std::string& category) const {
  for (const auto& c : at(attribute)) {
    if (c.label == category) return c.share;
  }
  return 0.0;
}

PopulationProfile read_profile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ProfileError(fmt::format("{}: missing file: cannot open population profile", file.string()));
  PopulationProfile p;
  p.file = file.string();
  std::string line;
  int line_no = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      if (line != "attribute,category,percent") {
        throw ProfileError(fmt::format("{}:{}: expected the header \"attribute,category,percent\"", p.file, line_no));
      }
      header_seen = true;
      continue;
    }
    const auto c1 = line.find(',');
    const auto c2 = c1 == std::string::npos ? c1 : line.find(',', c1 + 1);
    if (c2 == std::string::npos) {
      throw ProfileError(fmt::format("{}:{}: expected three comma-separated fields", p.file, line_no));
    }
    ProfileCategory c;
    const std::string attribute = line.substr(0, c1);
    c.label = line.substr(c1 + 1, c2 - c1 - 1);
    const std::string pct = line.substr(c2 + 1);
    double v = 0;
    const auto r = std::from_chars(pct.data(), pct.data() + pct.size(), v);
    if (r.ec != std::errc{} || r.ptr != pct.data() + pct.size() || v < 0 || v > 100) {
      throw ProfileError(fmt::format("{}:{}: percent \"{}\" is not a number in [0, 100]", p.file, line_no, pct));
    }
    c.share = v / 100.0;
    if (kBanded.count(attribute) != 0 && !parse_band(c.label, c.lo, c.hi)) {
      throw ProfileError(fmt::format("{}:{}: category \"{}\" of {} is not a band (accepted: le24, 25to39, 65plus)",
                                     p.file, line_no, c.label, attribute));
    }
    p.attributes[attribute].push_back(c);
  }
  for (const auto& [attribute, cats] : kRequired) {
    const auto it = p.attributes.find(attribute);
    if (it == p.attributes.end()) {
      throw ProfileError(fmt::format("{}: missing attribute \"{}\"", p.file, attribute));
    }
    for (const auto& need : cats) {
      bool found = false;
      for (const auto& c : it->second) found |= c.label == need;
      if (!found)
        throw ProfileError(fmt::format("{}: attribute \"{}\" lacks category \"{}\"", p.file, attribute, need));
    }
  }
  for (auto& [attribute, cats] : p.attributes) {
    if (attribute == "release") continue;  // "to_supervision" and its complement may be partial
    double sum = 0;
    for (const auto& c : cats) sum += c.share;
    if (std::abs(sum - 1.0) > 0.005) {
      throw ProfileError(
          fmt::format("{}: the percents of \"{}\" sum to {:.1f}, not 100", p.file, attribute, sum * 100));
    }
    for (auto& c : cats) c.share /= sum;  // remove rounding
  }
  return p;
}

}  // namespace pw
