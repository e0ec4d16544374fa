// models/labour: invariants of the job market, the configured rates of search,
// referral and separation reproduced within a few standard errors, ban-the-box
// statistical discrimination, and the employment effect on offending.
#include <cmath>
#include <vector>

#include "tests/sim_support.hpp"

using pw::WeekCounts;
using pwt::Run;

namespace {
constexpr auto kCommunity = static_cast<std::uint8_t>(pw::Custody::Community);

// Everyone stays in the community: no detection, no violations.
void keep_everyone_out(pw::ModelParams& p) {
  pwt::set_detection(p, 0.0);
  p.justice.supervision.violation_rate = 0.0;
}
// One employer type for one week: every employer checks records, willingness
// is concentrated at 0.3, places are plentiful, everyone searches without a
// referral and passes the interview, and there is no stigma; so a hire
// follows exactly the record check.
pw::ModelParams record_check_market(int seed) {
  auto p = pwt::small_params(pwt::sized(20000, 8000), 1, seed);
  keep_everyone_out(p);
  pwt::no_coordination(p);  // everyone holds an ID: only the record check screens
  auto& em = p.labour.employers;
  em.record_check_share = 1.0;
  em.informal_share = 0.0;
  em.willingness_mean = 0.3;
  em.willingness_concentration = 1e6;
  em.positions_per_person = 100.0;  // no employer can fill up (checked by no_employer_full)
  auto& sr = p.labour.search;
  sr.search_rate = 1.0;
  sr.referral_per_tie = 0.0;
  sr.supervision_search_factor = 1.0;
  sr.substance_use_search_effect = 0.0;
  sr.interview_base = 1.0 - 1e-12;
  p.community.stigma = 0.0;
  return p;
}

// Vacancies never bound: every passing application was hired.
void no_employer_full(const pw::Simulation& sim) {
  const auto& em = sim.labour().employers();
  for (std::size_t e = 0; e < em.size(); ++e) REQUIRE(em.filled[e] < em.positions[e]);
}
}  // namespace

TEST_CASE("labour: no vacancies, nobody is ever employed", "[labour][invariants]") {
  auto p = pwt::small_params(5000, 52, 11);
  p.labour.employers.positions_per_person = 0.0;
  Run r(p);
  r.run();
  CHECK(r.total(&WeekCounts::job_searches) > 0);  // people still look
  CHECK(r.total(&WeekCounts::job_starts) == 0);
  CHECK(r.total(&WeekCounts::employed) == 0);
  CHECK(r.total(&WeekCounts::earnings_usd) == 0);
  for (const auto w : r.sim.labour().state().first_job_week) CHECK(w == pw::kNever);
}

TEST_CASE("labour: employers never hold more jobs than positions, and filled counts the workers",
          "[labour][invariants]") {
  auto p = pwt::small_params(8000, 78, 12);
  p.labour.employers.positions_per_person = 0.1;  // scarce: vacancies bind
  p.labour.search.search_rate = 0.9;
  Run r(p);
  std::int64_t binding_weeks = 0;
  while (!r.sim.finished()) {
    r.sim.step();
    const auto& em = r.sim.labour().employers();
    std::vector<std::int32_t> workers(em.size(), 0);
    for (const auto e : r.sim.labour().state().employer) {
      if (e >= 0) ++workers[static_cast<std::size_t>(e)];
    }
    std::size_t full = 0;
    for (std::size_t e = 0; e < em.size(); ++e) {
      REQUIRE(em.filled[e] == workers[e]);
      REQUIRE(em.filled[e] <= em.positions[e]);
      full += em.filled[e] == em.positions[e] ? 1 : 0;
    }
    binding_weeks += 2 * full >= em.size() ? 1 : 0;
  }
  CHECK(binding_weeks > 10);  // the test exercised weeks when most employers were full
}

