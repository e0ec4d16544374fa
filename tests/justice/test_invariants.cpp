// Invariants of the justice model and the outcome tables that hold for every run.
#include <algorithm>
#include <map>

#include "models/reporting/outcome_tables.hpp"
#include "tests/sim_support.hpp"

using pw::WeekCounts;
using pwt::Run;

namespace {

std::size_t group_index(const pw::CumulativeTables& t, const std::string& name) {
  const auto it = std::find(t.groups.begin(), t.groups.end(), name);
  REQUIRE(it != t.groups.end());
  return static_cast<std::size_t>(it - t.groups.begin());
}

// Checks that hold for any parameters.
void check_invariants(const pw::Simulation& sim) {
  const auto n = static_cast<std::int64_t>(sim.population().size());
  const auto& js = sim.justice();
  REQUIRE(static_cast<int>(sim.weekly().size()) == sim.horizon());
  for (std::size_t t = 0; t < sim.weekly().size(); ++t) {
    const auto& w = sim.weekly()[t];
    INFO("week " << t);
    REQUIRE(w.in_community + w.in_jail + w.in_prison == n);
    REQUIRE(w.on_standard_supervision + w.on_intensive_supervision <= w.in_community);
    REQUIRE(w.offences == w.offences_violent + w.offences_property + w.offences_drug + w.offences_public_order);
    REQUIRE(w.offences_undetected <= w.offences);
    REQUIRE(w.arrests <= w.offences - w.offences_undetected);
    REQUIRE(w.convictions <= w.arrests);
    REQUIRE(w.revocations_arrest <= w.arrests);
    REQUIRE(w.revocations_technical <= w.technical_violations);
    for (const auto& f : WeekCounts::kFields) REQUIRE(w.*(f.member) >= 0);
  }

  // Person histories agree with the weekly counts.
  std::int64_t offences = 0, arrests = 0, convictions = 0, violations = 0, returns = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    INFO("person " << i);
    REQUIRE(js.convictions[i] <= js.arrests[i]);
    REQUIRE(js.arrests[i] <= js.offences[i]);
    REQUIRE((js.first_arrest_week[i] != pw::kNever) == (js.arrests[i] > 0));
    REQUIRE((js.first_conviction_week[i] != pw::kNever) == (js.convictions[i] > 0));
    REQUIRE((js.first_return_week[i] != pw::kNever) == (js.returns_to_prison[i] > 0));
    if (js.first_conviction_week[i] != pw::kNever) REQUIRE(js.first_conviction_week[i] >= js.first_arrest_week[i]);
    for (auto w : {js.first_arrest_week[i], js.first_conviction_week[i], js.first_return_week[i]}) {
      REQUIRE(w >= pw::kNever);
      REQUIRE(w < sim.horizon());
    }
    offences += js.offences[i];
    arrests += js.arrests[i];
    convictions += js.convictions[i];
    violations += js.technical_violations[i];
    returns += js.returns_to_prison[i];
  }
  CHECK(offences == pwt::total(sim.weekly(), &WeekCounts::offences));
  CHECK(arrests == pwt::total(sim.weekly(), &WeekCounts::arrests));
  CHECK(convictions == pwt::total(sim.weekly(), &WeekCounts::convictions));
  CHECK(violations == pwt::total(sim.weekly(), &WeekCounts::technical_violations));
  // Every return to prison is a revocation or a new sentence.
  CHECK(returns == pwt::total(sim.weekly(), &WeekCounts::revocations_technical) +
                       pwt::total(sim.weekly(), &WeekCounts::revocations_arrest) +
                       pwt::total(sim.weekly(), &WeekCounts::prison_admissions_new_sentence));

