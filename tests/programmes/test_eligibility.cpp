// models/eligibility: who a programme or a problem-solving court may take. An
// age range restricts participation (nobody outside it takes part; inside it,
// the uptake share does, within sampling error); every participant meets every
// criterion and every willing person who meets them joins; a court diverts
// nobody outside its range; an empty range and a misspelt key are clear errors.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/eligibility/eligibility_rule.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/engine/params/scenario_loader.hpp"
#include "tests/sim_support.hpp"

using Catch::Matchers::Contains;

namespace {
using pw::ProgrammeStatus;

bool took_part(std::uint8_t s) {
  return s != static_cast<std::uint8_t>(ProgrammeStatus::None) &&
         s != static_cast<std::uint8_t>(ProgrammeStatus::Declined);
}

pw::ProgrammeSpec programme(const std::string& kind, double places_per_1000) {
  auto s = pw::with_defaults<pw::ProgrammeSpec>();
  s.name = "p";
  s.kind = kind;
  s.phase = "post_release";
  s.places_per_1000 = places_per_1000;
  s.duration = 10;
  s.uptake = 0.6;
  s.completion_probability = 1.0;
  return s;
}

// pwt::community_only_params, and no programme or court changes a need.
pw::ModelParams quiet(int people, int weeks) {
  auto p = pwt::community_only_params(people, weeks);
  p.programme_kinds.peer_contagion = 0;
  return p;
}
}  // namespace

TEST_CASE("eligibility: an age range admits nobody outside it and the uptake share inside it",
          "[programmes][eligibility][statistical]") {
  auto p = quiet(20000, 4);
  auto prog = programme("transitional_jobs", 1000);  // a place for everyone
  prog.eligibility.min_age = 20;
  prog.eligibility.max_age = 30;
  p.programmes = {prog};
  pwt::Run r(p);
  r.run();
  const auto& st = r.sim.programmes().status(0);
  const auto& age = r.sim.population().age_at_release;
  std::int64_t inside = 0, inside_took_part = 0, outside = 0;
  for (std::size_t i = 0; i < st.size(); ++i) {
    if (age[i] >= 20.0f && age[i] < 30.0f) {
      ++inside;
      inside_took_part += took_part(st[i]) ? 1 : 0;
    } else {
      ++outside;
      INFO("person " << i << " aged " << age[i] << " at release");
      REQUIRE_FALSE(took_part(st[i]));
    }
  }
  // The range cuts the cohort: both sides are populated.
  REQUIRE(inside > 2000);
  REQUIRE(outside > 2000);
  // Inside, each person takes part with probability uptake (independent keyed draws).
  const double share = static_cast<double>(inside_took_part) / static_cast<double>(inside);
  const double se = std::sqrt(0.6 * 0.4 / static_cast<double>(inside));
  CHECK(std::abs(share - 0.6) < 4 * se);
}

TEST_CASE("eligibility: every participant meets every criterion, and every willing person who does joins",
          "[programmes][eligibility][invariant]") {
  std::vector<pw::EligibilitySpec> rules;
  auto e = pw::with_defaults<pw::EligibilitySpec>();
  auto add = [&](auto change) {
    auto r = e;
    change(r);
    rules.push_back(r);
  };
  add([](auto& r) { r.min_age = 25, r.max_age = 40, r.sex = "female"; });
  add([](auto& r) { r.offence = "non_violent", r.min_prior_arrests = 5, r.max_prior_arrests = 9; });
  add([](auto& r) { r.min_risk = "moderate", r.max_risk = "high", r.group = 1; });
  add([](auto& r) { r.offence = "drug", r.min_substance_use = 0.6; });
  add([](auto& r) { r.max_employability = 0.4, r.min_mental_health = 0.3, r.max_age = 35; });
  add([](auto& r) { r.min_antisocial_cognition = 0.5, r.offence = "violent", r.min_age = 30; });
  for (std::size_t k = 0; k < rules.size(); ++k) {
    DYNAMIC_SECTION("rule " << k) {
      auto p = quiet(6000, 3);
      auto prog = programme("case_management", 1000);  // changes no need
      prog.eligibility = rules[k];
      p.programmes = {prog};
      pwt::Run r(p);
      r.run();
      const auto rule = pw::decode_eligibility(rules[k]);
      const auto& st = r.sim.programmes().status(0);
      std::int64_t admitted = 0;
      for (std::size_t i = 0; i < st.size(); ++i) {
        const bool admits = rule.admits(r.sim.population(), r.sim.needs(), r.sim.risk().level[i], i);
        admitted += admits ? 1 : 0;
        INFO("person " << i);
        if (took_part(st[i])) REQUIRE(admits);
        if (st[i] == static_cast<std::uint8_t>(ProgrammeStatus::None)) REQUIRE_FALSE(admits);
      }
      // The rule is neither empty nor everyone.
      CHECK(admitted > 20);
      CHECK(admitted < static_cast<std::int64_t>(st.size()) / 2);
    }
  }
}

