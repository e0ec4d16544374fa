// Shared helpers for the Pathways test suite: small parameter sets, the
// population profile, temporary files and statistical checks.
#pragma once

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "models/justice/week_counts.hpp"
#include "models/model_params.hpp"
#include "models/population/profile.hpp"
#include "sim/engine/params/param_table.hpp"
#include "sim/engine/params/scenario_loader.hpp"

#ifndef PATHWAYS_SOURCE_DIR
#error "PATHWAYS_SOURCE_DIR must be defined by tests/CMakeLists.txt"
#endif

namespace pwt {

// Under ASan+UBSan the heaviest tests use smaller cohorts (see tests/CMakeLists.txt).
#ifdef PATHWAYS_TESTS_SANITIZE
inline constexpr bool kSanitize = true;
#else
inline constexpr bool kSanitize = false;
#endif
// `release` in the optimised build, `sanitize` under the sanitizers.
constexpr int sized(int release, int sanitize) { return kSanitize ? sanitize : release; }

inline const std::filesystem::path kSourceDir = PATHWAYS_SOURCE_DIR;
inline const std::string kProfilePath = PATHWAYS_SOURCE_DIR "/data/populations/us-state-2008.csv";

// Defaults, with the profile path set absolutely and a small cohort.
inline pw::ModelParams small_params(int people = 5000, int weeks = 52, int seed = 20240611) {
  auto p = pw::with_defaults<pw::ModelParams>();
  p.population.profile_file = kProfilePath;
  p.report.targets_file.clear();
  p.run.people = people;
  p.run.weeks = weeks;
  p.run.seed = seed;
  p.run.replicates = 1;
  return p;
}

// places_per_1000 that gives `places` concurrent places in a cohort of `people`.
inline double per_1000(double places, int people) { return places * 1000.0 / people; }

// Applies "path=value" overrides exactly as `--set` does (throws pw::ScenarioError).
inline void set(pw::ModelParams& p, const std::vector<std::string>& sets) {
  pw::ParamTable table(p);
  pw::ScenarioMeta meta;
  pw::apply_overrides(sets, table, meta);
}

inline const pw::PopulationProfile& profile() {
  static const pw::PopulationProfile p = pw::read_profile(kProfilePath);
  return p;
}

// Sum of one WeekCounts field over weeks.
inline std::int64_t total(const std::vector<pw::WeekCounts>& weekly, std::int64_t pw::WeekCounts::*field) {
  std::int64_t s = 0;
  for (const auto& w : weekly) s += w.*field;
  return s;
}

// A fresh directory under the system temp directory, removed with its contents on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "t") {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() / ("pathways-test-" + tag + "-" + std::to_string(::getpid()) + "-" +
                                                      std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  // Writes `text` to a file in this directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// |observed - expected| <= k standard errors.
inline void check_within_se(const std::string& what, double observed, double expected, double se, double k = 4.0) {
  INFO(what << ": observed " << observed << ", expected " << expected << ", SE " << se << ", z "
            << (se > 0 ? (observed - expected) / se : 0.0));
  REQUIRE(se > 0);
  CHECK(std::abs(observed - expected) <= k * se);
}

// A binomial proportion successes / trials is p within k standard errors.
inline void check_proportion(const std::string& what, std::int64_t successes, std::int64_t trials, double p,
                             double k = 4.0) {
  REQUIRE(trials > 0);
  const double n = static_cast<double>(trials);
  check_within_se(what, static_cast<double>(successes) / n, p, std::sqrt(p * (1.0 - p) / n), k);
}

}  // namespace pwt
