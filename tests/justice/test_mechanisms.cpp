// models/justice: each mechanism reproduces its configured rate within a few
// standard errors (fixed seeds). Expected values follow from the mechanism as
// documented in justice_model.hpp and the parameter descriptions.
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

#include <boost/math/special_functions/gamma.hpp>

#include "models/reporting/outcome_tables.hpp"
#include "tests/sim_support.hpp"

using pw::Custody;
using pw::SupervisionLevel;
using pw::WeekCounts;
using pwt::Run;

namespace {

constexpr double kWeeksPerYear = 52.0;

// E[min(K, 20)] for K ~ Poisson(h): the model truncates a week's offences at 20.
double truncated_poisson_mean(double h) {
  if (h < 1.0) return h;  // the truncation is below 1e-18 here
  double p = std::exp(-h), cdf = p, mean = 0;
  for (int k = 1; k < 20; ++k) {
    p *= h / k;
    cdf += p;
    mean += k * p;
  }
  return mean + 20.0 * (1.0 - cdf);  // cdf = P(K <= 19)
}

}  // namespace

TEST_CASE("offending: with no covariates and no frailty, weekly offences are Poisson(base_rate)", "[justice][stats]") {
  auto p = pwt::small_params(20000, 52, 101);
  pwt::no_covariates(p);
  pwt::set_detection(p, 0.0);  // no arrests: everyone stays in the community
  p.justice.supervision.revocation_probability = 0.0;
  p.justice.offending.base_rate = 0.05;
  p.justice.offending.specialisation = 0.0;
  Run r(p);
  const auto& js = r.sim.justice();
  for (std::size_t i = 0; i < js.size(); ++i) REQUIRE(js.propensity[i] == static_cast<float>(0.05));
  r.run();

  const auto n = static_cast<std::int64_t>(p.run.people);
  std::int64_t person_weeks = 0;
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.in_community == n);
    REQUIRE(w.arrests == 0);
    person_weeks += w.in_community;
  }
  const auto offences = r.total(&WeekCounts::offences);
  const double expected = static_cast<double>(person_weeks) * static_cast<double>(static_cast<float>(0.05));
  pwt::check_within_se("offences per community person-week", static_cast<double>(offences) / person_weeks,
                       expected / person_weeks, std::sqrt(expected) / person_weeks);
  CHECK(r.total(&WeekCounts::offences_undetected) == offences);

  // Per person, the follow-up total is Poisson: variance equals mean.
  const double lambda = expected / static_cast<double>(n);
  double s = 0, s2 = 0;
  for (auto k : js.offences) {
    s += k;
    s2 += static_cast<double>(k) * k;
  }
  const double mean = s / n, var = s2 / n - mean * mean;
  pwt::check_within_se("variance of offences per person", var, lambda,
                       std::sqrt((lambda + 2 * lambda * lambda) / static_cast<double>(n)));

  // With no specialisation, offence types follow the declared mix.
  const auto& o = p.justice.offending;
  CHECK(r.total(&WeekCounts::offences_violent) + r.total(&WeekCounts::offences_property) +
            r.total(&WeekCounts::offences_drug) + r.total(&WeekCounts::offences_public_order) ==
        offences);
  pwt::check_proportion("violent share", r.total(&WeekCounts::offences_violent), offences, o.mix_violent);
  pwt::check_proportion("property share", r.total(&WeekCounts::offences_property), offences, o.mix_property);
  pwt::check_proportion("drug share", r.total(&WeekCounts::offences_drug), offences, o.mix_drug);
  pwt::check_proportion("public-order share", r.total(&WeekCounts::offences_public_order), offences,
                        1.0 - o.mix_violent - o.mix_property - o.mix_drug);
}

namespace {
// The offence-specific propensity term: 0 for violent offenders (the reference).
double offender_effect(const pw::OffendingParams& o, std::uint8_t offence) {
  const double effects[pw::kOffenceTypes] = {0.0, o.property_offender_effect, o.drug_offender_effect,
                                             o.public_order_offender_effect};
  return effects[offence];
}
}  // namespace

