// models/justice: graduated sanctions replace revocation for the first violations.
#include <catch2/catch.hpp>

#include "tests/sim_support.hpp"

TEST_CASE("sanctions: with graduated sanctions the first violations bring jail, never revocation",
          "[justice][sanctions]") {
  auto p = pwt::small_params(pwt::sized(20000, 6000), 104);
  p.justice.offending.base_rate = 1e-6;  // no arrests: violations are the only route to custody
  p.justice.supervision.violation_rate = 0.02;
  p.justice.supervision.revocation_probability = 1.0;
  p.justice.supervision.graduated_sanctions = true;
  p.justice.supervision.sanctions_before_revocation = 1000;
  p.justice.supervision.sanction_jail = 2;
  pwt::Run r(p);
  r.run();
  const auto violations = r.total(&pw::WeekCounts::technical_violations);
  REQUIRE(violations > 500);
  CHECK(r.total(&pw::WeekCounts::jail_sanctions) == violations);
  CHECK(r.total(&pw::WeekCounts::revocations_technical) == 0);
  CHECK(r.total(&pw::WeekCounts::prison_admissions_new_sentence) == 0);
  // Every sanction lasts exactly two weeks: jail bed-weeks are twice the sanctions
  // that ended within the horizon, and stocks always add up to the cohort.
  std::int64_t jail_weeks = 0;
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.in_community + w.in_jail + w.in_prison == p.run.people);
    jail_weeks += w.in_jail;
  }
  const auto& last = r.sim.weekly().back();
  CHECK(jail_weeks <= 2 * violations);
  CHECK(jail_weeks >= 2 * (violations - last.in_jail));
}

TEST_CASE("sanctions: after the allowed sanctions, violations can revoke again", "[justice][sanctions]") {
  auto p = pwt::small_params(pwt::sized(20000, 6000), 156);
  p.justice.offending.base_rate = 1e-6;
  p.justice.supervision.violation_rate = 0.05;
  p.justice.supervision.revocation_probability = 1.0;
  p.justice.supervision.graduated_sanctions = true;
  p.justice.supervision.sanctions_before_revocation = 1;
  pwt::Run r(p);
  r.run();
  const auto sanctions = r.total(&pw::WeekCounts::jail_sanctions);
  const auto revocations = r.total(&pw::WeekCounts::revocations_technical);
  REQUIRE(sanctions > 0);
  REQUIRE(revocations > 0);
  // One sanction per person at most: no person is revoked before being sanctioned once.
  const auto& js = r.sim.justice();
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js.returns_to_prison[i] > 0) REQUIRE(js.technical_violations[i] >= 2);
  }
  CHECK(sanctions <= static_cast<std::int64_t>(js.size()));
}

TEST_CASE("problem-solving courts: capacity holds, violent cases are never diverted, graduates lose need",
          "[justice][courts]") {
  const int people = pwt::sized(20000, 6000);
  auto p = pwt::small_params(people, 156);
  p.justice.drug_court.places_per_1000 = pwt::per_1000(150, people);
  p.justice.drug_court.duration = 26;
  p.justice.mental_health_court.places_per_1000 = pwt::per_1000(50, people);
  pwt::Run r(p);
  r.run();
  std::int64_t admissions = 0;
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.in_drug_court <= 150);
    REQUIRE(w.in_mental_health_court <= 50);
    admissions += w.drug_court_admissions + w.mental_health_court_admissions;
  }
  REQUIRE(admissions > 100);
  const auto exits = r.total(&pw::WeekCounts::court_graduations) + r.total(&pw::WeekCounts::court_failures);
  const auto& programme = r.sim.justice().court_programme;
  const auto still_in = std::count_if(programme.begin(), programme.end(), [](std::uint8_t c) { return c != 0; });
  CHECK(exits + still_in == admissions);  // every admission has left, or is still in, exactly once

  // Without courts, nobody is diverted and needs never change.
  auto q = p;
  q.justice.drug_court.places_per_1000 = 0;
  q.justice.mental_health_court.places_per_1000 = 0;
  pwt::Run none(q);
  none.run();
  CHECK(none.total(&pw::WeekCounts::drug_court_admissions) == 0);
  CHECK(none.total(&pw::WeekCounts::court_graduations) == 0);
  std::size_t lowered = 0;
  for (std::size_t i = 0; i < r.sim.population().size(); ++i) {
    REQUIRE(r.sim.needs().substance_use[i] <= none.sim.needs().substance_use[i]);
    lowered += r.sim.needs().substance_use[i] < none.sim.needs().substance_use[i] ? 1 : 0;
  }
  CHECK(lowered > 0);
  // Only graduates, and participants still in treatment, have a lower need; failures relapse exactly.
  CHECK(static_cast<std::int64_t>(lowered) <= r.total(&pw::WeekCounts::court_graduations) + still_in);

  // When every offence is violent, no case is ever diverted.
  auto v = p;
  v.justice.offending.specialisation = 0;
  v.justice.offending.mix_violent = 1.0;
  v.justice.offending.mix_property = 0;
  v.justice.offending.mix_drug = 0;
  pwt::Run violent(v);
  violent.run();
  REQUIRE(violent.total(&pw::WeekCounts::convictions) > 100);
  CHECK(violent.total(&pw::WeekCounts::drug_court_admissions) == 0);
  CHECK(violent.total(&pw::WeekCounts::mental_health_court_admissions) == 0);
}

TEST_CASE("problem-solving courts: participants offend under the court's monitoring multiplier",
          "[justice][courts][invariants]") {
  auto p = pwt::small_params(6000, 60, 2024);
  pwt::no_situation_effects(p);  // work and housing change nothing: only the court acts
  p.justice.drug_court.places_per_1000 = pwt::per_1000(200, 6000);
  p.justice.drug_court.monitoring_effect = -0.5;
  p.justice.mental_health_court.places_per_1000 = pwt::per_1000(100, 6000);
  p.justice.mental_health_court.monitoring_effect = -0.2;
  pwt::Run r(p);
  int participants = 0;
  for (int t = 0; t < 60; ++t) {
    // The court status as the situation phase will see it (no one enters or leaves a
    // court between the start of the week and that phase).
    const std::vector<std::uint8_t> before = r.sim.justice().court_programme;
    r.sim.step();
    const auto& sit = r.sim.situation().offending;
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (r.sim.justice().custody[i] != static_cast<std::uint8_t>(pw::Custody::Community)) continue;
      if (r.sim.justice().custody_started_week[i] == t) continue;  // held after the phase
      const double expected = before[i] == 1 ? std::exp(-0.5) : before[i] == 2 ? std::exp(-0.2) : 1.0;
      INFO("person " << i << " week " << t << " court " << int(before[i]));
      REQUIRE(sit[i] == Approx(expected).epsilon(1e-6));
      participants += before[i] != 0 ? 1 : 0;
    }
  }
  CHECK(participants > 100);
}
