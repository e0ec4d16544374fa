// models/simulation_levers: mid-run parameter changes. A live change made
// before week w leaves weeks < w untouched, acts from week w on, and a change
// made before week 0 equals a run declared with that value; bad changes are
// refused with a message naming the path.
#include <catch2/catch.hpp>

#include <string>

#include "models/simulation_levers.hpp"
#include "tests/sim_support.hpp"

namespace {

bool same_weeks(const std::vector<pw::WeekCounts>& a, const std::vector<pw::WeekCounts>& b, std::size_t from,
                std::size_t to) {
  for (std::size_t t = from; t < to; ++t) {
    for (const auto& f : pw::WeekCounts::kFields) {
      if (a[t].*(f.member) != b[t].*(f.member)) return false;
    }
  }
  return true;
}

pw::ProgrammeSpec community_cbt(double places_per_1000) {
  auto s = pw::with_defaults<pw::ProgrammeSpec>();
  s.name = "cbt";
  s.kind = "cbt";
  s.phase = "post_release";
  s.places_per_1000 = places_per_1000;
  s.duration = 8;
  s.uptake = 1.0;
  return s;
}

}  // namespace

TEST_CASE("levers: a change before week 0 equals declaring the value in the scenario", "[levers]") {
  auto p = pwt::small_params(3000, 60);
  p.programmes = {community_cbt(pwt::per_1000(20, 3000))};
  auto declared = p;
  declared.housing.stocks.transitional_per_1000 = 40;
  declared.housing.stocks.vouchers_per_1000 = 25;
  declared.labour.ban_the_box.enabled = true;
  declared.labour.effects.employment_effect_older = 0.5;
  declared.housing.effects.street_offending = 2.5;
  declared.justice.courts.prison_given_conviction = 0.9;
  declared.justice.supervision.graduated_sanctions = true;
  declared.programmes[0].places_per_1000 = 200.0 / 3;  // 200 places for 3,000 people
  pwt::Run a(declared);
  a.run();
  pwt::Run b(p);
  b.sim.set_parameter("justice.courts.prison_given_conviction", 0.9);
  b.sim.set_parameter("justice.supervision.graduated_sanctions", true);
  b.sim.set_parameter("programme[cbt].places_per_1000", 200.0 / 3);
  b.sim.set_parameter("housing.stocks.transitional_per_1000", 40.0);
  b.sim.set_parameter("housing.stocks.vouchers_per_1000", 25.0);
  b.sim.set_parameter("labour.ban_the_box.enabled", true);
  b.sim.set_parameter("labour.effects.employment_offending_older", 0.5);
  b.sim.set_parameter("housing.effects.street_offending", 2.5);
  CHECK(b.sim.housing().voucher_capacity() == a.sim.housing().voucher_capacity());
  CHECK(b.sim.housing().transitional_capacity() == a.sim.housing().transitional_capacity());
  b.run();
  CHECK(same_weeks(a.sim.weekly(), b.sim.weekly(), 0, 60));
  for (std::size_t t = 0; t < 60; ++t) {
    CHECK(a.sim.programme_weekly()[t].by_programme[0].active == b.sim.programme_weekly()[t].by_programme[0].active);
  }
  CHECK(b.sim.params().programmes[0].places_per_1000 == 200.0 / 3);
  CHECK(b.sim.programmes().places(0) == 200);
}

TEST_CASE("levers: a change at week w leaves earlier weeks alone and acts from week w", "[levers]") {
  const int w = 20;
  auto p = pwt::small_params(4000, 80);
  p.programmes = {community_cbt(pwt::per_1000(10, 4000))};
  pwt::Run base(p);
  base.run();
  pwt::Run changed(p);
  for (int t = 0; t < w; ++t) changed.sim.step();
  changed.sim.set_parameter("justice.courts.conviction_probability", 0.05);
  changed.sim.set_parameter("programme[cbt].places_per_1000", 100.0);  // 400 places
  changed.run();
  CHECK(same_weeks(base.sim.weekly(), changed.sim.weekly(), 0, w));
  // Fewer convictions after the change (0.05 instead of the default); same random numbers otherwise.
  std::int64_t conv_base = 0, conv_changed = 0;
  for (std::size_t t = w; t < 80; ++t) {
    conv_base += base.sim.weekly()[t].convictions;
    conv_changed += changed.sim.weekly()[t].convictions;
  }
  CHECK(conv_changed < conv_base / 3);
  // More participants once the places exist (allocation at the end of week w starts people in week w + 1).
  CHECK(changed.sim.programme_weekly()[w + 2].by_programme[0].active > 10);
  CHECK(base.sim.programme_weekly()[w + 2].by_programme[0].active <= 10);
}

