// The community network as a graph (Boost.Graph), and the compact per-person
// summary of it that the weekly phases read.
//
// Nodes: vertex i < N is released person i; the vertices after them are
// community members: each person's own family members and prosocial friends,
// each neighbourhood's antisocial community members (shared by the released
// people who know them), volunteer mentors, and one node per workplace that
// stands for its co-workers.
//
// Ties carry a type and a strength (1 for a full family, prosocial or
// antisocial tie; family ties weaken with each admission to prison; a
// co-worker tie has network.dynamics.coworker_strength; a mentee's ties to
// their volunteers sum to 1). Ties are stored as out-edges of released
// persons: a tie between a person and a community member is one edge from the
// person; a tie between two released persons is a pair of edges, one in each
// direction, kept symmetric (tested). Community members have no out-edges.
//
// Only the network model changes the graph, in its batch after the per-person
// phases; the weekly hot loops read the TieSummary, which the batch updates
// with every tie it adds or removes, never the graph. Units: strengths are dimensionless,
// weeks are simulation weeks.
#pragma once

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pw {

enum class TieType : std::uint8_t { Family = 0, Prosocial = 1, Antisocial = 2, Mentor = 3, Coworker = 4 };
inline constexpr int kTieTypes = 5;
inline constexpr std::array<std::string_view, kTieTypes> kTieNames = {"family", "prosocial", "antisocial", "mentor",
                                                                      "coworker"};

enum class NodeKind : std::uint8_t {
  Released = 0,
  FamilyMember = 1,
  ProsocialPeer = 2,
  AntisocialPeer = 3,
  Mentor = 4,
  Workplace = 5,
};
inline constexpr std::array<std::string_view, 6> kNodeKindNames = {"released",   "family", "prosocial",
                                                                   "antisocial", "mentor", "workplace"};

struct NodeProps {
  NodeKind kind = NodeKind::Released;
  std::uint16_t neighbourhood = 0;
};

struct TieProps {
  TieType type = TieType::Family;
  float strength = 1.0f;
  std::int16_t formed_week = -1;  // -1: at release (set-up)
};

using NetworkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, NodeProps, TieProps>;
using NetworkVertex = boost::graph_traits<NetworkGraph>::vertex_descriptor;

// Per-person totals of the ties as they stood after the latest batch of changes.
struct TieSummary {
  std::vector<std::array<std::uint8_t, kTieTypes>> count;  // ties by type (capped at 255)
  std::vector<std::array<float, kTieTypes>> strength;      // summed strengths by type
  // Released peers (antisocial ties between released persons) who offended
  // in the week before; capped at 255.
  std::vector<std::uint8_t> peers_offended;
  // Antisocial ties to other released persons (capped at 255).
  std::vector<std::uint8_t> released_peers;

  [[nodiscard]] std::size_t size() const { return count.size(); }
  void resize(std::size_t n) {
    count.assign(n, {});
    strength.assign(n, {});
    peers_offended.assign(n, 0);
    released_peers.assign(n, 0);
  }
  [[nodiscard]] float of(std::size_t i, TieType t) const { return strength[i][static_cast<int>(t)]; }
  [[nodiscard]] int ties(std::size_t i, TieType t) const { return count[i][static_cast<int>(t)]; }
  // Strength of the ties that can refer to jobs or vouch for a person:
  // family, prosocial, mentor and co-worker.
  [[nodiscard]] float support(std::size_t i) const {
    const auto& s = strength[i];
    return s[0] + s[1] + s[3] + s[4];
  }
  [[nodiscard]] float family_support(std::size_t i) const { return strength[i][0]; }
  // Antisocial strength over all strength (0 with no ties).
  [[nodiscard]] float antisocial_share(std::size_t i) const {
    const auto& s = strength[i];
    const float total = s[0] + s[1] + s[2] + s[3] + s[4];
    return total > 0 ? s[2] / total : 0.0f;
  }
  [[nodiscard]] bool mentored(std::size_t i) const { return count[i][3] > 0; }
};

// Recomputes person i's row of the summary from their out-edges.
void summarise_ties(const NetworkGraph& g, std::size_t i, TieSummary& out);

}  // namespace pw