TEST_CASE("offending: the propensity is base_rate x frailty x exp(covariates) around the reference person",
          "[justice]") {
  // Reference person (parameter description of base_rate): a man aged 35 with 9
  // prior arrests, first arrested at 18, released from a violent term, with no
  // needs (employability 1), frailty 1.
  // The transform of prior arrests is the model's choice; the test requires only
  // that its term vanishes at 9 priors, depends on priors alone and grows with them.
  auto p = pwt::small_params(20000, 1, 202);
  Run r(p);
  const auto& o = p.justice.offending;
  REQUIRE(o.prior_arrests_effect > 0);
  const auto& pop = r.sim.population();
  const auto& nd = r.sim.needs();
  const auto& js = r.sim.justice();
  std::map<int, std::pair<double, double>> prior_factor;  // priors -> (min, max) of the residual factor
  std::int64_t reference = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const double x =
        o.female_effect * (pop.sex[i] == 1 ? 1.0 : 0.0) + o.onset_effect * (pop.age_first_arrest[i] - 18.0) +
        o.age_elasticity * std::log(pop.age_at_release[i] / 35.0) + o.substance_use_effect * nd.substance_use[i] +
        o.mental_health_effect * nd.mental_health[i] + o.antisocial_cognition_effect * nd.antisocial_cognition[i] +
        o.low_employability_effect * (1.0 - nd.employability[i]) + offender_effect(o, pop.commitment_offence[i]);
    const double without_priors = o.base_rate * js.frailty[i] * std::exp(x);
    const double factor = js.propensity[i] / without_priors;
    INFO("person " << i << ", " << pop.prior_arrests[i] << " prior arrests");
    if (pop.prior_arrests[i] == 9) {
      ++reference;
      REQUIRE(factor == Approx(1.0).epsilon(1e-5));
    }
    auto [it, fresh] = prior_factor.try_emplace(pop.prior_arrests[i], factor, factor);
    it->second.first = std::min(it->second.first, factor);
    it->second.second = std::max(it->second.second, factor);
  }
  REQUIRE(reference > 100);
  REQUIRE(prior_factor.size() > 20);
  double previous = 0;
  for (const auto& [priors, range] : prior_factor) {
    INFO(priors << " prior arrests: factor in [" << range.first << ", " << range.second << "]");
    CHECK(range.second == Approx(range.first).epsilon(1e-5));  // a function of priors alone
    CHECK(range.first > previous);                             // increasing in priors
    previous = range.second;
  }
}

TEST_CASE("offending: with the prior-arrest effect off, the propensity is exactly base x frailty x exp(b . x)",
          "[justice]") {
  auto p = pwt::small_params(20000, 1, 203);
  p.justice.offending.prior_arrests_effect = 0.0;
  Run r(p);
  const auto& o = p.justice.offending;
  const auto& pop = r.sim.population();
  const auto& nd = r.sim.needs();
  const auto& js = r.sim.justice();
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const double x =
        o.female_effect * (pop.sex[i] == 1 ? 1.0 : 0.0) + o.onset_effect * (pop.age_first_arrest[i] - 18.0) +
        o.age_elasticity * std::log(pop.age_at_release[i] / 35.0) + o.substance_use_effect * nd.substance_use[i] +
        o.mental_health_effect * nd.mental_health[i] + o.antisocial_cognition_effect * nd.antisocial_cognition[i] +
        o.low_employability_effect * (1.0 - nd.employability[i]) + offender_effect(o, pop.commitment_offence[i]);
    INFO("person " << i);
    REQUIRE(js.propensity[i] == Approx(o.base_rate * js.frailty[i] * std::exp(x)).epsilon(1e-5));
  }
}

