#include "viz/ego_network.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "models/simulation.hpp"

namespace pw::viz {

namespace {

constexpr float kRing1Alone = 0.85f;  // ring-1 radius without a second ring
constexpr float kRing1WithPeers = 0.55f;
constexpr float kRing2 = 0.97f;
constexpr float kFan = 0.8f;              // share of a peer's slot its ring-2 fan spans
constexpr float kFanUnitsPerNode = 0.4f;  // a peer's slot widens with its fan: units per ring-2 node

// Position of a type around the circle (family first, antisocial last, next to the released peers).
int type_rank(TieType t) {
  switch (t) {
    case TieType::Family:
      return 0;
    case TieType::Prosocial:
      return 1;
    case TieType::Mentor:
      return 2;
    case TieType::Coworker:
      return 3;
    case TieType::Antisocial:
      return 4;
  }
  return 5;
}

// Sort order of ties around the circle: type, released peers last within it, week formed, vertex.
bool tie_before(const TieRecord& a, const TieRecord& b, std::size_t people) {
  const bool pa = a.target < people, pb = b.target < people;
  if (type_rank(a.type) != type_rank(b.type)) return type_rank(a.type) < type_rank(b.type);
  if (pa != pb) return pb;
  if (a.formed_week != b.formed_week) return a.formed_week < b.formed_week;
  return a.target < b.target;
}

}  // namespace

int EgoNetwork::ties() const {
  int n = 0;
  for (int c : count) n += c;
  return n;
}

float EgoNetwork::antisocial_share() const {
  float total = 0;
  for (float s : strength) total += s;
  return total > 0 ? strength[static_cast<std::size_t>(TieType::Antisocial)] / total : 0.0f;
}

EgoNetwork extract_ego(const TieSource& source, std::uint32_t person, bool second_ring, int week) {
  EgoNetwork ego;
  ego.person = person;
  ego.week = week;
  if (person >= source.people) return ego;
  ego.valid = true;
  const NodeProps centre = source.node(person);
  ego.nodes.push_back({person, centre.kind, centre.neighbourhood, 0, 0, 0});

  std::vector<TieRecord> own;
  source.out_ties(person, own);
  std::stable_sort(own.begin(), own.end(),
                   [&](const TieRecord& a, const TieRecord& b) { return tie_before(a, b, source.people); });
  std::unordered_map<std::uint32_t, int> index;  // vertex -> node
  index[person] = 0;
  // Ring 1: one node per distinct vertex, in the order of its first tie.
  std::vector<int> group_of_node;  // type rank of the node's first tie
  for (const auto& t : own) {
    const auto ti = static_cast<std::size_t>(t.type);
    ++ego.count[ti];
    ego.strength[ti] += t.strength;
    auto [it, fresh] = index.try_emplace(t.target, static_cast<int>(ego.nodes.size()));
    if (fresh) {
      const NodeProps p = source.node(t.target);
      ego.nodes.push_back({t.target, p.kind, p.neighbourhood, 1, 0, 0});
      group_of_node.push_back(type_rank(t.type));
      ego.released_peers += t.target < source.people;
    }
    ego.edges.push_back({0, it->second, t.type, t.strength, t.formed_week, 1});
  }

  // Ring 2: each released peer's own ties, in ring-1 order of the peers.
  const int ring1 = static_cast<int>(group_of_node.size());
  const bool with_peers = second_ring && ego.released_peers > 0;
  std::vector<std::vector<int>> fan(ego.nodes.size());  // ring-2 nodes placed around ring-1 node k
  std::vector<TieRecord> theirs;
  for (int k = 1; k <= ring1 && with_peers; ++k) {
    const EgoNode peer = ego.nodes[static_cast<std::size_t>(k)];
    if (!peer.released()) continue;
    theirs.clear();
    source.out_ties(peer.vertex, theirs);
    std::stable_sort(theirs.begin(), theirs.end(),
                     [&](const TieRecord& a, const TieRecord& b) { return tie_before(a, b, source.people); });
    for (const auto& t : theirs) {
      if (t.target == person) continue;  // the tie to the person, already drawn
      const auto it = index.find(t.target);
      if (it != index.end()) {
        const EgoNode& other = ego.nodes[static_cast<std::size_t>(it->second)];
        // Between two of the person's peers the tie is stored both ways: keep one.
        if (other.ring == 1 && other.released() && other.vertex < peer.vertex) continue;
        ego.edges.push_back({k, it->second, t.type, t.strength, t.formed_week, 2});
        continue;
      }
      const NodeProps p = source.node(t.target);
      const int n = static_cast<int>(ego.nodes.size());
      index.emplace(t.target, n);
      ego.nodes.push_back({t.target, p.kind, p.neighbourhood, 2, 0, 0});
      fan[static_cast<std::size_t>(k)].push_back(n);
      ego.edges.push_back({k, n, t.type, t.strength, t.formed_week, 2});
    }
  }

  // Slots around the circle: one unit per ring-1 node (a peer with a large fan
  // gets more), and one empty unit between two groups.
  auto new_group = [&](int k) {
    return k > 0 && group_of_node[static_cast<std::size_t>(k)] != group_of_node[static_cast<std::size_t>(k - 1)];
  };
  std::vector<float> width(static_cast<std::size_t>(ring1), 1.0f);
  float units = 0;
  for (int k = 0; k < ring1; ++k) {
    const auto m = static_cast<float>(fan[static_cast<std::size_t>(k + 1)].size());
    width[static_cast<std::size_t>(k)] = std::max(1.0f, kFanUnitsPerNode * m);
    units += width[static_cast<std::size_t>(k)] + (new_group(k) ? 1.0f : 0.0f);
  }
  const bool gaps = ring1 > 0 && group_of_node.front() != group_of_node.back();
  if (gaps) units += 1;  // the gap between the last group and the first
  const float unit = units > 0 ? 2 * std::numbers::pi_v<float> / units : 0;
  const float r1 = with_peers ? kRing1WithPeers : kRing1Alone;
  float at = -std::numbers::pi_v<float> / 2;  // the top, running clockwise (y down)
  if (gaps) at += 0.5f * unit;
  for (int k = 0; k < ring1; ++k) {
    if (new_group(k)) at += unit;
    const float w = width[static_cast<std::size_t>(k)] * unit;
    const float a = at + 0.5f * w;
    auto& node = ego.nodes[static_cast<std::size_t>(k + 1)];
    node.x = r1 * std::cos(a);
    node.y = r1 * std::sin(a);
    const auto& f = fan[static_cast<std::size_t>(k + 1)];
    const auto m = static_cast<float>(f.size());
    for (std::size_t j = 0; j < f.size(); ++j) {
      const float b = a + w * kFan * ((static_cast<float>(j) + 0.5f) / m - 0.5f);
      auto& outer = ego.nodes[static_cast<std::size_t>(f[j])];
      outer.x = kRing2 * std::cos(b);
      outer.y = kRing2 * std::sin(b);
    }
    at += w;
  }
  return ego;
}

EgoNetwork extract_ego(const Simulation& sim, std::uint32_t person, bool second_ring) {
  const NetworkGraph& g = sim.network().graph();
  TieSource source;
  source.people = sim.population().size();
  source.out_ties = [&g](std::uint32_t v, std::vector<TieRecord>& out) {
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const TieProps& t = g[*e];
      out.push_back({static_cast<std::uint32_t>(boost::target(*e, g)), t.type, t.strength, t.formed_week});
    }
  };
  source.node = [&g](std::uint32_t v) { return g[v]; };
  return extract_ego(source, person, second_ring, sim.week() - 1);
}

}  // namespace pw::viz
