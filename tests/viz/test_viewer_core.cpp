// viz/ core (no display): the live runner gives exactly the numbers of a plain
// Simulation with the same seed (also after a lever change at week w), two
// runners on one seed share their random numbers, restart levers apply at
// reset, replay reads back what `pathways run` wrote, the plot arithmetic, and
// the ego network (extraction from the graph, layout, live and from snapshots).
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <set>
#include <thread>

#include "models/simulation.hpp"
#include "sim/engine/core/parallel.hpp"
#include "viz/assignment.hpp"
#include "viz/ego_network.hpp"
#include "viz/network_snapshot.hpp"
#include "viz/plot.hpp"
#include "viz/replay_reader.hpp"
#include "viz/sim_runner.hpp"

namespace {

constexpr int kPeople = 2000, kWeeks = 40;

pw::LoadedScenario small_baseline() {
  return pw::load_scenario(
      std::string(PATHWAYS_SOURCE_DIR) + "/scenarios/baseline.toml",
      {"simulation.people=" + std::to_string(kPeople), "simulation.horizon=" + std::to_string(kWeeks) + "w"});
}

pw::viz::RunnerConfig config(const pw::LoadedScenario& s, int reps) {
  auto profile = std::make_shared<const pw::PopulationProfile>(pw::read_profile(s.params.population.profile_file));
  return {s, profile, reps, 2};
}

// Weekly in-prison stock and cumulative % ever arrested of a plain Simulation.
struct Direct {
  std::vector<float> in_prison, ever_arrested_pct;
};
Direct direct_run(const pw::ModelParams& p, std::uint32_t replicate, int change_week = -1, const std::string& path = "",
                  const pw::ParamValue& value = 0.0) {
  pw::Parallel par(1);
  const auto profile = pw::read_profile(p.population.profile_file);
  pw::Simulation sim(p, profile, replicate, par);
  Direct d;
  while (!sim.finished()) {
    if (sim.week() == change_week) sim.set_parameter(path, value);
    const auto c = sim.step();
    d.in_prison.push_back(static_cast<float>(c.in_prison));
    long long ever = 0;
    for (auto w : sim.justice().first_arrest_week) ever += w != pw::kNever;
    d.ever_arrested_pct.push_back(static_cast<float>(100.0 * static_cast<double>(ever) / kPeople));
  }
  return d;
}

std::vector<float> series(const pw::viz::RunData& d, std::size_t replicate, const std::string& key) {
  const int s = d.series_index(key);
  REQUIRE(s >= 0);
  return d.values.at(replicate).at(static_cast<std::size_t>(s));
}

}  // namespace

TEST_CASE("viewer runner: each replicate equals a plain simulation with the same seed", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner runner(config(s, 2));
  runner.advance_to(kWeeks);
  pw::viz::RunData data;
  REQUIRE(runner.copy_if_newer(data));
  REQUIRE(data.weeks_done == kWeeks);
  for (std::uint32_t r = 0; r < 2; ++r) {
    const Direct d = direct_run(s.params, r);
    CHECK(series(data, r, "in_prison") == d.in_prison);
    const auto cum = series(data, r, "cum_arrest");
    for (int t = 0; t < kWeeks; ++t)
      CHECK(cum[static_cast<std::size_t>(t)] == Approx(d.ever_arrested_pct[static_cast<std::size_t>(t)]));
  }
  // The replicates differ (they are independent cohorts).
  CHECK(series(data, 0, "in_prison") != series(data, 1, "in_prison"));
}