TEST_CASE("offending: offences match the summed person hazards, with frailty, covariates, ageing and desistance",
          "[justice][stats]") {
  auto p = pwt::small_params(pwt::sized(20000, 10000), 156, 303);
  pwt::set_detection(p, 0.0);
  p.justice.supervision.revocation_probability = 0.0;
  p.justice.offending.base_rate = 0.02;
  p.justice.offending.age_elasticity = -4.0;         // strong ageing: at 30 the hazard falls by 34% over three years
  p.justice.offending.desistance_median_age = 50.0;  // many careers end before or during follow-up
  p.justice.offending.desistance_age_scale = 8.0;
  pwt::no_situation_effects(p);
  Run r(p);
  r.run();
  const auto& js = r.sim.justice();
  const auto& pop = r.sim.population();
  const int weeks = r.sim.horizon();
  const auto hazard = [&](std::size_t i, int t) {  // person i's offences per week at week t, by the formula
    if (t >= js.desist_week[i]) return 0.0;
    const double ageing = std::pow(1.0 + t / 52.0 / pop.age_at_release[i], p.justice.offending.age_elasticity);
    return truncated_poisson_mean(static_cast<double>(js.propensity[i]) * ageing);
  };

  // Subsets chosen by attributes that enter the hazard.
  std::vector<float> sorted(js.frailty);
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() * 9 / 10, sorted.end());
  const float top_decile = sorted[sorted.size() * 9 / 10];
  struct Subset {
    const char* name;
    std::function<bool(std::size_t)> in;
  };
  const std::vector<Subset> subsets = {
      {"all", [](std::size_t) { return true; }},
      {"women", [&](std::size_t i) { return pop.sex[i] == 1; }},
      {"top frailty decile", [&](std::size_t i) { return js.frailty[i] >= top_decile; }},
      {"frailty below 0.5", [&](std::size_t i) { return js.frailty[i] < 0.5f; }},
      {"10+ prior arrests", [&](std::size_t i) { return pop.prior_arrests[i] >= 10; }},
      {"released at 40+", [&](std::size_t i) { return pop.age_at_release[i] >= 40; }},
  };
  for (const auto& s : subsets) {
    double expected = 0, observed = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
      if (!s.in(i)) continue;
      observed += js.offences[i];
      for (int t = 0; t < weeks; ++t) expected += hazard(i, t);
    }
    REQUIRE(expected > 1000);
    pwt::check_within_se(s.name, observed, expected, std::sqrt(expected));
  }
  // Ageing: the last year has fewer offences than the first, by the age factor.
  std::int64_t first = 0, last = 0;
  for (int t = 0; t < 52; ++t) {
    first += r.sim.weekly()[static_cast<std::size_t>(t)].offences;
    last += r.sim.weekly()[static_cast<std::size_t>(weeks - 52 + t)].offences;
  }
  double ef = 0, el = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    for (int t = 0; t < 52; ++t) {
      ef += hazard(i, t);
      el += hazard(i, weeks - 52 + t);
    }
  }
  const double ratio = static_cast<double>(last) / first;
  pwt::check_within_se("last-year / first-year offences", ratio, el / ef, ratio * std::sqrt(1.0 / first + 1.0 / last));
}

TEST_CASE("desistance: the share whose career ended before release is the logistic CDF of age at release",
          "[justice][stats]") {
  auto p = pwt::small_params(pwt::sized(40000, 20000), 52, 305);
  p.justice.offending.desistance_median_age = 45.0;
  p.justice.offending.desistance_age_scale = 7.0;
  Run r(p);
  const auto& js = r.sim.justice();
  const auto& pop = r.sim.population();
  const double m = p.justice.offending.desistance_median_age, sc = p.justice.offending.desistance_age_scale;
  struct Band {
    const char* name;
    double lo, hi;
  };
  for (const Band& b : {Band{"under 30", 0, 30}, Band{"30-44", 30, 45}, Band{"45-54", 45, 55}, Band{"55+", 55, 200}}) {
    double expected = 0, var = 0, observed = 0, people = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
      const double a = pop.age_at_release[i];
      if (a < b.lo || a >= b.hi) continue;
      const double f = 1.0 / (1.0 + std::exp(-(a - m) / sc));  // P(age at desistance < age at release)
      expected += f;
      var += f * (1 - f);
      observed += js.desist_week[i] == 0 ? 1.0 : 0.0;
      ++people;
    }
    REQUIRE(people > 500);
    pwt::check_within_se(b.name, observed, expected, std::sqrt(var));
  }
  // With the median far beyond any age (the default of the test fixtures' "no desistance"), nobody desists.
  auto q = pwt::small_params(5000, 52, 305);
  q.justice.offending.desistance_median_age = 150.0;
  q.justice.offending.desistance_age_scale = 1.0;
  Run none(q);
  for (std::size_t i = 0; i < none.sim.population().size(); ++i) REQUIRE(none.sim.justice().desist_week[i] > 52 * 60);
}