TEST_CASE("eligibility: the defaults admit everyone", "[programmes][eligibility]") {
  auto p = quiet(3000, 1);
  pwt::Run r(p);
  const auto rule = pw::decode_eligibility(pw::with_defaults<pw::EligibilitySpec>());
  for (std::size_t i = 0; i < r.sim.population().size(); ++i) {
    REQUIRE(rule.admits(r.sim.population(), r.sim.needs(), r.sim.risk().level[i], i));
  }
}

TEST_CASE("eligibility: a drug court diverts nobody outside its age range", "[justice][eligibility]") {
  const auto court_ages = [](double max_age) {
    auto p = pwt::small_params(15000, 104);
    p.justice.drug_court.places_per_1000 = 1000;  // a place for everyone
    p.justice.drug_court.eligibility.max_age = max_age;
    pwt::Run r(p);
    float oldest = 0;
    std::int64_t participant_weeks = 0;
    while (!r.sim.finished()) {
      r.sim.step();
      const auto& court = r.sim.justice().court_programme;
      for (std::size_t i = 0; i < court.size(); ++i) {
        if (court[i] != 1) continue;
        ++participant_weeks;
        oldest = std::max(oldest, r.sim.population().age_at_release[i]);
      }
    }
    return std::pair{oldest, participant_weeks};
  };
  const auto [oldest, weeks] = court_ages(30);
  CHECK(weeks > 100);
  CHECK(oldest < 30.0f);
  const auto [oldest_any, weeks_any] = court_ages(150);
  CHECK(oldest_any >= 30.0f);  // without the range, older people are diverted
  CHECK(weeks_any > weeks);
}

TEST_CASE("eligibility: an empty range and a misspelt key are clear errors", "[params][eligibility][errors]") {
  pwt::TempDir dir("eligibility");
  const std::string head = "[population]\nprofile_file = \"" + pwt::kProfilePath + "\"\n";
  const auto message = [&](const std::string& body) -> std::string {
    const auto f = dir.write("s.toml", head + body);
    try {
      pw::load_scenario(f, {});
    } catch (const pw::ScenarioError& err) {
      return err.what();
    }
    return "";
  };
  const std::string prog = "[[programme]]\nname = \"jobs\"\nkind = \"transitional_jobs\"\n";
  CHECK_THAT(message(prog + "eligibility.min_age = 30\neligibility.max_age = 30\n"),
             Contains("programme[jobs].eligibility.max_age: empty age range"));
  CHECK_THAT(message(prog + "eligibility.min_risk = \"high\"\neligibility.max_risk = \"moderate\"\n"),
             Contains("programme[jobs].eligibility.max_risk: empty range"));
  CHECK_THAT(message("[justice.drug_court.eligibility]\nmin_prior_arrests = 5\nmax_prior_arrests = 2\n"),
             Contains("justice.drug_court.eligibility.max_prior_arrests: empty range"));
  // Did you mean: the nearest real key, in the same table first.
  CHECK_THAT(message(prog + "eligibility.maximum_age = 30\n"), Contains("did you mean \"eligibility.max_age\""));
  CHECK_THAT(message(prog + "eligibility.age_max = 30\n"), Contains("did you mean \"eligibility.max_age\""));
  CHECK_THAT(message(prog + "eligibility.max_ages = 30\n"), Contains("did you mean \"eligibility.max_age\""));
  CHECK_THAT(message(prog + "eligibility.offense = \"drug\"\n"), Contains("did you mean \"eligibility.offence\""));
  CHECK_THAT(message("[justice.drug_court.eligibility]\nmax_agee = 30\n"),
             Contains("did you mean \"justice.drug_court.eligibility.max_age\""));
  CHECK(message(prog + "eligibility.max_age = 30\neligibility.offence = \"non_violent\"\n").empty());
}