TEST_CASE("levers: need effects recompute every hazard", "[levers]") {
  auto p = pwt::small_params(2000, 30);
  pwt::Run r(p);
  r.sim.step();
  const float before = r.sim.justice().propensity[0];
  r.sim.set_parameter("justice.offending.antisocial_cognition_effect", 2.5);
  r.sim.set_parameter("justice.offending.substance_use_effect", 2.5);
  CHECK(r.sim.justice().propensity[0] > before);
  auto fresh = p;
  fresh.justice.offending.antisocial_cognition_effect = 2.5;
  fresh.justice.offending.substance_use_effect = 2.5;
  pwt::Run f(fresh);
  // Person 0's needs do not change in week 0 without programmes, so the hazards agree.
  CHECK(r.sim.justice().propensity[0] == Approx(f.sim.justice().propensity[0]));
}

TEST_CASE("levers: bad changes are refused, naming the path", "[levers]") {
  auto p = pwt::small_params(500, 10);
  auto pre = community_cbt(20);
  pre.name = "pre";
  pre.phase = "pre_release";
  p.programmes = {community_cbt(20), pre};
  pwt::Run r(p);
  auto message = [&](const std::string& path, const pw::ParamValue& v) {
    try {
      r.sim.set_parameter(path, v);
    } catch (const pw::LeverError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(message("justice.courts.conviction_probabilty", 0.5),
             Catch::Contains("did you mean justice.courts.conviction_probability"));
  CHECK_THAT(message("justice.courts.conviction_probability", 1.5), Catch::Contains("outside the accepted range"));
  CHECK_THAT(message("justice.courts.conviction_probability", 1LL), Catch::Contains("expects a real number"));
  CHECK_THAT(message("simulation.people", 10LL), Catch::Contains("cannot change during a run"));
  CHECK_THAT(message("justice.offending.base_rate", 0.2), Catch::Contains("cannot change during a run"));
  CHECK_THAT(message("programme[cbt].priority", std::string("loudest")), Catch::Contains("not one of"));
  CHECK_THAT(message("programme[cbt].uptake", 0.5), Catch::Contains("cannot change during a run"));
  CHECK_THAT(message("programme[pre].places_per_1000", 50.0), Catch::Contains("pre-release"));
  CHECK_THAT(message("programme[nope].places_per_1000", 50.0), Catch::Contains("no programme named"));
  CHECK(message("programme[cbt].priority", std::string("need_first")) == "accepted");
  CHECK(r.sim.params().programmes[0].priority == "need_first");
  // Eligibility is a live lever of a post-release programme (the viewer offers it), but not an empty range.
  CHECK(message("programme[cbt].eligibility.max_age", 30.0) == "accepted");
  CHECK(r.sim.params().programmes[0].eligibility.max_age == Approx(30));
  CHECK_THAT(message("programme[cbt].eligibility.min_age", 30.0), Catch::Contains("empty age range"));
  CHECK(r.sim.params().programmes[0].eligibility.min_age == Approx(0));  // the refused change is not kept
}

TEST_CASE("levers: liveness rules", "[levers]") {
  using pw::LeverTiming;
  CHECK(pw::lever_rule("justice.drug_court.places_per_1000").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("justice.supervision.graduated_sanctions").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("justice.offending.detection_violent").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("justice.offending.frailty_variance").timing == LeverTiming::Restart);
  CHECK(pw::lever_rule("population.second_group_share").timing == LeverTiming::Restart);
  CHECK(pw::lever_rule("newmodel.anything").timing == LeverTiming::Restart);  // until a rule is added
  CHECK(pw::lever_rule("housing.stocks.vouchers_per_1000").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("labour.ban_the_box.enabled").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("labour.employers.record_check_share").timing == LeverTiming::Restart);
  CHECK(pw::lever_rule("labour.incentives.tax_credit_takeup").timing == LeverTiming::Restart);
  CHECK(pw::lever_rule("programme[x].places_per_1000").timing == LeverTiming::Live);
  CHECK(pw::lever_rule("programme[x].places_per_1000", true).timing == LeverTiming::Restart);
  CHECK(pw::lever_rule("programme[x].kind").timing == LeverTiming::Restart);
}