TEST_CASE("detection: each offence type is detected with its own probability", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 404);
  auto& o = p.justice.offending;
  o.detect_violent = 0.6;
  o.detect_property = 0.1;
  o.detect_drug = 0.3;
  o.detect_public_order = 0.45;
  Run r(p);
  r.run();
  const std::pair<std::int64_t WeekCounts::*, double> types[] = {
      {&WeekCounts::offences_violent, o.detect_violent},
      {&WeekCounts::offences_property, o.detect_property},
      {&WeekCounts::offences_drug, o.detect_drug},
      {&WeekCounts::offences_public_order, o.detect_public_order}};
  double expected = 0, var = 0;
  for (const auto& [field, d] : types) {
    const double k = static_cast<double>(r.total(field));
    REQUIRE(k > 1000);
    expected += k * (1 - d);
    var += k * d * (1 - d);
  }
  pwt::check_within_se("undetected offences", static_cast<double>(r.total(&WeekCounts::offences_undetected)), expected,
                       std::sqrt(var));
}

TEST_CASE("detection: with one probability p, the undetected share is 1 - p", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 505);
  pwt::set_detection(p, 0.3);
  Run r(p);
  r.run();
  const auto offences = r.total(&WeekCounts::offences);
  REQUIRE(offences > 10000);
  pwt::check_proportion("undetected share", r.total(&WeekCounts::offences_undetected), offences, 0.7);
  // An arrest needs at least one detected offence that week.
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.arrests <= w.offences - w.offences_undetected);
    REQUIRE(w.convictions <= w.arrests);
  }
}

TEST_CASE("courts: convictions / arrests is the conviction probability", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 606);
  p.justice.courts.conviction_probability = 0.4;
  Run r(p);
  r.run();
  const auto arrests = r.total(&WeekCounts::arrests);
  REQUIRE(arrests > 5000);
  pwt::check_proportion("convictions per arrest", r.total(&WeekCounts::convictions), arrests, 0.4);
  // Per person as well.
  const auto& js = r.sim.justice();
  std::int64_t a = 0, c = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    REQUIRE(js.convictions[i] <= js.arrests[i]);
    a += js.arrests[i];
    c += js.convictions[i];
  }
  CHECK(a == arrests);
  CHECK(c == r.total(&WeekCounts::convictions));
}

TEST_CASE("supervision: technical violations per supervised week are 1 - exp(-rate)", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 707);
  p.justice.offending.base_rate = 1e-5;  // offending switched off (almost)
  pwt::no_situation_effects(p);
  auto& sv = p.justice.supervision;
  sv.substance_violation_effect = 0.0;
  sv.revocation_probability = 0.0;
  sv.violation_rate = 0.2;  // high, so that 1 - exp(-r) = 0.181 is far from r = 0.2

  SECTION("standard supervision") {
    sv.intensive_share_high = 0.0;
    sv.intensive_share_very_high = 0.0;
    Run r(p);
    r.run();
    std::int64_t supervised_weeks = 0;
    for (const auto& w : r.sim.weekly()) {
      REQUIRE(w.on_intensive_supervision == 0);
      REQUIRE(w.revocations_technical == 0);
      supervised_weeks += w.on_standard_supervision;
    }
    REQUIRE(supervised_weeks > 100000);
    pwt::check_proportion("violations per standard-supervised week", r.total(&WeekCounts::technical_violations),
                          supervised_weeks, -std::expm1(-0.2));
  }
  SECTION("intensive supervision multiplies the rate") {
    // Every score is very high risk, and every very-high-risk supervisee is intensive.
    p.justice.risk.moderate_from = 0;
    p.justice.risk.high_from = 0;
    p.justice.risk.very_high_from = 0;
    sv.intensive_share_very_high = 1.0;
    sv.violation_rate = 0.1;
    Run r(p);
    r.run();
    std::int64_t supervised_weeks = 0;
    for (const auto& w : r.sim.weekly()) {
      REQUIRE(w.on_standard_supervision == 0);
      supervised_weeks += w.on_intensive_supervision;
    }
    REQUIRE(supervised_weeks > 100000);
    pwt::check_proportion("violations per intensive-supervised week", r.total(&WeekCounts::technical_violations),
                          supervised_weeks, -std::expm1(-0.1 * sv.intensive_violation_factor));
  }
}

