// sim/engine/core/rng.hpp: draws are a pure function of (seed, replicate, person, week, purpose, index).
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/engine/core/rng.hpp"
#include "tests/test_support.hpp"

using pw::Purpose;
using pw::Rng;

namespace {
constexpr std::uint64_t kSeed = 987654321ULL;
}

TEST_CASE("rng: the same key gives the same words, from independent generators", "[rng]") {
  const Rng a(kSeed, 3), b(kSeed, 3);
  for (std::uint32_t person : {0u, 1u, 77u, 4000000000u}) {
    for (std::uint32_t week : {0u, 5u, pw::kSetupWeek}) {
      const auto wa = a.words(person, week, Purpose::Offending, 2);
      const auto wb = b.words(person, week, Purpose::Offending, 2);
      CHECK(wa == wb);
      // Repeated calls on one generator do not advance any hidden state.
      CHECK(a.words(person, week, Purpose::Offending, 2) == wa);
      CHECK(a.uniform(person, week, Purpose::Offending, 2) == Rng::to_open_unit(wa[0]));
    }
  }
  // Interleaving other draws does not change a key's result.
  const auto before = a.uniform4(10, 20, Purpose::Sentence, 1);
  for (std::uint32_t i = 0; i < 100; ++i) (void)a.words(i, i, Purpose::CaseOutcome, 0);
  CHECK(a.uniform4(10, 20, Purpose::Sentence, 1) == before);
}

TEST_CASE("rng: changing any single key component changes the output", "[rng]") {
  const std::uint32_t person = 12345, week = 17;
  const Purpose purpose = Purpose::OffenceDetail;
  const std::uint16_t index = 4;
  const auto base = Rng(kSeed, 1).words(person, week, purpose, index);

  // Every lane differs, not just one: a collision in a lane has probability 2^-32.
  auto all_lanes_differ = [&](const std::array<std::uint32_t, 4>& w) {
    for (int k = 0; k < 4; ++k) {
      if (w[k] == base[k]) return false;
    }
    return true;
  };
  SECTION("seed, low 32 bits") { CHECK(all_lanes_differ(Rng(kSeed + 1, 1).words(person, week, purpose, index))); }
  SECTION("seed, high 32 bits") {
    CHECK(all_lanes_differ(Rng(kSeed + (1ULL << 32), 1).words(person, week, purpose, index)));
  }
  SECTION("replicate") { CHECK(all_lanes_differ(Rng(kSeed, 2).words(person, week, purpose, index))); }
  SECTION("person") { CHECK(all_lanes_differ(Rng(kSeed, 1).words(person + 1, week, purpose, index))); }
  SECTION("week") { CHECK(all_lanes_differ(Rng(kSeed, 1).words(person, week + 1, purpose, index))); }
  SECTION("set-up week") { CHECK(all_lanes_differ(Rng(kSeed, 1).words(person, pw::kSetupWeek, purpose, index))); }
  SECTION("purpose") { CHECK(all_lanes_differ(Rng(kSeed, 1).words(person, week, Purpose::CaseOutcome, index))); }
  SECTION("index") { CHECK(all_lanes_differ(Rng(kSeed, 1).words(person, week, purpose, index + 1))); }
  SECTION("purpose and index do not alias") {
    // (purpose, index) is packed into one counter word; neighbouring purposes
    // with the largest index must not collide with the next purpose's index 0.
    const Rng r(kSeed, 1);
    CHECK(r.words(person, week, Purpose::Offending, std::numeric_limits<std::uint16_t>::max()) !=
          r.words(person, week, Purpose::OffenceDetail, 0));
    CHECK(r.words(person, week, Purpose::Offending, 1) != r.words(person, week, Purpose::OffenceDetail, 0));
  }
  SECTION("person and week are not interchangeable") {
    const Rng r(kSeed, 1);
    CHECK(r.words(5, 9, purpose, 0) != r.words(9, 5, purpose, 0));
  }
}

