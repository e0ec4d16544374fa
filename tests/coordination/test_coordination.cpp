// models/coordination: the delays to an ID, benefits and enrolment reproduce
// their configured geometric means; an interagency_coordination programme
// shortens them as declared; the consequences hold as invariants (no formal
// work and no voucher or public unit without an ID, no programme start
// without enrolment); benefits raise offending by the declared hazard ratio;
// and the results do not depend on the thread count.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/costs/costs.hpp"
#include "tests/sim_support.hpp"

using pw::kEntitlementBenefits;
using pw::kEntitlementEnrolment;
using pw::kEntitlementId;

namespace {
// Nobody offends or violates, so everyone stays in the community all along.
pw::ModelParams quiet(int people, int weeks, int seed) {
  auto p = pwt::small_params(people, weeks, seed);
  p.justice.offending.base_rate = 1e-9;
  p.justice.supervision.violation_rate = 0;
  return p;
}

pw::ProgrammeSpec coordination_programme(const std::string& phase, double places_per_1000, double weeks) {
  auto s = pw::with_defaults<pw::ProgrammeSpec>();
  s.name = "coordination";
  s.kind = "interagency_coordination";
  s.phase = phase;
  s.places_per_1000 = places_per_1000;
  s.duration = weeks;
  s.uptake = 1.0;
  s.completion_probability = 1.0;
  return s;
}

// Mean and standard error of the community weeks without entitlement k, over
// the persons released without it.
struct Delay {
  double mean = 0, se = 0;
  std::int64_t n = 0;
};
Delay delay_of(const pw::Simulation& sim, std::size_t k) {
  const auto& it = sim.coordination().item(k);
  double s = 0, ss = 0;
  std::int64_t n = 0;
  for (std::size_t i = 0; i < it.held.size(); ++i) {
    if (it.first_week[i] == 0) continue;  // held at release
    REQUIRE(it.held[i] == 1);             // everyone obtained it within the horizon
    const double w = it.weeks_without[i];
    s += w;
    ss += w * w;
    ++n;
  }
  Delay d;
  d.n = n;
  d.mean = s / static_cast<double>(n);
  d.se = std::sqrt((ss / static_cast<double>(n) - d.mean * d.mean) / static_cast<double>(n));
  return d;
}
}  // namespace

TEST_CASE("coordination: shares missing at release and mean delays reproduce their configured values",
          "[coordination][stats]") {
  auto p = quiet(pwt::sized(8000, 3000), 200, 61);
  auto& items = p.coordination.items;
  items[kEntitlementId] = {0.5, 6, 0};
  items[kEntitlementBenefits] = {0.64, 8, 0.25};
  items[kEntitlementEnrolment] = {0.9, 3, 0};
  pwt::Run r(p);
  r.run();
  const auto n = static_cast<std::int64_t>(r.sim.population().size());
  for (std::size_t k = 0; k < 3; ++k) {
    INFO(pw::kEntitlementNames[k]);
    const auto& q = items[k];
    const auto d = delay_of(r.sim, k);
    // Missing at release and not covered before release: (1 - before_release) x missing_at_release.
    pwt::check_proportion("missing at release", d.n, n, q.missing_at_release * (1 - q.before_release));
    // Geometric on {1, 2, ...} with mean m: standard deviation sqrt(1 - 1/m) m.
    const double sd = std::sqrt(1.0 - 1.0 / q.mean_delay) * q.mean_delay;
    pwt::check_within_se("mean weeks without", d.mean, q.mean_delay, sd / std::sqrt(static_cast<double>(d.n)));
  }
}

TEST_CASE("coordination: an interagency_coordination programme shortens the delays by its speed-up",
          "[coordination][stats][programmes]") {
  auto p = quiet(pwt::sized(6000, 2000), 150, 62);
  const double m = 10, speedup = 4;
  for (auto& q : p.coordination.items) q = {1.0, m, 0};
  p.coordination.programme_speedup = speedup;
  // Everyone joins the list in week 0 and starts in week 1, for longer than the follow-up.
  p.programmes = {coordination_programme("post_release", 1000, 200)};
  pwt::Run r(p);
  r.run();
  // Week 0 at the uncoordinated chance 1/m, then s/m per week: E = 1 + (1 - 1/m) m / s.
  const double q1 = speedup / m;
  const double expected = 1.0 + (1.0 - 1.0 / m) / q1;
  // Variance: the week-0 success is Bernoulli(1/m); otherwise 1 + Geometric(q1).
  const double p0 = 1.0 / m;
  const double e_later = 1.0 + 1.0 / q1, v_later = (1.0 - q1) / (q1 * q1);
  const double second = p0 * 1.0 + (1 - p0) * (v_later + e_later * e_later);
  const double sd = std::sqrt(second - expected * expected);
  for (std::size_t k = 0; k < 3; ++k) {
    INFO(pw::kEntitlementNames[k]);
    const auto d = delay_of(r.sim, k);
    REQUIRE(d.n == static_cast<std::int64_t>(r.sim.population().size()));
    pwt::check_within_se("mean weeks without, coordinated", d.mean, expected, sd / std::sqrt(static_cast<double>(d.n)));
  }
}

