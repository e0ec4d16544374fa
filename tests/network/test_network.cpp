// The community network (models/network): graph invariants, determinism
// across thread counts, the configured tie dynamics and mentor pool, and the
// network's multiplier of offending.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <tuple>

#include "tests/sim_support.hpp"

using pw::NodeKind;
using pw::TieType;
using pwt::Run;

namespace {
constexpr auto kCommunity = static_cast<std::uint8_t>(pw::Custody::Community);

using Edge = std::tuple<std::size_t, std::size_t, int, float, int>;

std::vector<Edge> edges(const pw::NetworkGraph& g) {
  std::vector<Edge> out;
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const auto& t = g[*e];
      out.emplace_back(v, boost::target(*e, g), static_cast<int>(t.type), t.strength, t.formed_week);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// No self-ties, no repeated ties, community members have no out-edges, ties
// between released persons are symmetric and antisocial, and the summary
// matches the graph.
void check_graph_invariants(const pw::Simulation& sim) {
  const auto& g = sim.network().graph();
  const auto& summary = sim.network().summary();
  const std::size_t n = sim.population().size();
  std::int64_t released_pairs = 0;
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    if (v >= n) {
      REQUIRE(boost::out_degree(v, g) == 0);
      REQUIRE(g[v].kind != NodeKind::Released);
      continue;
    }
    std::vector<std::size_t> targets;
    std::array<int, pw::kTieTypes> count{};
    std::array<double, pw::kTieTypes> strength{};
    int released = 0;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const auto t = boost::target(*e, g);
      REQUIRE(t != v);
      targets.push_back(t);
      const auto& tie = g[*e];
      ++count[static_cast<std::size_t>(tie.type)];
      strength[static_cast<std::size_t>(tie.type)] += tie.strength;
      released += t < n ? 1 : 0;
      REQUIRE(tie.strength > 0.0f);
      REQUIRE(tie.strength <= 1.0f);
      if (t < n) {
        REQUIRE(tie.type == TieType::Antisocial);
        REQUIRE(boost::edge(t, v, g).second);  // symmetric
        ++released_pairs;
      }
    }
    std::sort(targets.begin(), targets.end());
    REQUIRE(std::adjacent_find(targets.begin(), targets.end()) == targets.end());
    // The summary is kept incrementally by the batch: it must equal the graph.
    for (std::size_t k = 0; k < pw::kTieTypes; ++k) {
      REQUIRE(summary.count[v][k] == count[k]);
      REQUIRE(summary.strength[v][k] == Approx(strength[k]).margin(1e-4));
    }
    REQUIRE(summary.released_peers[v] == released);
    REQUIRE(count[static_cast<int>(TieType::Coworker)] <= sim.params().network.dynamics.max_coworker_ties);
    REQUIRE(count[static_cast<int>(TieType::Mentor)] <= sim.params().network.mentors.volunteers_per_mentee);
    REQUIRE(count[static_cast<int>(TieType::Family)] <= 60);
  }
  CHECK(released_pairs % 2 == 0);
}
}  // namespace

TEST_CASE("network: graph invariants hold at release and after two years", "[network][invariants]") {
  auto p = pwt::small_params(pwt::sized(6000, 2000), 104, 41);
  p.network.mentors.volunteers_per_1000 = 40;
  p.network.mentors.volunteers_per_mentee = 2;
  Run r(p);
  check_graph_invariants(r.sim);
  const auto& g = r.sim.network().graph();
  std::int64_t released_ties = 0;
  for (std::size_t v = 0; v < r.sim.population().size(); ++v)
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      released_ties += boost::target(*e, g) < r.sim.population().size();
  CHECK(released_ties > 0);  // the configuration model paired some released peers
  r.run();
  check_graph_invariants(r.sim);
  CHECK(pwt::total(r.sim.weekly(), &pw::WeekCounts::mentor_matches) > 0);
}

TEST_CASE("network: the same seed builds and evolves the same network on 1 and 2 threads", "[network][determinism]") {
  auto p = pwt::small_params(pwt::sized(5000, 2000), 40, 42);
  p.network.mentors.volunteers_per_1000 = 20;
  Run one(p, 0, 1), two(p, 0, 2);
  one.run();
  two.run();
  CHECK(edges(one.sim.network().graph()) == edges(two.sim.network().graph()));
  CHECK(one.sim.network().summary().strength == two.sim.network().summary().strength);
  CHECK(one.sim.network().summary().peers_offended == two.sim.network().summary().peers_offended);
}

