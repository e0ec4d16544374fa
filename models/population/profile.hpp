// A population profile: the published composition of a release cohort, read
// from a CSV file of (attribute, category, percent) rows, e.g.
// data/populations/us-state-2008.csv (BJS NCJ 256094, Tables 1 and 3).
//
// Numeric categories are bands written "le24" (up to 24), "25to39" or "65plus";
// the synthesiser reads their bounds from the label, so a profile for another
// country only has to state its own bands.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace pw {

struct ProfileCategory {
  std::string label;
  double share = 0;  // fraction in [0, 1]; the shares of one attribute sum to 1
  // Inclusive integer bounds parsed from the label; lo = -1 / hi = -1 when open.
  int lo = -1;
  int hi = -1;
};

struct PopulationProfile {
  std::string file;
  std::map<std::string, std::vector<ProfileCategory>> attributes;

  [[nodiscard]] const std::vector<ProfileCategory>& at(const std::string& attribute) const;
  // Share of a named category (0 if absent).
  [[nodiscard]] double share(const std::string& attribute, const std::string& category) const;
};

class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and checks a profile: required attributes present, shares non-negative
// and summing to 100 within 0.5, band labels parseable. Throws ProfileError
// naming the file and line.
PopulationProfile read_profile(const std::filesystem::path& file);

}  // namespace pw