TEST_CASE("coordination: a completed pre-release coordination programme prepares everything before release",
          "[coordination][programmes]") {
  auto p = quiet(2000, 20, 63);
  for (auto& q : p.coordination.items) q = {1.0, 1e6, 0};
  p.programmes = {coordination_programme("pre_release", 1000, 4)};
  pwt::Run r(p);
  r.run();
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& it = r.sim.coordination().item(k);
    const auto& st = r.sim.programmes().status(0);
    for (std::size_t i = 0; i < it.held.size(); ++i) {
      const bool completed = st[i] == static_cast<std::uint8_t>(pw::ProgrammeStatus::Completed);
      REQUIRE(completed);
      REQUIRE(it.held[i] == 1);
      REQUIRE(it.first_week[i] == 0);
    }
  }
}

TEST_CASE(
    "coordination: without an ID nobody works formally or gets a voucher or public unit; issuing every ID "
    "before release leaves nobody without one",
    "[coordination][invariants]") {
  auto p = pwt::small_params(pwt::sized(5000, 2000), 104, 64);
  p.housing.stocks.vouchers_per_1000 = 50;
  p.housing.stocks.public_per_1000 = 50;
  p.housing.stocks.public_exclusion = "none";

  SECTION("everyone's ID delayed beyond the horizon") {
    p.coordination.items[kEntitlementId] = {1.0, 1e6, 0};
    pwt::Run r(p);
    const auto& working = r.sim.labour().state().working;
    const auto& coord = r.sim.coordination();
    std::int64_t employed = 0;
    while (!r.sim.finished()) {
      r.sim.step();
      for (std::size_t i = 0; i < working.size(); ++i) {
        if (coord.has_id(i)) continue;
        REQUIRE(working[i] != pw::kWorkedFormal);
        employed += working[i] != 0 ? 1 : 0;
      }
    }
    CHECK(r.total(&pw::WeekCounts::formal_earnings_usd) == 0);
    CHECK(r.total(&pw::WeekCounts::vouchers_issued) == 0);
    CHECK(r.total(&pw::WeekCounts::public_tenants) == 0);
    CHECK(r.total(&pw::WeekCounts::job_applications_without_id) > 0);
    CHECK(employed > 0);  // informal work goes on
    for (const auto& m : r.sim.monthly()) CHECK(m.at(0, pw::kCensusFormallyEmployed) == 0);
  }
  SECTION("every ID issued before release") {
    p.coordination.items[kEntitlementId] = {1.0, 1e6, 1.0};
    pwt::Run r(p);
    r.run();
    CHECK(r.total(&pw::WeekCounts::without_id) == 0);
    CHECK(r.total(&pw::WeekCounts::job_applications_without_id) == 0);
    for (std::size_t i = 0; i < r.sim.population().size(); ++i) REQUIRE(r.sim.coordination().has_id(i));
    CHECK(r.total(&pw::WeekCounts::formal_earnings_usd) > 0);
    CHECK(r.total(&pw::WeekCounts::vouchers_issued) > 0);
    for (const auto& m : r.sim.monthly()) CHECK(m.at(0, pw::kCensusHasId) == m.at(0, pw::kCensusCommunity));
  }
}

TEST_CASE("coordination: without enrolment a community programme cannot start; the coordination programme can",
          "[coordination][invariants][programmes]") {
  auto p = quiet(1500, 30, 65);
  p.coordination.items[kEntitlementEnrolment] = {1.0, 1e6, 0};
  auto cbt = coordination_programme("post_release", 1000, 8);  // a place for everyone
  cbt.name = "cbt";
  cbt.kind = "cbt";
  p.programmes = {cbt, coordination_programme("post_release", 1000, 8)};
  pwt::Run r(p);
  r.run();
  std::int64_t cbt_enrolled = 0, coord_enrolled = 0, cbt_waiting_end = 0;
  for (const auto& w : r.sim.programme_weekly()) {
    cbt_enrolled += w.by_programme.at(0).enrolled;
    coord_enrolled += w.by_programme.at(1).enrolled;
    cbt_waiting_end = w.by_programme.at(0).waiting;
  }
  CHECK(cbt_enrolled == 0);
  CHECK(cbt_waiting_end > 0);
  CHECK(coord_enrolled > 0);
}