TEST_CASE("supervision: substance-use need multiplies the violation rate by exp(effect x need)", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 808);
  pwt::set_detection(p, 0.0);  // no arrests, so no one leaves the community
  pwt::no_situation_effects(p);
  auto& sv = p.justice.supervision;
  sv.revocation_probability = 0.0;
  sv.intensive_share_high = 0.0;
  sv.intensive_share_very_high = 0.0;
  sv.violation_rate = 0.02;
  sv.substance_violation_effect = 2.0;
  Run r(p);
  // Supervision set at release: supervised persons are at risk until their term ends.
  const std::vector<std::int16_t> until = r.sim.justice().supervision_until;
  const std::vector<std::uint8_t> level = r.sim.justice().supervision;
  r.run();
  const auto& js = r.sim.justice();
  const auto& su = r.sim.needs().substance_use;
  const int weeks = r.sim.horizon();
  double expected_hi = 0, var_hi = 0, expected_lo = 0, var_lo = 0;
  std::int64_t observed_hi = 0, observed_lo = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (level[i] == static_cast<std::uint8_t>(SupervisionLevel::None)) {
      REQUIRE(js.technical_violations[i] == 0);
      continue;
    }
    REQUIRE(level[i] == static_cast<std::uint8_t>(SupervisionLevel::Standard));
    const double at_risk = std::min(weeks, static_cast<int>(until[i]));
    const double q = -std::expm1(-sv.violation_rate * std::exp(sv.substance_violation_effect * su[i]));
    // Split by need to check the slope, not only the average.
    if (su[i] > 0.5f) {
      expected_hi += at_risk * q;
      var_hi += at_risk * q * (1 - q);
      observed_hi += js.technical_violations[i];
    } else {
      expected_lo += at_risk * q;
      var_lo += at_risk * q * (1 - q);
      observed_lo += js.technical_violations[i];
    }
  }
  pwt::check_within_se("violations, substance need > 0.5", static_cast<double>(observed_hi), expected_hi,
                       std::sqrt(var_hi));
  pwt::check_within_se("violations, substance need <= 0.5", static_cast<double>(observed_lo), expected_lo,
                       std::sqrt(var_lo));
}

TEST_CASE("supervision: revocations per technical violation is the revocation probability", "[justice][stats]") {
  auto p = pwt::small_params(20000, 104, 909);
  p.justice.supervision.violation_rate = 0.05;
  p.justice.supervision.revocation_probability = 0.3;
  Run r(p);
  r.run();
  const auto violations = r.total(&WeekCounts::technical_violations);
  REQUIRE(violations > 5000);
  pwt::check_proportion("revocations per violation", r.total(&WeekCounts::revocations_technical), violations, 0.3);
}

TEST_CASE("supervision: revocations per arrest of a supervisee is revocation_on_arrest", "[justice][stats]") {
  // A profile where everyone is released to supervision, with terms far longer
  // than the follow-up, so every arrest is of a supervised person.
  pwt::TempDir dir("supervised");
  std::string text = pwt::read_text(pwt::kProfilePath);
  text.replace(text.find("release,to_supervision,77.5"), 27, "release,to_supervision,100");
  text.replace(text.find("release,unconditional,22.5"), 26, "release,unconditional,0");
  const auto prof = pw::read_profile(dir.write("all-supervised.csv", text));
  REQUIRE(prof.share("release", "to_supervision") == 1.0);

  auto p = pwt::small_params(20000, 52, 1010);
  p.population.profile_file = prof.file;
  p.justice.supervision.term_median = 780;
  p.justice.supervision.revocation_on_arrest = 0.4;
  Run r(p, 0, 2, prof);
  for (auto s : r.sim.justice().supervision) REQUIRE(s != static_cast<std::uint8_t>(SupervisionLevel::None));
  r.run();
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.on_standard_supervision + w.on_intensive_supervision == w.in_community);
  }
  const auto arrests = r.total(&WeekCounts::arrests);
  REQUIRE(arrests > 5000);
  pwt::check_proportion("revocations per arrest", r.total(&WeekCounts::revocations_arrest), arrests, 0.4);
}

