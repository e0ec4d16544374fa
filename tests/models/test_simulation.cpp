// models/simulation: simulations own their state (no globals) and depend only on
// (parameters, seed, replicate), never on the thread count.
#include "models/reporting/person_table.hpp"
#include "tests/sim_support.hpp"

using pw::WeekCounts;
using pwt::Run;

namespace {

bool same_weekly(const pw::Simulation& a, const pw::Simulation& b) {
  if (a.weekly().size() != b.weekly().size()) return false;
  for (std::size_t t = 0; t < a.weekly().size(); ++t) {
    for (const auto& f : WeekCounts::kFields) {
      if (a.weekly()[t].*(f.member) != b.weekly()[t].*(f.member)) return false;
    }
  }
  return true;
}

// Every per-person column, compared value by value (floats bitwise through ==).
void require_same_persons(const pw::Simulation& a, const pw::Simulation& b) {
  const auto ca = pw::person_table(a), cb = pw::person_table(b);
  REQUIRE(ca.size() == cb.size());
  for (std::size_t k = 0; k < ca.size(); ++k) {
    INFO("column " << ca[k].name);
    REQUIRE(ca[k].name == cb[k].name);
    REQUIRE(ca[k].values == cb[k].values);
  }
}

}  // namespace

TEST_CASE("simulation: two simulations in one process, stepped alternately, agree exactly", "[determinism]") {
  const auto p = pwt::small_params(pwt::sized(10000, 5000), 104, 3141);
  Run a(p), b(p);
  while (!a.sim.finished()) {
    a.sim.step();
    b.sim.step();
  }
  CHECK(same_weekly(a.sim, b.sim));
  require_same_persons(a.sim, b.sim);
  // And a third, built after the others have finished.
  Run c(p);
  c.run();
  CHECK(same_weekly(a.sim, c.sim));
}

TEST_CASE("simulation: results do not depend on the thread count", "[determinism]") {
  const auto p = pwt::small_params(pwt::sized(20000, 10000), 104, 2718);
  Run one(p, 0, 1), three(p, 0, 3), four(p, 0, 4);
  one.run();
  three.run();
  four.run();
  CHECK(same_weekly(one.sim, three.sim));
  CHECK(same_weekly(one.sim, four.sim));
  require_same_persons(one.sim, three.sim);
  require_same_persons(one.sim, four.sim);
}

TEST_CASE("simulation: a different replicate or seed gives a different history", "[determinism]") {
  const auto p = pwt::small_params(5000, 52, 1618);
  Run r0(p, 0), r1(p, 1);
  r0.run();
  r1.run();
  CHECK_FALSE(same_weekly(r0.sim, r1.sim));
  // Not only the history: the cohort itself is redrawn.
  std::size_t same_age = 0;
  for (std::size_t i = 0; i < 5000; ++i) {
    same_age += r0.sim.population().age_at_release[i] == r1.sim.population().age_at_release[i];
  }
  CHECK(same_age < 50);

  auto q = p;
  q.run.seed = p.run.seed + 1;
  Run s(q, 0);
  s.run();
  CHECK_FALSE(same_weekly(r0.sim, s.sim));

  // A parameter change is a different history too (common random numbers do not hide it).
  auto c = p;
  c.justice.courts.conviction_probability = 0.2;
  Run rc(c, 0);
  rc.run();
  CHECK(rc.total(&WeekCounts::convictions) < r0.total(&WeekCounts::convictions));
  // ...but the cohort is the same: set-up draws are keyed by person, not by parameters.
  CHECK(rc.sim.population().age_at_release == r0.sim.population().age_at_release);
  CHECK(rc.sim.justice().frailty == r0.sim.justice().frailty);
}