TEST_CASE("labour: search, referral and separation reproduce their configured rates", "[labour][stats]") {
  auto p = pwt::small_params(pwt::sized(20000, 8000), 26, 13);
  keep_everyone_out(p);
  p.labour.search.search_rate = 0.3;
  p.labour.search.referral_per_tie = 0.1;
  p.labour.search.unstable_housing_search_factor = 1.0;
  p.labour.search.supervision_search_factor = 1.0;
  p.labour.search.substance_use_search_effect = 0.0;
  p.labour.employers.positions_per_person = 2.0;  // never binding
  Run r(p);
  const auto& ls = r.sim.labour().state();
  const auto& ties = r.sim.network().summary();
  double expected_referrals = 0, var_referrals = 0;
  double expected_separations = 0, var_separations = 0;
  std::int64_t unemployed_weeks = 0;
  const auto& sp = p.labour.separation;
  for (int t = 0; t < 26; ++t) {
    // Rates from the state at the start of the week.
    double p_ref_sum = 0, p_ref_var = 0;  // sums of q and of q^2
    std::int64_t unemployed = 0;
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (r.sim.justice().custody[i] != kCommunity) continue;
      if (ls.employer[i] >= 0) {
        const double tenure = t - ls.job_start_week[i];
        const double rate = sp.late_rate + (sp.early_rate - sp.late_rate) * std::exp(-tenure / sp.tenure_scale);
        expected_separations += rate;
        var_separations += rate * (1 - rate);
      } else {
        ++unemployed;
        const double q = 1.0 - std::pow(1.0 - p.labour.search.referral_per_tie, static_cast<double>(ties.support(i)));
        p_ref_sum += q;
        p_ref_var += q * q;
      }
    }
    unemployed_weeks += unemployed;
    r.sim.step();
    // A person searches with probability s and the search is a referral with q.
    const double s = p.labour.search.search_rate;
    expected_referrals += s * p_ref_sum;
    var_referrals += s * p_ref_sum - s * s * p_ref_var;  // a sum of Bernoulli(s q)
  }
  pwt::check_proportion("searches per unemployed person-week", r.total(&WeekCounts::job_searches), unemployed_weeks,
                        p.labour.search.search_rate);
  pwt::check_within_se("referrals", static_cast<double>(r.total(&WeekCounts::job_referrals)), expected_referrals,
                       std::sqrt(var_referrals));
  REQUIRE(expected_separations > 500);
  pwt::check_within_se("separations", static_cast<double>(r.total(&WeekCounts::job_separations)), expected_separations,
                       std::sqrt(var_separations));
}

TEST_CASE("labour: the record check passes applicants with the employer's willingness", "[labour][stats]") {
  auto p = record_check_market(14);
  p.labour.incentives.tax_credit_takeup = 0.0;
  Run r(p);
  const auto c = r.sim.step();
  no_employer_full(r.sim);
  pwt::check_proportion("hires per application", c.job_starts, c.job_searches, 0.3);

  SECTION("ban-the-box: the proxied group is rejected at the callback, the check later is softer") {
    p.labour.ban_the_box.enabled = true;
    p.labour.ban_the_box.proxy_penalty = 0.4;
    p.labour.ban_the_box.post_offer_rejection_factor = 0.5;
    Run b(p);
    b.sim.step();
    no_employer_full(b.sim);
    std::int64_t apps[2] = {0, 0}, hired[2] = {0, 0};
    const auto& pop = b.sim.population();
    for (std::size_t i = 0; i < pop.size(); ++i) {
      ++apps[pop.group[i]];  // everyone applied (search rate 1, all unemployed)
      hired[pop.group[i]] += b.sim.labour().state().employer[i] >= 0 ? 1 : 0;
    }
    const double pass0 = 1.0 - 0.7 * 0.5;  // rejection 0.7 halved after the offer
    pwt::check_proportion("group 0 hires", hired[0], apps[0], pass0);
    pwt::check_proportion("group 1 hires (proxy penalty)", hired[1], apps[1], 0.6 * pass0);
  }
}

