// models/population: the profile reader, the fitted history table and the synthesised cohort.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/population/synthesis.hpp"
#include "sim/engine/core/distributions.hpp"
#include "sim/engine/core/parallel.hpp"
#include "sim/engine/core/rng.hpp"
#include "tests/test_support.hpp"

using Catch::Matchers::Contains;

namespace {

// Does `v` fall in the profile band `c` (integer bounds, inclusive; continuous ages use [lo, hi + 1))?
bool in_age_band(double v, const pw::ProfileCategory& c) {
  return (c.lo < 0 || v >= c.lo) && (c.hi < 0 || v < c.hi + 1.0);
}
bool in_count_band(int v, const pw::ProfileCategory& c) { return (c.lo < 0 || v >= c.lo) && (c.hi < 0 || v <= c.hi); }

pw::Population synthesise(std::size_t n, std::uint64_t seed = 4242, std::uint32_t replicate = 0, int threads = 2) {
  const auto params = pwt::small_params().population;
  const pw::Rng rng(seed, replicate);
  pw::Parallel par(threads);
  return pw::synthesise_population(n, pwt::profile(), params, rng, par);
}

}  // namespace

TEST_CASE("profile: the BJS 2008 profile reads with shares summing to one", "[population][profile]") {
  const auto& p = pwt::profile();
  CHECK(p.file == pwt::kProfilePath);
  for (const char* attribute : {"sex", "age_at_release", "prior_arrests", "age_first_arrest", "admission"}) {
    INFO(attribute);
    double sum = 0;
    for (const auto& c : p.at(attribute)) sum += c.share;
    CHECK(sum == Approx(1.0).epsilon(1e-12));
  }
  CHECK(p.share("sex", "female") == Approx(0.11));
  CHECK(p.share("release", "to_supervision") == Approx(0.775));
  CHECK(p.share("sex", "no_such_category") == 0.0);
  // Band labels are parsed into bounds.
  const auto& ages = p.at("age_at_release");
  REQUIRE(ages.size() == 5);
  CHECK((ages[0].lo == -1 && ages[0].hi == 24));
  CHECK((ages[1].lo == 25 && ages[1].hi == 39));
  CHECK((ages[4].lo == 65 && ages[4].hi == -1));
  CHECK_THROWS_AS(p.at("no_such_attribute"), pw::ProfileError);
}

TEST_CASE("profile: malformed profiles are rejected naming the file", "[population][profile][errors]") {
  pwt::TempDir dir("profile");
  std::string good = pwt::read_text(pwt::kProfilePath);
  auto expect_error = [&](const std::string& text, const std::string& fragment) {
    const auto file = dir.write("bad.csv", text);
    try {
      (void)pw::read_profile(file);
      FAIL("expected a ProfileError for: " << fragment);
    } catch (const pw::ProfileError& e) {
      INFO(e.what());
      CHECK_THAT(e.what(), Contains(file.string()));
      CHECK_THAT(e.what(), Contains(fragment));
    }
  };
  auto replace = [&](std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };

  REQUIRE_NOTHROW(pw::read_profile(dir.write("good.csv", good)));
  SECTION("percents that do not sum to 100") {
    expect_error(replace(good, "sex,female,11", "sex,female,21"), "\"sex\" sum to 110.0, not 100");
  }
  SECTION("a percent that is not a number") {
    expect_error(replace(good, "sex,female,11", "sex,female,eleven"), "not a number");
  }
  SECTION("a negative percent") {
    expect_error(replace(good, "sex,female,11", "sex,female,-11"), "not a number in [0, 100]");
  }
  SECTION("a band label that is not a band") {
    expect_error(replace(good, "age_at_release,le24", "age_at_release,young"), "is not a band");
  }
  SECTION("a missing attribute") {
    std::string text;
    std::stringstream ss(good);
    std::string line;
    while (std::getline(ss, line)) {
      if (!line.starts_with("admission,")) text += line + "\n";
    }
    expect_error(text, "missing attribute \"admission\"");
  }
  SECTION("a missing required category") {
    expect_error(replace(good, "release,to_supervision", "release,paroled"), "lacks category \"to_supervision\"");
  }
  SECTION("a wrong header") {
    expect_error(replace(good, "attribute,category,percent", "a,b,c"), "expected the header");
  }
  SECTION("a short row") { expect_error(good + "sex,male\n", "three comma-separated fields"); }
  SECTION("a missing file") {
    try {
      (void)pw::read_profile(dir / "nope.csv");
      FAIL("expected a ProfileError");
    } catch (const pw::ProfileError& e) {
      CHECK_THAT(e.what(), Contains("nope.csv") && Contains("missing file"));
    }
  }
}