TEST_CASE("supervision: levels and terms at release follow risk and the declared term median", "[justice][stats]") {
  auto p = pwt::small_params(pwt::sized(60000, 30000), 1, 1111);
  auto& sv = p.justice.supervision;
  sv.intensive_share_high = 0.2;
  sv.intensive_share_very_high = 0.7;
  Run r(p);
  const auto& js = r.sim.justice();
  const auto& pop = r.sim.population();
  const auto& risk = r.sim.risk();
  std::int64_t n_high = 0, int_high = 0, n_vhigh = 0, int_vhigh = 0, supervised = 0, short_terms = 0, median_terms = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    const bool sup = js.supervision[i] != static_cast<std::uint8_t>(SupervisionLevel::None);
    REQUIRE(sup == (pop.released_to_supervision[i] == 1));
    if (!sup) {
      REQUIRE(js.supervision_until[i] == pw::kNever);
      continue;
    }
    ++supervised;
    const bool intensive = js.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::Intensive);
    switch (static_cast<pw::RiskLevel>(risk.level[i])) {
      case pw::RiskLevel::High:
        ++n_high;
        int_high += intensive;
        break;
      case pw::RiskLevel::VeryHigh:
        ++n_vhigh;
        int_vhigh += intensive;
        break;
      default:
        REQUIRE_FALSE(intensive);
    }
    REQUIRE(js.supervision_until[i] >= 1);
    short_terms += js.supervision_until[i] <= 60;
    median_terms += js.supervision_until[i] <= 104;
  }
  pwt::check_proportion("intensive among high risk", int_high, n_high, 0.2);
  pwt::check_proportion("intensive among very high risk", int_vhigh, n_vhigh, 0.7);
  // Terms are round(median * exp(0.5 Z)) weeks: P(term <= k) = Phi(ln((k + 0.5) / median) / 0.5).
  auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  pwt::check_proportion("terms <= 104 weeks", median_terms, supervised, phi(std::log(104.5 / sv.term_median) / 0.5));
  pwt::check_proportion("terms <= 60 weeks", short_terms, supervised, phi(std::log(60.5 / sv.term_median) / 0.5));
}

TEST_CASE("frailty: gamma with mean 1 and the declared variance", "[justice][stats]") {
  for (double theta : {1.5, 0.4}) {
    auto p = pwt::small_params(pwt::sized(60000, 30000), 1, 1212);
    p.justice.offending.frailty_variance = theta;
    Run r(p);
    const auto& f = r.sim.justice().frailty;
    const double n = static_cast<double>(f.size());
    double s = 0;
    for (float x : f) s += x;
    const double mean = s / n;
    double m2 = 0, m4 = 0;
    std::int64_t below_median = 0;
    const double median = theta * boost::math::gamma_p_inv(1.0 / theta, 0.5);
    for (float x : f) {
      REQUIRE(x > 0.0f);
      const double d = x - mean;
      m2 += d * d;
      m4 += d * d * d * d;
      below_median += x < median;
    }
    m2 /= n;
    m4 /= n;
    INFO("frailty variance " << theta);
    pwt::check_within_se("frailty mean", mean, 1.0, std::sqrt(m2 / n));
    pwt::check_within_se("frailty variance", m2, theta, std::sqrt((m4 - m2 * m2) / n));
    pwt::check_proportion("frailty below the gamma median", below_median, static_cast<std::int64_t>(n), 0.5);
  }
  SECTION("zero variance means frailty 1 for everyone") {
    auto p = pwt::small_params(2000, 1, 1313);
    p.justice.offending.frailty_variance = 0.0;
    Run r(p);
    for (float x : r.sim.justice().frailty) REQUIRE(x == 1.0f);
  }
}