TEST_CASE("network: antisocial ties fade and form at the configured weekly rates", "[network][stats]") {
  auto p = pwt::small_params(pwt::sized(8000, 3000), 20, 43);
  auto& d = p.network.dynamics;
  d.antisocial_decay = 0.05;
  d.antisocial_formation = 0.04;
  d.decay_work_factor = d.decay_treatment_factor = d.decay_away_factor = 1;
  d.formation_idle_factor = d.formation_home_factor = 1;
  Run r(p);
  r.run();
  // Event clocks: fading is a Poisson process of intensity ties x -ln(1 - p)
  // per week, formation one of intensity antisocial_formation per person in
  // the community; the totals over the run are Poisson.
  double faded = 0, faded_expected = 0, formed = 0, formed_expected = 0;
  const double h = -std::log1p(-d.antisocial_decay);
  for (const auto& w : r.sim.weekly()) {
    // The census counts the ties each person in the community had when the week's changes were decided.
    faded += static_cast<double>(w.antisocial_ties_faded);
    faded_expected += h * static_cast<double>(w.antisocial_ties);
    formed += static_cast<double>(w.antisocial_ties_formed);
    formed_expected += d.antisocial_formation * static_cast<double>(w.in_community);
  }
  const double faded_var = faded_expected, formed_var = formed_expected;
  pwt::check_within_se("antisocial ties faded", faded, faded_expected, std::sqrt(faded_var));
  pwt::check_within_se("antisocial ties formed", formed, formed_expected, std::sqrt(formed_var));
}

TEST_CASE("network: work speeds the fading of antisocial ties by its factor", "[network][stats]") {
  auto p = pwt::small_params(pwt::sized(8000, 3000), 30, 44);
  auto& d = p.network.dynamics;
  d.antisocial_decay = 0.03;
  d.decay_work_factor = 3;
  d.decay_treatment_factor = d.decay_away_factor = 1;
  d.antisocial_formation = 0;                 // only fading changes the count
  p.network.initial.released_peer_share = 0;  // and only the person's own decision
  Run r(p);
  double expected = 0, var = 0;
  std::int64_t observed = 0, worker_ties = 0;
  for (int t = 0; t < 30; ++t) {
    const auto before = r.sim.network().summary().count;
    r.sim.step();  // week t decides from `working` of week t, set by that week's labour phase
    const auto& now = r.sim.network().summary().count;
    const auto& ls = r.sim.labour().state();
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (r.sim.justice().custody[i] != kCommunity) continue;
      const int k = before[i][static_cast<int>(TieType::Antisocial)];
      const double rate = -std::log1p(-d.antisocial_decay * (ls.working[i] ? d.decay_work_factor : 1.0));
      expected += k * rate;
      var += k * rate;  // Poisson (event clocks)
      worker_ties += ls.working[i] ? k : 0;
      observed += k - now[i][static_cast<int>(TieType::Antisocial)];
    }
  }
  REQUIRE(worker_ties > 10000);
  pwt::check_within_se("antisocial ties faded, workers at 3x", static_cast<double>(observed), expected, std::sqrt(var));
}

TEST_CASE("network: no hiring means no co-worker ties; no volunteers means no mentors", "[network][invariants]") {
  auto p = pwt::small_params(pwt::sized(4000, 1500), 52, 45);
  p.labour.employers.positions_per_person = 0.0;
  Run r(p);
  r.run();
  for (const auto& w : r.sim.weekly()) {
    REQUIRE(w.coworker_ties == 0);
    REQUIRE(w.mentored == 0);
    REQUIRE(w.mentor_matches == 0);
  }
}