  // Cumulative tables: non-decreasing, conviction <= arrest, percent in [0, 100].
  const auto t = pw::cumulative_tables(sim);
  REQUIRE(t.months == pw::months_in_horizon(sim.horizon()));
  REQUIRE(t.groups == pw::standard_group_names());
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    INFO("group " << t.groups[g]);
    REQUIRE(t.group_size[g] >= 0);
    for (std::size_t o = 0; o < pw::kOutcomes.size(); ++o) {
      const auto& v = t.pct[g][o];
      REQUIRE(static_cast<int>(v.size()) == t.months);
      for (std::size_t m = 0; m < v.size(); ++m) {
        INFO(pw::kOutcomes[o] << " month " << m + 1);
        REQUIRE(v[m] >= 0.0);
        REQUIRE(v[m] <= 100.0);
        if (m > 0) REQUIRE(v[m] >= v[m - 1]);
      }
    }
    for (int m = 0; m < t.months; ++m)
      REQUIRE(t.pct[g][1][static_cast<std::size_t>(m)] <= t.pct[g][0][static_cast<std::size_t>(m)]);
  }
  // Group sizes partition the cohort.
  auto size = [&](const char* g) { return t.group_size[group_index(t, g)]; };
  CHECK(size("all") == n);
  CHECK(size("male") + size("female") == n);
  CHECK(size("age_le24") + size("age_25to39") + size("age_40to54") + size("age_55to64") + size("age_65plus") == n);
  CHECK(size("prior_arrests_le4") + size("prior_arrests_5to9") + size("prior_arrests_10plus") == n);
  CHECK(size("prior_arrests_le2") + size("prior_arrests_3to4") == size("prior_arrests_le4"));
  CHECK(size("age_40to54") + size("age_55to64") + size("age_65plus") == size("age_40plus"));
  CHECK(size("first_arrest_le17") + size("first_arrest_18to19") + size("first_arrest_20to24") +
            size("first_arrest_25to29") + size("first_arrest_30to34") + size("first_arrest_35to39") +
            size("first_arrest_40plus") ==
        n);
  CHECK(size("risk_low") + size("risk_moderate") + size("risk_high") + size("risk_very_high") == n);
  CHECK(size("offence_violent") + size("offence_property") + size("offence_drug") + size("offence_public_order") == n);
  CHECK(size("group_0") + size("group_1") == n);
  CHECK(size("released_to_supervision") + size("released_unconditionally") == n);
  CHECK(size("admission_new_court_commitment") + size("admission_supervision_violator") <= n);

  // The "all" curve is the share with a first event before the end of each month.
  const std::size_t all = group_index(t, "all");
  const std::array<const std::vector<std::int16_t>*, 3> first = {&js.first_arrest_week, &js.first_conviction_week,
                                                                 &js.first_return_week};
  for (std::size_t o = 0; o < 3; ++o) {
    for (int m = 1; m <= t.months; ++m) {
      const int end = pw::week_ending_month(m);
      const auto k =
          std::count_if(first[o]->begin(), first[o]->end(), [&](std::int16_t w) { return w != pw::kNever && w < end; });
      INFO(pw::kOutcomes[o] << " month " << m);
      REQUIRE(t.pct[all][o][static_cast<std::size_t>(m - 1)] ==
              Approx(100.0 * static_cast<double>(k) / n).margin(1e-9));
    }
  }
}

}  // namespace

TEST_CASE("reporting: month ends and horizon months", "[reporting]") {
  CHECK(pw::week_ending_month(12) == 52);
  CHECK(pw::week_ending_month(60) == 260);
  CHECK(pw::week_ending_month(1) == 4);
  CHECK(pw::week_ending_month(6) == 26);
  CHECK(pw::months_in_horizon(260) == 60);
  CHECK(pw::months_in_horizon(104) == 24);
  CHECK(pw::months_in_horizon(100) == 23);
  CHECK(pw::months_in_horizon(4) == 0);
  CHECK(pw::months_in_horizon(5) == 1);
  for (int m = 2; m <= 180; ++m) REQUIRE(pw::week_ending_month(m) > pw::week_ending_month(m - 1));
}

TEST_CASE("invariants: a baseline run keeps stocks, counts and curves consistent", "[justice][invariants]") {
  auto p = pwt::small_params(pwt::sized(20000, 10000), 156, 2024);
  Run r(p);
  r.run();
  check_invariants(r.sim);
  // The run is not vacuous: every mechanism fired.
  for (auto f : {&WeekCounts::arrests, &WeekCounts::convictions, &WeekCounts::technical_violations,
                 &WeekCounts::revocations_technical, &WeekCounts::revocations_arrest,
                 &WeekCounts::prison_admissions_new_sentence, &WeekCounts::releases}) {
    CHECK(r.total(f) > 0);
  }
  std::int64_t jailed = 0;
  for (const auto& w : r.sim.weekly()) jailed += w.in_jail;
  CHECK(jailed > 0);
}