TEST_CASE("synthesis: the fitted history table matches the three published marginals", "[population]") {
  const auto params = pwt::small_params().population;
  const auto t = pw::fit_history_table(pwt::profile(), params);
  const std::size_t na = t.age_bands.size(), no = t.onset_bands.size(), np = t.prior_bands.size();
  REQUIRE(t.cells.size() == na * no * np);
  CHECK(std::accumulate(t.cells.begin(), t.cells.end(), 0.0) == Approx(1.0).epsilon(1e-9));
  CHECK(t.cumulative.back() == Approx(1.0).epsilon(1e-9));
  std::vector<double> age(na, 0), onset(no, 0), prior(np, 0);
  for (std::size_t a = 0; a < na; ++a) {
    for (std::size_t o = 0; o < no; ++o) {
      for (std::size_t p = 0; p < np; ++p) {
        const double c = t.cells[t.index(a, o, p)];
        CHECK(c >= 0.0);
        age[a] += c;
        onset[o] += c;
        prior[p] += c;
        // A first arrest cannot follow release: cells whose first-arrest band
        // starts after the release-age band ends are empty.
        const double age_hi = t.age_bands[a].hi < 0 ? params.max_age_at_release : t.age_bands[a].hi + 1.0;
        if (t.onset_bands[o].lo >= 0 && t.onset_bands[o].lo >= age_hi - 0.5) {
          INFO("age band " << t.age_bands[a].label << ", first-arrest band " << t.onset_bands[o].label);
          CHECK(c == 0.0);
        }
      }
    }
  }
  for (std::size_t a = 0; a < na; ++a) CHECK(age[a] == Approx(t.age_bands[a].share).margin(1e-6));
  for (std::size_t o = 0; o < no; ++o) CHECK(onset[o] == Approx(t.onset_bands[o].share).margin(1e-6));
  for (std::size_t p = 0; p < np; ++p) CHECK(prior[p] == Approx(t.prior_bands[p].share).margin(1e-6));
}

TEST_CASE("synthesis: cohort marginals match the profile within sampling error", "[population][stats]") {
  const std::size_t n = static_cast<std::size_t>(pwt::sized(200000, 60000));
  const auto pop = synthesise(n);
  REQUIRE(pop.size() == n);
  const auto& prof = pwt::profile();
  const auto params = pwt::small_params().population;

  auto share_check = [&](const std::string& what, auto&& member, double p) {
    std::int64_t k = 0;
    for (std::size_t i = 0; i < n; ++i) k += member(i) ? 1 : 0;
    pwt::check_proportion(what, k, static_cast<std::int64_t>(n), p);
  };

  share_check(
      "female", [&](std::size_t i) { return pop.sex[i] == 1; }, prof.share("sex", "female"));
  share_check(
      "released to supervision", [&](std::size_t i) { return pop.released_to_supervision[i] == 1; },
      prof.share("release", "to_supervision"));
  share_check(
      "admitted on a new court commitment", [&](std::size_t i) { return pop.admission[i] == 0; },
      prof.share("admission", "new_court_commitment"));
  share_check(
      "admitted as a supervision violator", [&](std::size_t i) { return pop.admission[i] == 1; },
      prof.share("admission", "supervision_violator"));
  share_check(
      "admitted otherwise", [&](std::size_t i) { return pop.admission[i] == 2; }, prof.share("admission", "other"));
  for (const auto& c : prof.at("age_at_release")) {
    share_check(
        "age at release " + c.label, [&](std::size_t i) { return in_age_band(pop.age_at_release[i], c); }, c.share);
  }
  for (const auto& c : prof.at("age_first_arrest")) {
    share_check(
        "age at first arrest " + c.label, [&](std::size_t i) { return in_age_band(pop.age_first_arrest[i], c); },
        c.share);
  }
  for (const auto& c : prof.at("prior_arrests")) {
    share_check(
        "prior arrests " + c.label, [&](std::size_t i) { return in_count_band(pop.prior_arrests[i], c); }, c.share);
  }
  // Attributes declared as parameters rather than read from the profile.
  share_check(
      "group 1", [&](std::size_t i) { return pop.group[i] == 1; }, params.second_group_share);
  share_check(
      "no diploma", [&](std::size_t i) { return pop.education[i] == 0; }, params.education_none_share);
  share_check(
      "post-secondary", [&](std::size_t i) { return pop.education[i] == 2; }, params.education_post_secondary_share);
  share_check(
      "violent commitment offence", [&](std::size_t i) { return pop.commitment_offence[i] == 0; },
      params.offence_violent_share);
  share_check(
      "property commitment offence", [&](std::size_t i) { return pop.commitment_offence[i] == 1; },
      params.offence_property_share);
  share_check(
      "drug commitment offence", [&](std::size_t i) { return pop.commitment_offence[i] == 2; },
      params.offence_drug_share);
}