TEST_CASE("coordination: without benefits the offending hazard is multiplied by exp(offending_effect)",
          "[coordination][stats]") {
  auto p = pwt::small_params(pwt::sized(6000, 2000), 52, 66);
  pwt::no_covariates(p);
  pwt::set_detection(p, 0);  // no arrests: everyone stays in the community
  p.justice.supervision.violation_rate = 0;
  p.justice.offending.base_rate = 0.01;
  p.coordination.benefits_offending_effect = std::log(2.0);
  p.coordination.items[kEntitlementBenefits] = {1.0, 1e6, 0};
  pwt::Run r(p);
  r.run();
  const double expected = 2.0 * 0.01 * static_cast<double>(r.sim.population().size()) * 52;
  pwt::check_within_se("offences without benefits", static_cast<double>(r.total(&pw::WeekCounts::offences)), expected,
                       std::sqrt(expected));
}

TEST_CASE("coordination: a release from prison loses benefits and enrolment again, never the ID",
          "[coordination][invariants]") {
  auto p = pwt::small_params(pwt::sized(6000, 2000), 104, 68);
  // Everything missing at every release, obtained after exactly one community week.
  for (auto& q : p.coordination.items) q = {1.0, 1, 0};
  pwt::Run r(p);
  r.run();
  // Weeks without: the ID only in the week of the index release; benefits and
  // enrolment also in the week of every later release from prison.
  const auto& c = r.sim.coordination();
  std::int64_t id = 0, benefits = 0, enrolment = 0, released_again = 0;
  for (std::size_t i = 0; i < r.sim.population().size(); ++i) {
    REQUIRE(c.item(kEntitlementId).weeks_without[i] <= 1);  // 0 if never in the community since
    id += c.item(kEntitlementId).weeks_without[i];
    benefits += c.item(kEntitlementBenefits).weeks_without[i];
    enrolment += c.item(kEntitlementEnrolment).weeks_without[i];
    released_again += r.sim.justice().returns_to_prison[i] > 0 ? 1 : 0;
  }
  CHECK(benefits > id + released_again / 2);
  CHECK(enrolment > id + released_again / 2);
  CHECK(r.total(&pw::WeekCounts::prison_admissions_new_sentence) > 0);
}

TEST_CASE("coordination: the levers' work is counted at each release and charged to the programmes category",
          "[coordination][costs]") {
  auto p = pwt::small_params(pwt::sized(8000, 3000), 104, 69);
  p.coordination.items[kEntitlementId] = {0.5, 6, 1.0};  // every missing ID issued before release
  p.coordination.items[kEntitlementBenefits] = {0.64, 8, 0.4};
  p.coordination.items[kEntitlementEnrolment] = {0.6, 6, 0.0};  // no in-reach
  pwt::Run r(p);
  r.run();
  const auto& w = r.sim.weekly();
  const auto n = static_cast<std::int64_t>(r.sim.population().size());
  pwt::check_proportion("IDs issued before the index release", w[0].ids_issued_before_release, n, 0.5);
  pwt::check_proportion("benefits filed before the index release", w[0].benefits_filed_before_release, n, 0.64 * 0.4);
  CHECK(r.total(&pw::WeekCounts::enrolled_before_release) == 0);
  // IDs are never lost, so they are issued only before the index release; benefits again at later releases.
  CHECK(r.total(&pw::WeekCounts::ids_issued_before_release) == w[0].ids_issued_before_release);
  CHECK(r.total(&pw::WeekCounts::benefits_filed_before_release) > w[0].benefits_filed_before_release);
  const auto costs = pw::compute_costs(w, p.costs);
  for (std::size_t t = 0; t < w.size(); ++t) {
    const double expected =
        static_cast<double>(w[t].ids_issued_before_release) * p.costs.id_issued_before_release +
        static_cast<double>(w[t].benefits_filed_before_release) * p.costs.benefits_filed_before_release;
    REQUIRE(costs.weekly[pw::kCostProgrammes][t] == Approx(expected));
  }
}

TEST_CASE("coordination: results are identical for 1 and 4 threads", "[coordination][determinism]") {
  auto p = pwt::small_params(3000, 60, 67);
  p.programmes = {coordination_programme("post_release", pwt::per_1000(200, 3000), 6)};
  p.coordination.items[kEntitlementId].before_release = 0.3;
  pwt::Run one(p, 0, 1), four(p, 0, 4);
  one.run();
  four.run();
  for (std::size_t t = 0; t < one.sim.weekly().size(); ++t) {
    for (const auto& f : pw::WeekCounts::kFields) {
      INFO(f.name << " week " << t);
      REQUIRE(one.sim.weekly()[t].*(f.member) == four.sim.weekly()[t].*(f.member));
    }
  }
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(one.sim.coordination().item(k).first_week == four.sim.coordination().item(k).first_week);
    CHECK(one.sim.coordination().item(k).weeks_without == four.sim.coordination().item(k).weeks_without);
  }
}
