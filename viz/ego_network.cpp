#include "viz/ego_network.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "models/simulation.hpp"

namespace pw::viz {

namespace {

constexpr float kRing1Alone = 0.85f;   // ring-1 radius without a second ring
constexpr float kRing1WithPeers = 0.55f;
constexpr float kRing2 = 0.97f;
constexpr float kFan = 0.8f;           // share of a peer's slot its ring-2 fan spans

// Position of a type around the circle (family first, antisocial last, next to the released peers).
int type_rank(TieType t) {
  switch (t) {
    case TieType::Family: return 0;
    case TieType::Prosocial: return 1;
    case TieType::Mentor: return 2;
    case TieType::Coworker: return 3;
    case TieType::Antisocial: return 4;
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

  // Slots around the circle: one per ring-1 node, plus one empty slot between two groups.
  const int ring1 = static_cast<int>(group_of_node.size());
  int groups = 0;
  for (int k = 0; k < ring1; ++k) groups += k == 0 || group_of_node[static_cast<std::size_t>(k)] != group_of_node[static_cast<std::size_t>(k - 1)];
  const int slots = ring1 + (groups > 1 ? groups : 0);
  const float slot = slots > 0 ? 2 * std::numbers::pi_v<float> / static_cast<float>(slots) : 0;
  const bool with_peers = second_ring && ego.released_peers > 0;
  const float r1 = with_peers ? kRing1WithPeers : kRing1Alone;
  std::vector<float> angle(ego.nodes.size(), 0);
  int s = 0;
  for (int k = 0; k < ring1; ++k) {
    if (k > 0 && groups > 1 && group_of_node[static_cast<std::size_t>(k)] != group_of_node[static_cast<std::size_t>(k - 1)]) ++s;
    const float a = -std::numbers::pi_v<float> / 2 + (static_cast<float>(s) + 0.5f) * slot;
    auto& node = ego.nodes[static_cast<std::size_t>(k + 1)];
    angle[static_cast<std::size_t>(k + 1)] = a;
    node.x = r1 * std::cos(a);
    node.y = r1 * std::sin(a);
    ++s;
  }
  if (!with_peers) return ego;

  // Ring 2: each released peer's own ties, in ring-1 order of the peers.
  std::vector<TieRecord> theirs;
  for (int k = 1; k <= ring1; ++k) {
    const EgoNode peer = ego.nodes[static_cast<std::size_t>(k)];
    if (!peer.released()) continue;
    theirs.clear();
    source.out_ties(peer.vertex, theirs);
    std::stable_sort(theirs.begin(), theirs.end(),
                     [&](const TieRecord& a, const TieRecord& b) { return tie_before(a, b, source.people); });
    std::vector<std::pair<int, TieRecord>> fresh_nodes;
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
      fresh_nodes.emplace_back(n, t);
      ego.edges.push_back({k, n, t.type, t.strength, t.formed_week, 2});
    }
    const auto m = static_cast<float>(fresh_nodes.size());
    for (std::size_t j = 0; j < fresh_nodes.size(); ++j) {
      const float a = angle[static_cast<std::size_t>(k)] + slot * kFan * ((static_cast<float>(j) + 0.5f) / m - 0.5f);
      auto& node = ego.nodes[static_cast<std::size_t>(fresh_nodes[j].first)];
      node.x = kRing2 * std::cos(a);
      node.y = kRing2 * std::sin(a);
    }
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