TEST_CASE("rng: uniforms lie in the open interval (0, 1)", "[rng]") {
  CHECK(Rng::to_open_unit(0u) > 0.0);
  CHECK(Rng::to_open_unit(0xFFFFFFFFu) < 1.0);
  CHECK(Rng::to_open_unit53(0u, 0u) > 0.0);
  // 53-bit resolution: the low word matters.
  CHECK(Rng::to_open_unit53(0x12345678u, 0u) != Rng::to_open_unit53(0x12345678u, 0xFFFFF800u));

  const Rng r(kSeed, 0);
  for (std::uint32_t i = 0; i < 20000; ++i) {
    for (double u : r.uniform4(i, 3, Purpose::Needs)) {
      REQUIRE(u > 0.0);
      REQUIRE(u < 1.0);
    }
    for (double u : r.uniform2_fine(i, pw::kSetupWeek, Purpose::Frailty)) {
      REQUIRE(u > 0.0);
      REQUIRE(u < 1.0);
    }
  }
}

TEST_CASE("rng: 53-bit uniforms stay below 1 for the largest words", "[rng]") {
  // (2^53 - 1 + 0.5) * 2^-53 is not representable and rounds to exactly 1.0;
  // u = 1 sends the inverse-CDF samplers (erf_inv, gamma_p_inv) to infinity.
  CHECK(Rng::to_open_unit53(0xFFFFFFFFu, 0xFFFFFFFFu) < 1.0);
  CHECK(Rng::to_open_unit53(0xFFFFFFFFu, 0xFFFFF800u) < 1.0);
}

TEST_CASE("rng: uniforms over 1e5 keys look uniform", "[rng][stats]") {
  const Rng r(kSeed, 7);
  constexpr std::uint32_t n = 100000;
  constexpr int bins = 100;
  for (int lane = 0; lane < 4; ++lane) {
    std::vector<std::int64_t> count(bins, 0);
    double sum = 0, sum2 = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      const double u = r.uniform4(i, 42, Purpose::Offending)[static_cast<std::size_t>(lane)];
      ++count[static_cast<std::size_t>(std::min(bins - 1, static_cast<int>(u * bins)))];
      sum += u;
      sum2 += u * u;
    }
    INFO("lane " << lane);
    const double mean = sum / n, var = sum2 / n - mean * mean;
    pwt::check_within_se("mean", mean, 0.5, std::sqrt(1.0 / 12.0 / n));
    // Var of the sample variance of U(0,1): (mu4 - sigma^4) / n = (1/80 - 1/144) / n.
    pwt::check_within_se("variance", var, 1.0 / 12.0, std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
    double chi2 = 0;
    const double expected = static_cast<double>(n) / bins;
    for (auto c : count) chi2 += (c - expected) * (c - expected) / expected;
    // Chi-square with 99 degrees of freedom: mean 99, SD sqrt(198) = 14.1.
    INFO("chi-square " << chi2);
    CHECK(chi2 > 99 - 5 * std::sqrt(198.0));
    CHECK(chi2 < 99 + 5 * std::sqrt(198.0));
  }
}

TEST_CASE("rng: lanes, neighbouring persons and the fine uniforms are uncorrelated", "[rng][stats]") {
  const Rng r(kSeed, 0);
  constexpr std::uint32_t n = 100000;
  double s01 = 0, s_next = 0, fine_sum = 0;
  double prev = r.uniform(0, 8, Purpose::TechnicalViolation);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto u = r.uniform4(i, 9, Purpose::TechnicalViolation);
    s01 += (u[0] - 0.5) * (u[1] - 0.5);
    const double next = r.uniform(i + 1, 8, Purpose::TechnicalViolation);
    s_next += (prev - 0.5) * (next - 0.5);
    prev = next;
    const auto f = r.uniform2_fine(i, pw::kSetupWeek, Purpose::Frailty);
    fine_sum += f[0] + f[1];
  }
  // Correlation estimates: SE 1/sqrt(n) (products of centred uniforms have SD 1/12).
  const double se = 1.0 / std::sqrt(static_cast<double>(n));
  pwt::check_within_se("corr(lane 0, lane 1)", s01 / n * 12.0, 0.0, se);
  pwt::check_within_se("corr(person i, person i+1)", s_next / n * 12.0, 0.0, se);
  pwt::check_within_se("mean of 53-bit uniforms", fine_sum / (2.0 * n), 0.5, std::sqrt(1.0 / 12.0 / (2.0 * n)));
}
