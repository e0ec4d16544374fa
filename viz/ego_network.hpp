// One person's ego network, taken out of the community network (ODD §7.19,
// models/network/network_graph.hpp) into a plain struct the person view draws,
// with a deterministic layout. No display: unit-tested in
// tests/viz/test_viewer_core.cpp.
//
// What it holds: the person (node 0, at the centre); one node per distinct
// vertex the person has a tie to (ring 1), and, when asked, the ties of the
// person's released peers (other released persons they are tied to) to
// vertices outside ring 1 (ring 2). Edges are ties as stored: a person's
// out-edges, so counts by type equal the graph's. A tie between two released
// persons is stored both ways in the graph and appears once here.
//
// Layout (unit disc, centre (0, 0), y down as on screen): ring-1 nodes on a
// circle, grouped by tie type in the order family, prosocial, mentor,
// co-worker, antisocial (a gap between groups), starting at the top and
// running clockwise; within a type, by the week the tie formed, then vertex
// id. Each ring-1 node has an angular slot (a released peer's slot widens
// with the number of its ring-2 nodes); a peer's ring-2 nodes sit on an outer
// circle in a fan inside the peer's slot, so positions never coincide.
// The same graph gives the same positions.
//
// When: live, on the runner's worker thread after each week's step (the graph
// as left by that week's batch); in replay, from a network snapshot.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/network/network_graph.hpp"

namespace pw {
class Simulation;
}

namespace pw::viz {

// One stored tie, as read from the graph or a snapshot.
struct TieRecord {
  std::uint32_t target = 0;
  TieType type = TieType::Family;
  float strength = 1;
  std::int16_t formed_week = -1;  // -1: at release
};

struct EgoNode {
  std::uint32_t vertex = 0;  // graph vertex (< people: a released person, vertex id = person id)
  NodeKind kind = NodeKind::Released;
  std::uint16_t neighbourhood = 0;
  int ring = 0;        // 0 the person, 1 tied to the person, 2 tied to a released peer only
  float x = 0, y = 0;  // layout in the unit disc
  [[nodiscard]] bool released() const { return kind == NodeKind::Released; }
};

struct EgoEdge {
  int from = 0, to = 0;  // node indices
  TieType type = TieType::Family;
  float strength = 1;
  std::int16_t formed_week = -1;
  int ring = 1;  // 1: one of the person's ties; 2: a released peer's tie
};

struct EgoNetwork {
  bool valid = false;
  std::uint32_t person = 0;
  int week = -1;               // the ties as left by this week's batch (-1: at release)
  std::vector<EgoNode> nodes;  // nodes[0] is the person
  std::vector<EgoEdge> edges;
  std::array<int, kTieTypes> count{};       // the person's ties by type
  std::array<float, kTieTypes> strength{};  // their summed strengths by type
  int released_peers = 0;                   // distinct released persons in ring 1
  [[nodiscard]] int ties() const;
  // Antisocial strength over all strength, 0 with no ties (as TieSummary::antisocial_share).
  [[nodiscard]] float antisocial_share() const;
};

// Where the ties come from: `out_ties(v)` lists vertex v's stored ties and
// `node(v)` gives its kind and neighbourhood. Vertices below `people` are
// released persons.
struct TieSource {
  std::size_t people = 0;
  std::function<void(std::uint32_t, std::vector<TieRecord>&)> out_ties;
  std::function<NodeProps(std::uint32_t)> node;
};

// Extracts and lays out the ego network of `person` (a released person, < people).
EgoNetwork extract_ego(const TieSource& source, std::uint32_t person, bool second_ring, int week);
// From a live simulation (replicate's graph after its latest step).
EgoNetwork extract_ego(const Simulation& sim, std::uint32_t person, bool second_ring);

}  // namespace pw::viz