TEST_CASE("network: mentors never exceed the volunteer pool, go to the eligible, highest risk first",
          "[network][invariants]") {
  auto p = pwt::small_params(pwt::sized(6000, 2000), 60, 46);
  p.network.mentors.volunteers_per_1000 = 30;  // 180 volunteers at 6000 people
  p.network.mentors.volunteers_per_mentee = 3;
  p.network.mentors.min_risk = "high";
  Run r(p);
  const auto places = r.sim.network().mentor_places();
  REQUIRE(places == std::llround(30.0 * p.run.people / 1000.0) / 3);
  r.sim.step();
  // Week 0: everyone is within the intake window; places are scarce, so the
  // matched have the highest risk scores among the eligible in the community.
  const auto& risk = r.sim.risk();
  const auto& until = r.sim.network().mentor_until();
  int min_matched = 99, max_unmatched = -1;
  std::int64_t matched = 0;
  for (std::size_t i = 0; i < until.size(); ++i) {
    if (risk.level[i] < static_cast<std::uint8_t>(pw::RiskLevel::High)) {
      REQUIRE(until[i] == pw::kNever);
      continue;
    }
    if (until[i] != pw::kNever) {
      min_matched = std::min<int>(min_matched, risk.score[i]);
      ++matched;
    } else if (r.sim.justice().custody[i] == kCommunity) {
      max_unmatched = std::max<int>(max_unmatched, risk.score[i]);
    }
  }
  REQUIRE(matched == places);
  CHECK(min_matched >= max_unmatched);
  while (!r.sim.finished()) {
    r.sim.step();
    REQUIRE(r.sim.network().mentees() <= places);
    REQUIRE(r.sim.weekly().back().mentored <= places);
  }
}

TEST_CASE("network: mentoring lasts the configured mean duration (geometric)", "[network][stats]") {
  auto p = pwt::small_params(pwt::sized(6000, 2000), 2, 47);
  p.network.mentors.volunteers_per_1000 = 1000;  // a volunteer for everyone
  p.network.mentors.min_risk = "low";
  p.network.mentors.mean_duration = 20;
  Run r(p);
  r.sim.step();  // week 0: matches start in week 1
  const auto& until = r.sim.network().mentor_until();
  double sum = 0;
  std::int64_t n = 0;
  for (const auto u : until) {
    if (u == pw::kNever) continue;
    sum += u - 1;  // weeks from the start (week 1)
    ++n;
  }
  REQUIRE(n > 1000);
  const double m = p.network.mentors.mean_duration;
  pwt::check_within_se("mean mentoring duration", sum / static_cast<double>(n), m,
                       std::sqrt(m * (m - 1) / static_cast<double>(n)));
}

TEST_CASE("network: offending multiplier follows antisocial share, mentors and co-offending peers",
          "[network][invariants]") {
  auto p = pwt::small_params(pwt::sized(5000, 2000), 12, 48);
  pwt::no_situation_effects(p);
  p.network.influence.antisocial_effect = 1.2;
  p.network.influence.co_offending_effect = 0.4;
  p.network.mentors.offending_effect = -0.5;
  p.network.mentors.volunteers_per_1000 = 100;
  Run r(p);
  for (int t = 0; t < 12; ++t) r.sim.step();
  const auto& sit = r.sim.situation().offending;
  const auto& summary = r.sim.network().summary();
  // With no work or housing effects the multiplier is a function of the summary
  // alone: compute it from the summary left by week 11's batch, then run week 12.
  std::vector<float> expected(summary.size());
  const auto& in = p.network.influence;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    const double share = std::round(summary.antisocial_share(i) * 1024.0) / 1024.0;
    expected[i] = static_cast<float>(
        std::exp(in.antisocial_effect * (share - in.reference_share)) *
        (summary.mentored(i) ? std::exp(p.network.mentors.offending_effect) : 1.0) *
        std::exp(in.co_offending_effect * std::min<int>(summary.peers_offended[i], in.co_offending_cap)));
  }
  const auto peers = summary.peers_offended;
  r.sim.step();  // week 12's situation reads exactly the summary used above
  int with_peers = 0, checked = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (r.sim.justice().custody[i] != kCommunity) continue;
    CHECK(sit[i] == Approx(expected[i]).epsilon(1e-5));
    with_peers += peers[i] > 0;
    ++checked;
  }
  CHECK(checked > 1000);
  CHECK(r.sim.network().mentees() > 0);
  CHECK(with_peers > 0);
}

TEST_CASE("network: family ties weaken only with an admission to prison", "[network][invariants]") {
  auto p = pwt::small_params(pwt::sized(5000, 2000), 104, 49);
  Run r(p);
  r.run();
  const auto& g = r.sim.network().graph();
  const auto& js = r.sim.justice();
  std::int64_t weakened = 0;
  for (std::size_t i = 0; i < r.sim.population().size(); ++i) {
    for (auto [e, end] = boost::out_edges(i, g); e != end; ++e) {
      const auto& t = g[*e];
      if (t.type != TieType::Family) continue;
      if (js.first_admission_week[i] == pw::kNever) {
        REQUIRE(t.strength == 1.0f);
      } else {
        REQUIRE(t.strength < 1.0f);
        ++weakened;
      }
    }
  }
  CHECK(weakened > 0);
}
