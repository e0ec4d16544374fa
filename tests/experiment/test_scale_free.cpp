// Scale-free scenarios (issue 15): places are given per 1,000 released, so a
// policy scenario is the same policy at any --people. The paired per-person
// effect of rnr-treatment on arrest within a year (common random numbers:
// the same persons with and without the policy) agrees at 20,000 and at
// 100,000 people within sampling error, and so does the share served.
#include <cmath>

#include "models/simulation.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "tests/sim_support.hpp"

namespace {
struct Effect {
  double mean = 0, se = 0;  // arrested with the policy minus without, per person
  double served_share = 0;  // pre-release CBT participants per person
};

Effect paired_effect(int people, int weeks) {
  const std::vector<std::string> sets = {"simulation.people=" + std::to_string(people),
                                         "simulation.horizon=\"" + std::to_string(weeks) + "w\""};
  const auto base = pw::load_scenario(pwt::kSourceDir / "scenarios" / "baseline.toml", sets);
  const auto policy = pw::load_scenario(pwt::kSourceDir / "scenarios" / "rnr-treatment.toml", sets);
  const auto profile = pw::read_profile(base.params.population.profile_file);
  pw::Parallel par(0);
  pw::Simulation a(base.params, profile, 0, par), b(policy.params, profile, 0, par);
  a.run_to_end();
  b.run_to_end();
  const auto& fa = a.justice().first_arrest_week;
  const auto& fb = b.justice().first_arrest_week;
  double sum = 0, sum2 = 0;
  for (std::size_t i = 0; i < fa.size(); ++i) {
    const double d = (fb[i] != pw::kNever ? 1.0 : 0.0) - (fa[i] != pw::kNever ? 1.0 : 0.0);
    sum += d;
    sum2 += d * d;
  }
  const double n = static_cast<double>(fa.size());
  const double mean = sum / n;
  Effect e;
  e.mean = mean;
  e.se = std::sqrt((sum2 / n - mean * mean) / (n - 1));
  e.served_share = static_cast<double>(b.programmes().pre_release()[0].enrolled) / n;
  return e;
}
}  // namespace

TEST_CASE("scale-free scenarios: rnr-treatment's paired effect on one-year arrest agrees at 20,000 and 100,000 people",
          "[scenarios][stats][programmes]") {
  const int weeks = 52;
  const auto small = paired_effect(20000, weeks);
  const auto large = paired_effect(pwt::sized(100000, 40000), weeks);
  INFO("effect at 20,000: " << small.mean << " (SE " << small.se << "); at 100,000: " << large.mean << " (SE "
                            << large.se << "); served " << small.served_share << " vs " << large.served_share);
  // The policy does something measurable at both sizes, so the comparison is not empty.
  REQUIRE(small.mean < -3 * small.se);
  REQUIRE(large.mean < -3 * large.se);
  // The same share of the cohort is served (whole places: within 0.1 point)...
  CHECK(std::abs(small.served_share - large.served_share) < 0.001);
  // ...and the per-person effects agree within 3 standard errors of their difference.
  CHECK(std::abs(small.mean - large.mean) < 3 * std::hypot(small.se, large.se));
}
