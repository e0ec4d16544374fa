// models/programmes: capacity, waiting lists, allocation order, effects only on
// participants, the risk principle through needs and peer contagion, and
// determinism of the allocation across thread counts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/sim_support.hpp"

namespace {
// `places` concurrent places in a cohort of `people`.
pw::ProgrammeSpec programme(const std::string& name, const std::string& kind, int places, int people, double weeks) {
  auto s = pw::with_defaults<pw::ProgrammeSpec>();
  s.name = name;
  s.kind = kind;
  s.places_per_1000 = pwt::per_1000(places, people);
  s.duration = weeks;
  s.uptake = 1.0;
  s.completion_probability = 1.0;
  return s;
}

pw::ModelParams quiet(int people, int weeks) { return pwt::community_only_params(people, weeks); }
}  // namespace

TEST_CASE("programmes: capacity is never exceeded and the queue drains as a queue should", "[programmes]") {
  const int capacity = 50, duration = 10, people = 500;
  auto p = quiet(people, 150);
  auto prog = programme("cbt", "cbt", capacity, people, duration);
  prog.priority = "random";
  p.programmes = {prog};
  pwt::Run r(p);
  r.run();
  std::int64_t enrolled = 0, wait_weeks = 0;
  for (const auto& week : r.sim.programme_weekly()) {
    const auto& c = week.by_programme.at(0);
    CHECK(c.active <= capacity);
    enrolled += c.enrolled;
    wait_weeks += c.wait_weeks_of_enrolled;
  }
  // Everyone joins the list in week 0; batch b of 50 starts after b x (duration + 1) weeks.
  REQUIRE(enrolled == people);
  const int batches = people / capacity;
  const double expected_mean_wait = (duration + 1.0) * (batches - 1) / 2.0;
  CHECK(static_cast<double>(wait_weeks) / enrolled == Approx(expected_mean_wait));
  // Everyone completed exactly once.
  const auto& st = r.sim.programmes().status(0);
  CHECK(std::count(st.begin(), st.end(), static_cast<std::uint8_t>(pw::ProgrammeStatus::Completed)) == people);
}

TEST_CASE("programmes: effects reach only participants", "[programmes]") {
  auto p = quiet(4000, 60);
  auto prog = programme("treat", "substance_use_treatment", 300, 4000, 8);
  prog.uptake = 0.5;
  p.programmes = {prog};
  pwt::Run with(p);
  with.run();
  auto q = p;
  q.programmes.clear();
  pwt::Run without(q);
  without.run();
  const auto& st = with.sim.programmes().status(0);
  std::size_t changed = 0, participants = 0;
  for (std::size_t i = 0; i < st.size(); ++i) {
    const bool took_part = st[i] == static_cast<std::uint8_t>(pw::ProgrammeStatus::Completed) ||
                           st[i] == static_cast<std::uint8_t>(pw::ProgrammeStatus::Dropped);
    const bool differs = with.sim.needs().substance_use[i] != without.sim.needs().substance_use[i];
    participants += took_part ? 1 : 0;
    if (!took_part) {
      INFO("person " << i);
      REQUIRE_FALSE(differs);
      REQUIRE(with.sim.justice().propensity[i] == without.sim.justice().propensity[i]);
    } else {
      changed += differs ? 1 : 0;
      CHECK(with.sim.needs().substance_use[i] <= without.sim.needs().substance_use[i]);
    }
  }
  CHECK(participants > 1000);
  CHECK(changed == participants);
}

TEST_CASE("programmes: risk-first serves the highest scores first", "[programmes]") {
  auto p = quiet(3000, 2);
  auto prog = programme("cbt", "cbt", 200, 3000, 20);
  prog.priority = "risk_first";
  p.programmes = {prog};
  pwt::Run r(p);
  r.run();
  const auto& st = r.sim.programmes().status(0);
  int lowest_in = 99, highest_out = -1;
  for (std::size_t i = 0; i < st.size(); ++i) {
    const int score = r.sim.risk().score[i];
    if (st[i] == static_cast<std::uint8_t>(pw::ProgrammeStatus::Active)) lowest_in = std::min(lowest_in, score);
    if (st[i] == static_cast<std::uint8_t>(pw::ProgrammeStatus::Waiting)) highest_out = std::max(highest_out, score);
  }
  CHECK(lowest_in >= highest_out);
}

TEST_CASE("programmes: the risk principle emerges from needs and peer contagion", "[programmes]") {
  // A pre-release CBT group open to everyone: high-risk completers lose more
  // antisocial thinking; low-risk ones, mixed with higher-need peers, gain some.
  auto p = quiet(20000, 1);
  auto prog = programme("cbt", "cbt", 20000, 20000, 12);
  prog.phase = "pre_release";
  prog.priority = "random";
  p.programmes = {prog};
  pwt::Run with(p);
  auto q = p;
  q.programmes.clear();
  pwt::Run without(q);
  double change[4] = {0, 0, 0, 0};
  int n[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < with.sim.population().size(); ++i) {
    const int level = with.sim.risk().level[i];
    change[level] += with.sim.needs().antisocial_cognition[i] - without.sim.needs().antisocial_cognition[i];
    ++n[level];
  }
  for (int k = 0; k < 4; ++k) change[k] /= std::max(1, n[k]);
  CHECK(change[3] < change[2]);
  CHECK(change[2] < change[1]);
  CHECK(change[1] < change[0]);
  // With no contagion, nobody is harmed.
  auto c = p;
  c.programme_kinds.peer_contagion = 0;
  pwt::Run clean(c);
  for (std::size_t i = 0; i < clean.sim.population().size(); ++i) {
    REQUIRE(clean.sim.needs().antisocial_cognition[i] <= without.sim.needs().antisocial_cognition[i]);
  }
}

TEST_CASE("programmes: allocation is identical across thread counts", "[programmes][determinism]") {
  auto p = pwt::small_params(8000, 80);
  auto a = programme("cbt", "cbt", 150, 8000, 11);
  a.uptake = 0.6;
  a.completion_probability = 0.7;
  auto b = programme("mh", "mental_health_treatment", 80, 8000, 16);
  b.priority = "need_first";
  b.completion_probability = 0.6;
  p.programmes = {a, b};
  pwt::Run one(p, 0, 1), two(p, 0, 2), four(p, 0, 4);
  one.run();
  two.run();
  four.run();
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(one.sim.programmes().status(k) == two.sim.programmes().status(k));
    CHECK(one.sim.programmes().status(k) == four.sim.programmes().status(k));
  }
  for (std::size_t t = 0; t < one.sim.weekly().size(); ++t) {
    REQUIRE(one.sim.weekly()[t].arrests == four.sim.weekly()[t].arrests);
    for (std::size_t k = 0; k < 2; ++k) {
      REQUIRE(one.sim.programme_weekly()[t].by_programme[k].enrolled ==
              four.sim.programme_weekly()[t].by_programme[k].enrolled);
    }
  }
}