TEST_CASE("synthesis: every person's history is coherent", "[population]") {
  const std::size_t n = 50000;
  const auto pop = synthesise(n, 99);
  const auto params = pwt::small_params().population;
  std::int64_t open_band = 0;
  double open_band_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    INFO("person " << i << ": age " << pop.age_at_release[i] << ", first arrest " << pop.age_first_arrest[i]
                   << ", priors " << pop.prior_arrests[i]);
    REQUIRE(pop.age_first_arrest[i] <= pop.age_at_release[i]);
    REQUIRE(pop.age_at_release[i] >= params.min_age_at_release);
    REQUIRE(pop.age_at_release[i] <= params.max_age_at_release);
    REQUIRE(pop.age_first_arrest[i] >= params.min_age_first_arrest);
    REQUIRE(pop.prior_arrests[i] >= 1);
    REQUIRE(pop.months_served[i] >= 0.25f);
    REQUIRE(pop.months_served[i] <= 12.0f * (pop.age_at_release[i] - pop.age_first_arrest[i]) + 1e-3f);
    REQUIRE(pop.sex[i] <= 1);
    REQUIRE(pop.education[i] <= 2);
    REQUIRE(pop.commitment_offence[i] < pw::kOffenceTypes);
    REQUIRE(pop.admission[i] <= 2);
    if (pop.prior_arrests[i] >= 10) {
      ++open_band;
      open_band_sum += pop.prior_arrests[i];
    }
  }
  // The open band's mean is the declared prior_arrests_open_band_mean (geometric tail).
  REQUIRE(open_band > 1000);
  const double q = 1.0 / (1.0 + params.prior_arrests_open_band_mean - 10);
  const double sd = std::sqrt((1 - q) / (q * q));
  pwt::check_within_se("mean prior arrests in the 10plus band", open_band_sum / open_band,
                       params.prior_arrests_open_band_mean, sd / std::sqrt(static_cast<double>(open_band)));
}

TEST_CASE("synthesis: a person depends on (seed, replicate, id), not on the cohort or thread count",
          "[population][determinism]") {
  const auto small = synthesise(3000, 7, 0, 1);
  const auto large = synthesise(9000, 7, 0, 3);
  for (std::size_t i = 0; i < small.size(); ++i) {
    INFO("person " << i);
    REQUIRE(small.sex[i] == large.sex[i]);
    REQUIRE(small.age_at_release[i] == large.age_at_release[i]);
    REQUIRE(small.age_first_arrest[i] == large.age_first_arrest[i]);
    REQUIRE(small.prior_arrests[i] == large.prior_arrests[i]);
    REQUIRE(small.months_served[i] == large.months_served[i]);
    REQUIRE(small.commitment_offence[i] == large.commitment_offence[i]);
    REQUIRE(small.released_to_supervision[i] == large.released_to_supervision[i]);
  }
  const auto other = synthesise(3000, 7, 1, 1);
  std::size_t same_age = 0;
  for (std::size_t i = 0; i < small.size(); ++i) same_age += small.age_at_release[i] == other.age_at_release[i];
  CHECK(same_age < 30);
}

TEST_CASE("synthesis: supervision violators carry more unobserved risk, by the configured copula correlation",
          "[population][stats]") {
  // Admission is drawn through a Gaussian copula with the frailty quantile u (unobserved_risk_quantile):
  // z = rho Phi^-1(u) + sqrt(1 - rho^2) Phi^-1(v). The shares stay the profile's for any rho, and the
  // correlation between Phi^-1(u) and being a violator is the point-biserial one of a thresholded normal:
  // rho phi(c) / sqrt(s (1 - s)), with s the violator share and c = Phi^-1(1 - s).
  const std::size_t n = 200000;
  const double s = pwt::profile().share("admission", "supervision_violator");
  for (const double rho : {0.0, 0.6}) {
    INFO("rho " << rho);
    auto params = pwt::small_params().population;
    params.admission_risk_correlation = rho;
    const pw::Rng rng(77, 0);
    pw::Parallel par(2);
    const auto pop = pw::synthesise_population(n, pwt::profile(), params, rng, par);
    double violators = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = pw::normal_quantile(pw::unobserved_risk_quantile(rng, static_cast<std::uint32_t>(i)));
      const double y = pop.admission[i] == static_cast<std::uint8_t>(pw::Admission::SupervisionViolator) ? 1.0 : 0.0;
      violators += y;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    const double share = violators / n;
    CHECK(std::abs(share - s) < 4.0 * std::sqrt(s * (1 - s) / n));
    const double cov = sxy / n - (sx / n) * (sy / n);
    const double corr = cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) * share * (1 - share));
    const double c = pw::normal_quantile(1.0 - s);
    const double expected = rho * std::exp(-0.5 * c * c) / std::sqrt(2.0 * M_PI) / std::sqrt(s * (1 - s));
    // The sample correlation's standard error is about (1 - r^2) / sqrt(n).
    CHECK(std::abs(corr - expected) < 4.0 / std::sqrt(static_cast<double>(n)));
  }
}
