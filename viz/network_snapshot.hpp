// Network snapshots in a results file (/scenarios/<name>/network_snapshots/
// week_<W>/, written by `pathways run --set network.output.snapshot_every=26w`;
// layout in results/README.md): which weeks a scenario has, and one snapshot
// read into memory, indexed by source vertex, as a TieSource for extract_ego.
// Runs on the viewer's UI thread in replay mode, when the scrubbed week moves
// to another snapshot (about 13 bytes per tie: some 10 MB at 100,000 people).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "viz/ego_network.hpp"

namespace pw::viz {

struct NetworkSnapshot {
  int week = -1;                        // the ties as left by this week's batch
  std::size_t people = 0;               // released persons (vertices 0 .. people - 1)
  std::vector<std::uint32_t> first;     // ties of vertex v: ties[first[v] .. first[v + 1]), v < people
  std::vector<TieRecord> ties;          // grouped by source vertex, in stored order
  std::vector<std::uint8_t> node_kind;  // per vertex (NodeKind)
  std::vector<std::uint16_t> node_neighbourhood;
  [[nodiscard]] TieSource source() const;
};

// Weeks of the snapshots of scenario `scenario`, ascending; empty when it has none.
// Throws std::runtime_error naming the file when it cannot be read.
std::vector<int> snapshot_weeks(const std::filesystem::path& file, const std::string& scenario);
// The latest of `weeks` at or before `week`; -1 if none.
int snapshot_at_or_before(const std::vector<int>& weeks, int week);
// Reads snapshot week_<week> of `scenario`; `people` is the scenario's cohort size.
// Throws std::runtime_error naming the file and the group when it is missing or malformed.
NetworkSnapshot read_network_snapshot(const std::filesystem::path& file, const std::string& scenario, int week,
                                      std::size_t people);

}  // namespace pw::viz