TEST_CASE("labour: with incentives the record check uses the lifted willingness", "[labour][stats]") {
  auto p = record_check_market(15);
  p.labour.incentives.tax_credit_takeup = 1.0;
  p.labour.incentives.tax_credit_uplift = 0.5;
  p.labour.incentives.certificate_coverage = 1.0;
  p.labour.incentives.certificate_uplift = 0.2;
  Run r(p);
  const auto c = r.sim.step();
  no_employer_full(r.sim);
  const double w = 1.0 - (1.0 - 0.3) * 0.5 * 0.8;
  pwt::check_proportion("hires per application", c.job_starts, c.job_searches, w);
  CHECK(c.tax_credits_claimed == c.job_starts);
}

TEST_CASE("labour: work lowers the offending hazard only at or above the age threshold", "[labour][invariants]") {
  auto p = pwt::small_params(5000, 20, 16);
  pwt::no_network_effects(p);  // only work and housing set the multiplier
  pwt::no_coordination(p);
  Run r(p);
  for (int t = 0; t < 20; ++t) r.sim.step();
  const auto& sit = r.sim.situation();
  const auto& ls = r.sim.labour().state();
  const auto& pop = r.sim.population();
  const auto& housing = r.sim.housing().states();
  const int week = 19;  // the situation was computed in the last week run
  int older_workers = 0, younger_workers = 0;
  for (std::size_t i = 0; i < pop.size(); ++i) {
    double log_mult = 0;
    const bool worked = ls.working[i] != 0;
    if (worked) {
      const bool older = pop.age_at_release[i] + week / 52.0 >= p.labour.effects.age_threshold;
      log_mult += older ? p.labour.effects.employment_effect_older : p.labour.effects.employment_effect_younger;
      (older ? older_workers : younger_workers) += 1;
    }
    if (housing[i] == static_cast<std::uint8_t>(pw::Housing::Shelter)) log_mult += p.housing.effects.shelter_offending;
    if (housing[i] == static_cast<std::uint8_t>(pw::Housing::Street)) log_mult += p.housing.effects.street_offending;
    // Custody and housing may have changed after the phase (courts, the housing barrier).
    if (r.sim.justice().custody[i] != kCommunity || r.sim.housing().state().since[i] == week) continue;
    INFO("person " << i);
    CHECK(sit.offending[i] == Approx(std::exp(log_mult)).epsilon(1e-6));
  }
  CHECK(older_workers > 100);
  CHECK(younger_workers > 10);
}

TEST_CASE("labour: an active transitional-jobs participant works and is referred every week", "[labour][programmes]") {
  auto p = pwt::small_params(4000, 30, 17);
  keep_everyone_out(p);
  p.labour.employers.positions_per_person = 0.0;  // no regular jobs: only transitional jobs
  pw::ProgrammeSpec tj = pw::with_defaults<pw::ProgrammeSpec>();
  tj.name = "ceo";
  tj.kind = "transitional_jobs";
  tj.phase = "post_release";
  tj.places_per_1000 = pwt::per_1000(300, 4000);
  tj.duration = 8;
  tj.uptake = 1.0;
  p.programmes.push_back(tj);
  Run r(p);
  r.run();
  const auto tj_weeks = r.total(&WeekCounts::in_transitional_jobs);
  CHECK(tj_weeks > 0);
  CHECK(tj_weeks <= 300 * 30);                        // never more than the places
  CHECK(r.total(&WeekCounts::employed) == tj_weeks);  // nobody else can work
  CHECK(r.total(&WeekCounts::formal_earnings_usd) ==
        tj_weeks * static_cast<std::int64_t>(std::lround(p.labour.search.transitional_job_wage)));
  CHECK(r.total(&WeekCounts::job_referrals) >= tj_weeks);  // the job developer refers every participant
}