TEST_CASE("invariants: with no detection, no one is arrested and returns come only from technical revocations",
          "[justice][invariants]") {
  auto p = pwt::small_params(pwt::sized(20000, 10000), 156, 2025);
  pwt::set_detection(p, 0.0);
  p.justice.supervision.violation_rate = 0.02;
  Run r(p);
  r.run();
  check_invariants(r.sim);
  CHECK(r.total(&WeekCounts::offences) > 0);
  CHECK(r.total(&WeekCounts::offences_undetected) == r.total(&WeekCounts::offences));
  CHECK(r.total(&WeekCounts::arrests) == 0);
  CHECK(r.total(&WeekCounts::convictions) == 0);
  CHECK(r.total(&WeekCounts::revocations_arrest) == 0);
  CHECK(r.total(&WeekCounts::prison_admissions_new_sentence) == 0);
  const auto& js = r.sim.justice();
  std::int64_t returns = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    REQUIRE(js.first_arrest_week[i] == pw::kNever);
    REQUIRE(js.first_conviction_week[i] == pw::kNever);
    returns += js.returns_to_prison[i];
  }
  CHECK(r.total(&WeekCounts::revocations_technical) > 0);
  CHECK(returns == r.total(&WeekCounts::revocations_technical));
  // No one is ever in jail: jail is only pre-trial.
  for (const auto& w : r.sim.weekly()) REQUIRE(w.in_jail == 0);
  const auto t = pw::cumulative_tables(r.sim);
  for (const auto& g : t.pct) {
    for (double v : g[0]) REQUIRE(v == 0.0);
    for (double v : g[1]) REQUIRE(v == 0.0);
  }
}

TEST_CASE("invariants: with no revocation and no prison sentences, no one returns to prison", "[justice][invariants]") {
  auto p = pwt::small_params(pwt::sized(20000, 10000), 156, 2026);
  p.justice.supervision.revocation_probability = 0.0;
  p.justice.supervision.revocation_on_arrest = 0.0;
  p.justice.courts.prison_given_conviction = 0.0;
  p.justice.supervision.violation_rate = 0.05;
  Run r(p);
  r.run();
  check_invariants(r.sim);
  // Arrests, convictions and violations still happen.
  CHECK(r.total(&WeekCounts::arrests) > 1000);
  CHECK(r.total(&WeekCounts::convictions) > 500);
  CHECK(r.total(&WeekCounts::technical_violations) > 1000);
  CHECK(r.total(&WeekCounts::revocations_technical) == 0);
  CHECK(r.total(&WeekCounts::revocations_arrest) == 0);
  CHECK(r.total(&WeekCounts::prison_admissions_new_sentence) == 0);
  for (const auto& w : r.sim.weekly()) REQUIRE(w.in_prison == 0);
  const auto& js = r.sim.justice();
  for (std::size_t i = 0; i < js.size(); ++i) {
    REQUIRE(js.first_return_week[i] == pw::kNever);
    REQUIRE(js.returns_to_prison[i] == 0);
  }
  const auto t = pw::cumulative_tables(r.sim);
  for (const auto& g : t.pct) {
    for (double v : g[2]) REQUIRE(v == 0.0);
  }
}

TEST_CASE("invariants: stepping week by week is the same as running to the end", "[justice][invariants]") {
  auto p = pwt::small_params(3000, 30, 77);
  Run a(p), b(p);
  a.run();
  REQUIRE(b.sim.week() == 0);
  while (!b.sim.finished()) {
    const int before = b.sim.week();
    const auto counts = b.sim.step();
    REQUIRE(b.sim.week() == before + 1);
    REQUIRE(b.sim.weekly().back().arrests == counts.arrests);
  }
  REQUIRE(a.sim.weekly().size() == b.sim.weekly().size());
  for (std::size_t t = 0; t < a.sim.weekly().size(); ++t) {
    for (const auto& f : WeekCounts::kFields) REQUIRE(a.sim.weekly()[t].*(f.member) == b.sim.weekly()[t].*(f.member));
  }
  const std::vector<std::string_view> phases = {"releases",
                                                "programme_progress",
                                                "labour",
                                                "housing",
                                                "situation",
                                                "offending",
                                                "courts_and_supervision",
                                                "coordination",
                                                "network",
                                                "census",
                                                "court_diversion",
                                                "programme_allocation",
                                                "hiring_and_housing",
                                                "network_batch"};
  CHECK(pw::Simulation::phase_names() == phases);
}