TEST_CASE("viewer runner: a live lever at week w equals Simulation::set_parameter at week w", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner runner(config(s, 1));
  runner.advance_to(12);
  CHECK(runner.change("justice.courts.prison_given_conviction", 0.95, "prison 95%").empty());
  runner.advance_to(kWeeks);
  pw::viz::RunData data;
  runner.copy_if_newer(data);
  const Direct d = direct_run(s.params, 0, 12, "justice.courts.prison_given_conviction", 0.95);
  CHECK(series(data, 0, "in_prison") == d.in_prison);
  REQUIRE(data.events.size() == 1);
  CHECK(data.events[0].week == 12);
  CHECK(data.events[0].label == "prison 95%");
  // And it did change something after week 12, but nothing before.
  const Direct base = direct_run(s.params, 0);
  CHECK(std::equal(base.in_prison.begin(), base.in_prison.begin() + 12, d.in_prison.begin()));
  CHECK(base.in_prison != d.in_prison);
}

TEST_CASE("viewer runner: two runners on one seed share their random numbers (A/B)", "[viz]") {
  // B differs from A only in a price: with common random numbers every behavioural series
  // (same cohort, same draws) is identical week by week, and only the cost series differ.
  // With another seed, B's behaviour differs: the equality is not a property of the scenario.
  const auto s = small_baseline();
  auto s_b = s;
  s_b.params.costs.prison_bed_week *= 2;
  pw::viz::SimRunner a(config(s, 2)), b(config(s_b, 2));
  a.advance_to(kWeeks);
  b.advance_to(kWeeks);
  pw::viz::RunData da, db;
  a.copy_if_newer(da);
  b.copy_if_newer(db);
  for (std::uint32_t r = 0; r < 2; ++r) {
    CHECK(series(da, r, "in_prison") == series(db, r, "in_prison"));
    CHECK(series(da, r, "cum_arrest") == series(db, r, "cum_arrest"));
    CHECK(series(da, r, "cost_total") != series(db, r, "cost_total"));
  }
  auto s_c = s;
  s_c.params.run.seed += 1;
  pw::viz::SimRunner c(config(s_c, 2));
  c.advance_to(kWeeks);
  pw::viz::RunData dc;
  c.copy_if_newer(dc);
  CHECK(series(da, 0, "in_prison") != series(dc, 0, "in_prison"));
}

TEST_CASE("viewer runner: set-up levers wait for the reset; bad values are refused", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner runner(config(s, 1));
  runner.wait_built();
  CHECK_THAT(runner.change("justice.courts.conviction_probability", 1.7, ""),
             Catch::Contains("outside the accepted range"));
  CHECK_THAT(runner.change("justice.courts.nope", 0.5, ""), Catch::Contains("unknown parameter"));
  CHECK(runner.change("justice.offending.base_rate", 0.2, "").empty());
  CHECK(runner.status().restart_pending);
  runner.reset(s.params.run.seed);
  runner.advance_to(kWeeks);
  pw::viz::RunData data;
  runner.copy_if_newer(data);
  auto p = s.params;
  p.justice.offending.base_rate = 0.2;
  CHECK(series(data, 0, "in_prison") == direct_run(p, 0).in_prison);
  CHECK_FALSE(runner.status().restart_pending);
  CHECK(data.events.empty());
}