TEST_CASE("risk: the level is a deterministic function of the recomputed score", "[justice][risk]") {
  auto p = pwt::small_params(20000, 1, 1414);
  Run r(p);
  const auto& risk = r.sim.risk();
  const auto& rp = p.justice.risk;
  std::array<std::int64_t, 4> per_level{};
  for (std::size_t i = 0; i < r.sim.population().size(); ++i) {
    const int s = pw::risk_score(r.sim.population(), r.sim.needs(), i);
    INFO("person " << i);
    REQUIRE(risk.score[i] == s);
    REQUIRE(s >= 0);
    REQUIRE(s <= 14);
    const int expected_level = s >= rp.very_high_from ? 3 : s >= rp.high_from ? 2 : s >= rp.moderate_from ? 1 : 0;
    REQUIRE(risk.level[i] == expected_level);
    ++per_level[risk.level[i]];
  }
  // Every level occurs in a cohort of this size.
  for (auto c : per_level) CHECK(c > 0);
}

TEST_CASE("risk: the score follows the documented points table", "[justice][risk]") {
  pw::Population pop;
  pop.resize(1);
  pw::Needs needs;
  needs.substance_use = {0.1f};
  needs.mental_health = {0.9f};
  needs.antisocial_cognition = {0.1f};
  needs.employability = {0.5f};
  auto person = [&](float age, int priors, float onset, pw::Admission adm, pw::OffenceType off, pw::Sex sex, float su,
                    float ac) {
    pop.age_at_release[0] = age;
    pop.prior_arrests[0] = static_cast<std::uint16_t>(priors);
    pop.age_first_arrest[0] = onset;
    pop.admission[0] = static_cast<std::uint8_t>(adm);
    pop.commitment_offence[0] = static_cast<std::uint8_t>(off);
    pop.sex[0] = static_cast<std::uint8_t>(sex);
    needs.substance_use[0] = su;
    needs.antisocial_cognition[0] = ac;
    return pw::risk_score(pop, needs, 0);
  };
  using A = pw::Admission;
  using O = pw::OffenceType;
  using S = pw::Sex;
  // The lowest-risk profile scores 0, the highest 14.
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.1f) == 0);
  CHECK(person(20, 25, 15, A::SupervisionViolator, O::Property, S::Male, 0.9f, 0.9f) == 14);
  // Age at release: <25: 3, 25-34: 2, 35-49: 1, 50+: 0.
  const auto base = [&](float age) {
    return person(age, 1, 40, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.1f);
  };
  CHECK(base(24.9f) == 3);
  CHECK(base(25.0f) == 2);
  CHECK(base(34.9f) == 2);
  CHECK(base(35.0f) == 1);
  CHECK(base(49.9f) == 1);
  CHECK(base(50.0f) == 0);
  // Prior arrests: 3-4: 1, 5-9: 2, 10-19: 3, 20+: 4.
  const auto priors = [&](int k) { return person(60, k, 40, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.1f); };
  CHECK(priors(2) == 0);
  CHECK(priors(3) == 1);
  CHECK(priors(4) == 1);
  CHECK(priors(5) == 2);
  CHECK(priors(9) == 2);
  CHECK(priors(10) == 3);
  CHECK(priors(19) == 3);
  CHECK(priors(20) == 4);
  // Age at first arrest: 17 or younger: 2, 18-24: 1.
  const auto onset = [&](float a) { return person(60, 1, a, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.1f); };
  CHECK(onset(17.9f) == 2);
  CHECK(onset(18.0f) == 1);
  CHECK(onset(24.9f) == 1);
  CHECK(onset(25.0f) == 0);
  // One point each.
  CHECK(person(60, 1, 40, A::SupervisionViolator, O::Drug, S::Female, 0.1f, 0.1f) == 1);
  CHECK(person(60, 1, 40, A::Other, O::Drug, S::Female, 0.1f, 0.1f) == 0);
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Property, S::Female, 0.1f, 0.1f) == 1);
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Violent, S::Female, 0.1f, 0.1f) == 0);
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Drug, S::Male, 0.1f, 0.1f) == 1);
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Drug, S::Female, 0.6f, 0.1f) == 1);
  CHECK(person(60, 1, 40, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.6f) == 1);
  // Mental health and employability do not score.
  needs.mental_health[0] = 0.1f;
  needs.employability[0] = 0.0f;
  CHECK(base(60) == 0);

  // Levels come from the thresholds.
  pw::RiskParams rp{4, 7, 9};
  pop.resize(1);
  person(20, 25, 15, A::SupervisionViolator, O::Property, S::Male, 0.9f, 0.9f);
  CHECK(pw::assess_risk(pop, needs, rp).level[0] == static_cast<std::uint8_t>(pw::RiskLevel::VeryHigh));
  base(60);
  CHECK(pw::assess_risk(pop, needs, rp).level[0] == static_cast<std::uint8_t>(pw::RiskLevel::Low));
  person(30, 5, 20, A::NewCourtCommitment, O::Drug, S::Female, 0.1f, 0.1f);  // 2 + 2 + 1 = 5
  CHECK(pw::assess_risk(pop, needs, rp).score[0] == 5);
  CHECK(pw::assess_risk(pop, needs, rp).level[0] == static_cast<std::uint8_t>(pw::RiskLevel::Moderate));
}