TEST_CASE("viewer replay: reads back what pathways run wrote", "[viz]") {
  const auto dir = std::filesystem::temp_directory_path() / "pathways-viz-test";
  std::filesystem::create_directories(dir);
  pw::RunOptions o;
  o.scenario = std::string(PATHWAYS_SOURCE_DIR) + "/scenarios/baseline.toml";
  o.output = dir / "replay.h5";
  o.sets = {"simulation.people=" + std::to_string(kPeople), "simulation.horizon=" + std::to_string(kWeeks) + "w",
            "simulation.replicates=2"};
  o.threads = 1;
  o.persons = pw::PersonsOutput::None;
  pw::run_scenario(o);
  const auto runs = pw::viz::read_results_file(o.output);
  REQUIRE(runs.size() == 1);
  const auto& r = runs[0];
  CHECK(r.name == "baseline");
  CHECK(r.replicates == 2);
  CHECK(r.weeks_done == kWeeks);
  const auto s = small_baseline();
  pw::viz::SimRunner live(config(s, 2));
  live.advance_to(kWeeks);
  pw::viz::RunData data;
  live.copy_if_newer(data);
  for (std::size_t rep = 0; rep < 2; ++rep) {
    CHECK(series(r, rep, "in_prison") == series(data, rep, "in_prison"));
    // Cumulative arrest: equal at every month end (week round(52 m / 12) - 1).
    const auto a = series(r, rep, "cum_arrest"), b = series(data, rep, "cum_arrest");
    for (int m = 1; m * 52 / 12 <= kWeeks; ++m) {
      const auto t = static_cast<std::size_t>(std::lround(52.0 * m / 12.0) - 1);
      if (t < a.size()) CHECK(a[t] == Approx(b[t]).epsilon(1e-5));
    }
    const auto ca = series(r, rep, "cost_total"), cb = series(data, rep, "cost_total");
    for (std::size_t t = 0; t < ca.size(); ++t) CHECK(ca[t] == Approx(cb[t]).epsilon(1e-5));
  }
  CHECK_THROWS_WITH(pw::viz::read_results_file(dir / "missing.h5"), Catch::Contains("no such results file"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("viewer replay: month ends spread over weeks", "[viz]") {
  const double months[3] = {10, 20, 30};  // month ends at weeks 4, 9, 13
  const auto w = pw::viz::months_to_weeks(months, 3, 16);
  REQUIRE(w.size() == 16);
  CHECK(w[3] == Approx(10));  // end of week 3 = 4 weeks after release
  CHECK(w[8] == Approx(20));
  CHECK(w[12] == Approx(30));
  CHECK(w[0] == Approx(2.5));  // linear from 0 at release
  CHECK(w[15] == Approx(30));  // held after the last month
  for (std::size_t t = 1; t < w.size(); ++t) CHECK(w[t] >= w[t - 1]);
}

TEST_CASE("viewer plot: nice ticks and compact labels", "[viz]") {
  CHECK(pw::viz::nice_ticks(0, 260, 5) == std::vector<double>{0, 50, 100, 150, 200, 250});
  CHECK(pw::viz::nice_ticks(-4.2, 0.3, 4) == std::vector<double>{-4, -3, -2, -1, 0});
  CHECK(pw::viz::tick_label(15000, 5000) == "15k");
  CHECK(pw::viz::tick_label(2500000, 500000) == "2.5M");
  CHECK(pw::viz::tick_label(0.25, 0.05) == "0.25");
  CHECK(pw::viz::tick_label(0, 5000) == "0");
}

TEST_CASE("viewer plot: a week-0 set-up spike is clipped off the y range, ordinary data is not", "[viz]") {
  pw::viz::PlotSpec spec;
  spec.x_max = 10;
  pw::viz::PlotLine cost;  // comprehensive-strategy's shape: 7.7 at week 0, then 4.5 to 5.0
  cost.mean = {7.7f, 5.0f, 4.8f, 4.7f, 4.6f, 4.5f};
  SECTION("without set-up weeks the spike sets the top") {
    const auto r = pw::viz::y_range(spec, {cost});
    CHECK(r.hi == Approx(7.7));
    CHECK_FALSE(r.clipped_top);
  }
  SECTION("with week 0 as set-up the range is the later weeks'") {
    spec.setup_weeks = 1;
    const auto r = pw::viz::y_range(spec, {cost});
    CHECK(r.clipped_top);
    CHECK_FALSE(r.clipped_bottom);
    CHECK(r.hi == Approx(5.0));
    CHECK(r.lo == Approx(4.5));
  }
  SECTION("a week-0 value within a quarter of the later span is kept") {
    spec.setup_weeks = 1;
    cost.mean[0] = 5.1f;  // 0.1 above the later top, span 0.5: margin 0.125
    const auto r = pw::viz::y_range(spec, {cost});
    CHECK_FALSE(r.clipped_top);
    CHECK(r.hi == Approx(5.1));
  }
  SECTION("a negative spike (B - A) is clipped at the bottom") {
    spec.setup_weeks = 1;
    pw::viz::PlotLine diff;
    diff.mean = {-3.0f, 0.2f, -0.1f, 0.1f, -0.2f};
    const auto r = pw::viz::y_range(spec, {diff});
    CHECK(r.clipped_bottom);
    CHECK(r.lo == Approx(-0.2));
  }
}

TEST_CASE("viewer plot: dashes are long enough to see on weekly data", "[viz]") {
  // A week is about 2-4 pixels wide in a chart; a dash must span several weeks.
  for (const float font : {16.0f, 20.0f, 27.0f, 36.0f}) {
    const auto d = pw::viz::dash_pattern(font);
    CHECK(d.dash >= 6);
    CHECK(d.gap >= 4);
    CHECK(d.dash >= font * 0.5f);
  }
}

TEST_CASE("viewer --b-set: values are converted like scenario files", "[viz]") {
  const auto s = small_baseline();
  std::string path;
  pw::ParamValue v;
  CHECK(pw::viz::parse_assignment(s.params, "justice.courts.term_median=2y", path, v).empty());
  CHECK(path == "justice.courts.term_median");
  CHECK(std::get<double>(v) == Approx(104));
  CHECK(pw::viz::parse_assignment(s.params, "justice.supervision.graduated_sanctions=true", path, v).empty());
  CHECK(std::get<bool>(v));
  CHECK(pw::viz::parse_assignment(s.params, "justice.courts.conviction_probability=45%", path, v).empty());
  CHECK(std::get<double>(v) == Approx(0.45));
  CHECK_THAT(pw::viz::parse_assignment(s.params, "justice.courts.term_median=12", path, v),
             Catch::Contains("missing unit"));
  CHECK_THAT(pw::viz::parse_assignment(s.params, "nope=1", path, v), Catch::Contains("unknown parameter"));
}

TEST_CASE("viewer person view: the recorded life course is the simulation's, week by week", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner runner(config(s, 1));
  runner.track_person(7);  // not in the every-50th sample: recorded from the week it is chosen (0 here)
  runner.advance_to(kWeeks);
  pw::Parallel par(1);
  const auto profile = pw::read_profile(s.params.population.profile_file);
  pw::Simulation sim(s.params, profile, 0, par);
  std::vector<std::vector<pw::viz::PersonWeek>> expected(2);
  while (!sim.finished()) {
    sim.step();
    expected[0].push_back(pw::viz::person_week(sim, 100));
    expected[1].push_back(pw::viz::person_week(sim, 7));
  }
  // The ties recorded are the network's summary, and they change over the weeks for some of the sample.
  CHECK(expected[0].back().ties == sim.network().summary().count[100]);
  int changed = 0;
  for (std::uint32_t i = 0; i < kPeople; i += 50) {
    changed += sim.network().summary().count[i] != sim.network().initial_ties()[i];
  }
  CHECK(changed > 0);
  const std::uint32_t ids[2] = {100, 7};
  for (int k = 0; k < 2; ++k) {
    pw::viz::PersonHistory h;
    REQUIRE(runner.person_history(ids[k], h));
    CHECK(h.first_week == 0);
    CHECK(h.facts.id == ids[k]);
    REQUIRE(h.weeks.size() == static_cast<std::size_t>(kWeeks));
    for (std::size_t t = 0; t < h.weeks.size(); ++t) {
      CHECK(h.weeks[t].custody == expected[static_cast<std::size_t>(k)][t].custody);
      CHECK(h.weeks[t].arrests == expected[static_cast<std::size_t>(k)][t].arrests);
      CHECK(h.weeks[t].supervision == expected[static_cast<std::size_t>(k)][t].supervision);
      CHECK(h.weeks[t].ties == expected[static_cast<std::size_t>(k)][t].ties);
      CHECK(h.weeks[t].antisocial_share == expected[static_cast<std::size_t>(k)][t].antisocial_share);
    }
  }
  // The sample: every 50th person, with their own facts.
  const auto facts = runner.sample_facts();
  CHECK(facts.size() >= kPeople / 50);
  std::size_t distinct_ages = 0;
  for (std::size_t i = 1; i < facts.size(); ++i) distinct_ages += facts[i].age != facts[0].age;
  CHECK(distinct_ages > facts.size() / 2);
  CHECK_FALSE(runner.person_history(3, *std::make_unique<pw::viz::PersonHistory>()));
}

TEST_CASE("viewer runner: B started as a copy replays A's changes at their weeks and matches A", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner a(config(s, 2));
  a.advance_to(8);
  REQUIRE(a.change("justice.supervision.graduated_sanctions", true, "sanctions").empty());
  a.advance_to(20);
  pw::viz::RunData da;
  a.copy_if_newer(da);
  REQUIRE(da.events.size() == 1);
  CHECK(da.events[0].week == 8);
  // As App::start_b_as_copy does: A's built parameters, then A's changes scheduled at their weeks.
  auto sb = s;
  sb.params = a.built_params();
  pw::viz::SimRunner b(config(sb, 2));
  for (const auto& e : da.events) REQUIRE(b.change(e.path, e.value, e.label, e.week).empty());
  a.advance_to(kWeeks);
  b.advance_to(kWeeks);
  pw::viz::RunData db;
  a.copy_if_newer(da);
  b.copy_if_newer(db);
  CHECK(da.values == db.values);
  REQUIRE(db.events.size() == 1);
  CHECK(db.events[0].week == 8);
}

namespace {

// Nodes and edges of two ego networks are the same, positions included.
void check_same_ego(const pw::viz::EgoNetwork& a, const pw::viz::EgoNetwork& b) {
  CHECK(a.person == b.person);
  CHECK(a.count == b.count);
  REQUIRE(a.nodes.size() == b.nodes.size());
  for (std::size_t k = 0; k < a.nodes.size(); ++k) {
    CHECK(a.nodes[k].vertex == b.nodes[k].vertex);
    CHECK(a.nodes[k].kind == b.nodes[k].kind);
    CHECK(a.nodes[k].ring == b.nodes[k].ring);
    CHECK(a.nodes[k].x == b.nodes[k].x);
    CHECK(a.nodes[k].y == b.nodes[k].y);
  }
  REQUIRE(a.edges.size() == b.edges.size());
  for (std::size_t k = 0; k < a.edges.size(); ++k) {
    CHECK(a.edges[k].from == b.edges[k].from);
    CHECK(a.edges[k].to == b.edges[k].to);
    CHECK(a.edges[k].type == b.edges[k].type);
    CHECK(a.edges[k].strength == b.edges[k].strength);
    CHECK(a.edges[k].formed_week == b.edges[k].formed_week);
  }
}

// Finite, inside the unit disc, and no two nodes at the same place.
void check_layout(const pw::viz::EgoNetwork& e) {
  for (std::size_t k = 0; k < e.nodes.size(); ++k) {
    const auto& n = e.nodes[k];
    REQUIRE(std::isfinite(n.x));
    REQUIRE(std::isfinite(n.y));
    CHECK(std::hypot(n.x, n.y) <= 1.0001f);
    for (std::size_t j = 0; j < k; ++j) {
      CHECK(std::hypot(n.x - e.nodes[j].x, n.y - e.nodes[j].y) > 1e-3f);
    }
  }
}

}  // namespace

TEST_CASE("viewer ego network: a hand-made graph gives the expected rings, order and counts", "[viz]") {
  using pw::NodeKind;
  using pw::TieType;
  // Vertices 0-2 released; 3, 4 family; 5 an antisocial community member shared by 0 and 1; 6, 7 prosocial of 1.
  const std::vector<std::vector<pw::viz::TieRecord>> out = {{{1, TieType::Antisocial, 1, -1},
                                                             {5, TieType::Antisocial, 1, 12},
                                                             {4, TieType::Family, 0.75f, -1},
                                                             {3, TieType::Family, 1, -1}},
                                                            {{0, TieType::Antisocial, 1, -1},
                                                             {5, TieType::Antisocial, 1, 3},
                                                             {6, TieType::Prosocial, 1, -1},
                                                             {7, TieType::Prosocial, 1, -1},
                                                             {2, TieType::Antisocial, 1, -1}},
                                                            {{1, TieType::Antisocial, 1, -1}},
                                                            {},
                                                            {},
                                                            {},
                                                            {},
                                                            {}};
  const NodeKind kinds[] = {NodeKind::Released,      NodeKind::Released,     NodeKind::Released,
                            NodeKind::FamilyMember,  NodeKind::FamilyMember, NodeKind::AntisocialPeer,
                            NodeKind::ProsocialPeer, NodeKind::ProsocialPeer};
  pw::viz::TieSource src;
  src.people = 3;
  src.out_ties = [&](std::uint32_t v, std::vector<pw::viz::TieRecord>& o) {
    o.insert(o.end(), out[v].begin(), out[v].end());
  };
  src.node = [&](std::uint32_t v) { return pw::NodeProps{kinds[v], 1}; };

  const auto e = pw::viz::extract_ego(src, 0, true, 20);
  REQUIRE(e.valid);
  CHECK(e.week == 20);
  CHECK(e.count[0] == 2);  // family
  CHECK(e.count[2] == 2);  // antisocial
  CHECK(e.ties() == 4);
  CHECK(e.released_peers == 1);
  CHECK(e.strength[0] == Approx(1.75));
  CHECK(e.antisocial_share() == Approx(2.0 / 3.75));
  // Ring 1 in order: family (formed week, then vertex), then antisocial with the released peer last.
  REQUIRE(e.nodes.size() == 1 + 4 + 3);  // the person, 4 ties, peer 1's prosocial friends and peer 2
  CHECK(e.nodes[1].vertex == 3);
  CHECK(e.nodes[2].vertex == 4);
  CHECK(e.nodes[3].vertex == 5);
  CHECK(e.nodes[4].vertex == 1);
  for (int k = 1; k <= 4; ++k) CHECK(e.nodes[static_cast<std::size_t>(k)].ring == 1);
  // Ring 2: peer 1's ties other than to the person: the shared member (an edge, no new node), 6, 7 and peer 2.
  int ring2_edges = 0;
  for (const auto& edge : e.edges) {
    if (edge.ring != 2) continue;
    ++ring2_edges;
    CHECK(edge.from == 4);
  }
  CHECK(ring2_edges == 4);
  CHECK(e.nodes[5].ring == 2);
  CHECK(e.nodes[5].vertex == 6);  // prosocial before antisocial
  CHECK(e.nodes[7].vertex == 2);
  CHECK(e.nodes[7].released());
  check_layout(e);
  // The first node sits at the top (angles run clockwise from -90 degrees).
  CHECK(e.nodes[1].y < 0);
  // Without the second ring: only the person's ties.
  const auto near = pw::viz::extract_ego(src, 0, false, 20);
  CHECK(near.nodes.size() == 5);
  CHECK(near.edges.size() == 4);
  check_layout(near);
  // A person beyond the cohort: nothing.
  CHECK_FALSE(pw::viz::extract_ego(src, 3, true, 20).valid);
}

TEST_CASE("viewer ego network: matches the graph's out-edges, laid out deterministically", "[viz]") {
  const auto s = small_baseline();
  const auto profile = pw::read_profile(s.params.population.profile_file);
  pw::Parallel par1(1), par2(2);
  pw::Simulation sim(s.params, profile, 0, par1), twin(s.params, profile, 0, par2);
  for (int t = 0; t < 30; ++t) {
    sim.step();
    twin.step();
  }
  const auto& g = sim.network().graph();
  const auto& summary = sim.network().summary();
  int with_peers = 0;
  for (std::uint32_t id = 0; id < 400; ++id) {
    const auto e = pw::viz::extract_ego(sim, id, true);
    REQUIRE(e.valid);
    CHECK(e.week == 29);
    // Counts and strengths by type, and the distinct vertices, from the out-edges.
    std::array<int, pw::kTieTypes> count{};
    std::array<double, pw::kTieTypes> strength{};
    std::set<std::uint32_t> targets, peers;
    for (auto [it, end] = boost::out_edges(id, g); it != end; ++it) {
      const auto& tie = g[*it];
      ++count[static_cast<std::size_t>(tie.type)];
      strength[static_cast<std::size_t>(tie.type)] += tie.strength;
      const auto v = static_cast<std::uint32_t>(boost::target(*it, g));
      targets.insert(v);
      if (v < kPeople) peers.insert(v);
    }
    CHECK(e.count == count);
    for (std::size_t t = 0; t < pw::kTieTypes; ++t) {
      CHECK(e.strength[t] == Approx(strength[t]).margin(1e-5));
      CHECK(e.count[t] == summary.ties(id, static_cast<pw::TieType>(t)));
    }
    CHECK(e.antisocial_share() == Approx(summary.antisocial_share(id)).margin(1e-5));
    std::set<std::uint32_t> ring1;
    int ring1_edges = 0, expected_ring2 = 0, found_ring2 = 0;
    for (const auto& n : e.nodes) {
      if (n.ring == 1) ring1.insert(n.vertex);
    }
    CHECK(ring1 == targets);
    CHECK(e.released_peers == static_cast<int>(peers.size()));
    // Ring 2: every peer's tie except the one back to the person; a tie between two of the
    // person's peers once.
    for (auto p : peers) {
      for (auto [it, end] = boost::out_edges(p, g); it != end; ++it) {
        const auto v = static_cast<std::uint32_t>(boost::target(*it, g));
        if (v == id || (peers.count(v) != 0 && v < p)) continue;
        ++expected_ring2;
      }
    }
    for (const auto& edge : e.edges) {
      ring1_edges += edge.ring == 1;
      found_ring2 += edge.ring == 2;
      // Every edge is a tie of its source vertex, of its type.
      const auto from = e.nodes[static_cast<std::size_t>(edge.from)].vertex,
                 to = e.nodes[static_cast<std::size_t>(edge.to)].vertex;
      bool stored = false;
      for (auto [it, end] = boost::out_edges(from, g); it != end; ++it) {
        stored = stored || (boost::target(*it, g) == to && g[*it].type == edge.type);
      }
      CHECK(stored);
    }
    CHECK(ring1_edges == static_cast<int>(boost::out_degree(id, g)));
    CHECK(found_ring2 == expected_ring2);
    with_peers += !peers.empty();
    check_layout(e);
    // Deterministic: the same again, and the same from a twin run on another thread count.
    check_same_ego(e, pw::viz::extract_ego(sim, id, true));
    check_same_ego(e, pw::viz::extract_ego(twin, id, true));
  }
  CHECK(with_peers >= 20);  // about a third of people have a released peer (docs/network.md)
}

TEST_CASE("viewer ego network: follows the week (a job start adds a co-worker tie)", "[viz]") {
  const auto s = small_baseline();
  const auto profile = pw::read_profile(s.params.population.profile_file);
  pw::Parallel par(1);
  pw::Simulation sim(s.params, profile, 0, par);
  int starts = 0;
  for (int t = 0; t < kWeeks && starts < 20; ++t) {
    sim.step();
    const auto& l = sim.labour().state();
    for (std::uint32_t i = 0; i < kPeople && starts < 20; ++i) {
      // A job start in the community this week (the network model's own condition).
      if (l.job_start_week[i] != t || l.working[i] == 0 || l.employer[i] < 0 ||
          sim.justice().custody[i] != static_cast<std::uint8_t>(pw::Custody::Community)) {
        continue;
      }
      const auto e = pw::viz::extract_ego(sim, i, false);
      bool new_coworker = false;
      for (const auto& edge : e.edges)
        new_coworker = new_coworker || (edge.type == pw::TieType::Coworker && edge.formed_week == t);
      CHECK(new_coworker);
      CHECK(e.count[4] >= 1);
      ++starts;
    }
  }
  CHECK(starts == 20);
}

TEST_CASE("viewer runner: the ego network shown is replicate 0's at the current week", "[viz]") {
  const auto s = small_baseline();
  pw::viz::SimRunner runner(config(s, 1));
  runner.show_ego(50);
  runner.advance_to(12);
  const auto profile = pw::read_profile(s.params.population.profile_file);
  pw::Parallel par(1);
  pw::Simulation sim(s.params, profile, 0, par);
  for (int t = 0; t < 12; ++t) sim.step();
  // The worker extracts after the step; wait for it (at most a few seconds).
  pw::viz::EgoNetwork e;
  for (int tries = 0; tries < 500 && !(runner.ego_network(e) && e.week == 11 && e.person == 50); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(e.week == 11);
  check_same_ego(e, pw::viz::extract_ego(sim, 50, true));
  // Another person: extracted without a step.
  runner.show_ego(51);
  for (int tries = 0; tries < 500 && !(runner.ego_network(e) && e.person == 51); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(e.person == 51);
  check_same_ego(e, pw::viz::extract_ego(sim, 51, true));
}

TEST_CASE("viewer replay: the ego network from a network snapshot equals the live one", "[viz]") {
  const auto dir = std::filesystem::temp_directory_path() / "pathways-viz-ego-test";
  std::filesystem::create_directories(dir);
  pw::RunOptions o;
  o.scenario = std::string(PATHWAYS_SOURCE_DIR) + "/scenarios/baseline.toml";
  o.output = dir / "snap.h5";
  o.sets = {"simulation.people=" + std::to_string(kPeople), "simulation.horizon=" + std::to_string(kWeeks) + "w",
            "simulation.replicates=1", "network.output.snapshot_every=10w"};
  o.threads = 1;
  o.persons = pw::PersonsOutput::None;
  pw::run_scenario(o);
  const auto weeks = pw::viz::snapshot_weeks(o.output, "baseline");
  CHECK(weeks == std::vector<int>{9, 19, 29, 39});
  CHECK(pw::viz::snapshot_at_or_before(weeks, 25) == 19);
  CHECK(pw::viz::snapshot_at_or_before(weeks, 39) == 39);
  CHECK(pw::viz::snapshot_at_or_before(weeks, 8) == -1);
  const auto snap = pw::viz::read_network_snapshot(o.output, "baseline", 19, kPeople);
  CHECK(snap.week == 19);
  const auto p = small_baseline().params;
  const auto profile = pw::read_profile(p.population.profile_file);
  pw::Parallel par(1);
  pw::Simulation sim(p, profile, 0, par);
  for (int t = 0; t < 20; ++t) sim.step();
  for (std::uint32_t id = 0; id < 300; id += 7) {
    const auto live = pw::viz::extract_ego(sim, id, true);
    const auto replayed = pw::viz::extract_ego(snap.source(), id, true, snap.week);
    CHECK(replayed.week == live.week);
    check_same_ego(replayed, live);
  }
  CHECK_THROWS_WITH(pw::viz::read_network_snapshot(o.output, "baseline", 20, kPeople), Catch::Contains("week_20"));
  // A file without snapshots has none.
  o.output = dir / "plain.h5";
  o.sets.pop_back();
  pw::run_scenario(o);
  CHECK(pw::viz::snapshot_weeks(o.output, "baseline").empty());
  std::filesystem::remove_all(dir);
}