namespace {
// A reporting group's share arrested within year 1 (a fraction) and its size.
std::pair<double, double> year1_arrest_share(const pw::CumulativeTables& t, const char* group) {
  const auto i = static_cast<std::size_t>(std::find(t.groups.begin(), t.groups.end(), group) - t.groups.begin());
  REQUIRE(i < t.groups.size());
  return {t.pct[i][0][11] / 100.0, static_cast<double>(t.group_size[i])};
}
}  // namespace

TEST_CASE("selection: supervision violators are rearrested more only when they carry more unobserved risk",
          "[justice][stats]") {
  // Admission enters no hazard: the violators' excess comes from the copula with the frailty
  // (population.admission_risk_correlation). At correlation 0 the two admission groups' one-year
  // arrest shares agree within sampling error; at 0.6 violators' is clearly higher.
  double gap[2] = {0, 0}, se[2] = {0, 0};
  int k = 0;
  for (const double rho : {0.0, 0.6}) {
    auto p = pwt::small_params(pwt::sized(40000, 20000), 52, 404);
    p.population.admission_risk_correlation = rho;
    Run r(p);
    r.run();
    const auto t = pw::cumulative_tables(r.sim);
    const auto at = [&](const char* g) { return year1_arrest_share(t, g); };
    const auto [v, nv] = at("admission_supervision_violator");
    const auto [c, nc] = at("admission_new_court_commitment");
    gap[k] = v - c;
    se[k] = std::sqrt(v * (1 - v) / nv + c * (1 - c) / nc);
    ++k;
  }
  INFO("violator minus new commitment, year-1 arrest: rho 0 " << gap[0] << " (se " << se[0] << "), rho 0.6 " << gap[1]
                                                              << " (se " << se[1] << ")");
  CHECK(std::abs(gap[0]) < 4.0 * se[0]);
  CHECK(gap[1] > 6.0 * se[1]);
  CHECK(gap[1] > gap[0]);
}

TEST_CASE("offending: a positive property-offender effect raises property offenders' arrests above violent ones'",
          "[justice][stats]") {
  // With one detection probability for every type the offence-specific propensity alone orders the groups.
  auto p = pwt::small_params(pwt::sized(40000, 20000), 52, 405);
  pwt::set_detection(p, 0.1);
  p.justice.offending.property_offender_effect = 0.5;
  Run r(p);
  r.run();
  const auto t = pw::cumulative_tables(r.sim);
  const auto at = [&](const char* g) { return year1_arrest_share(t, g); };
  const auto [prop, np] = at("offence_property");
  const auto [viol, nv] = at("offence_violent");
  INFO("year-1 arrest: property " << prop << ", violent " << viol);
  CHECK(prop - viol > 6.0 * std::sqrt(prop * (1 - prop) / np + viol * (1 - viol) / nv));
}
