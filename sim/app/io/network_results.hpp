// The community-network part of a results file (layout: results/README.md):
//   /scenarios/<name>/network/
//       antisocial_share_by_month   [replicates x months] mean antisocial share
//                                   (antisocial strength over all strength) of
//                                   persons in the community in the last week of month m
//       mentored_pct_by_month       [replicates x months] percent of them with a volunteer mentor
//       <type>_ties_by_month        [replicates x months] mean ties of that type per person in the community
//       top_decile_share_of_arrests_pct, top_sixth_share_of_arrests_pct
//                                   [replicates x 1] share of all follow-up arrests
//                                   held by the 10% (16.1%) of the cohort with the most arrests
//   /scenarios/<name>/network_snapshots/week_<W>/   (first replicate of `pathways run`,
//       every network.output.snapshot_every weeks, after week W's batch)
//       source, target, type, strength, formed_week   one row per stored tie
//       node_kind, node_neighbourhood                 one row per node (vertex id = row)
// and its summary in `pathways inspect --json`: "network" (means over
// replicates) and "concentration".
#pragma once

#include <H5Cpp.h>

#include <nlohmann/json.hpp>

namespace pw {

class Simulation;

void create_network_datasets(H5::Group& scenario, int replicates, int months);
void write_network_replicate(H5::Group& scenario, int replicate, const Simulation& sim);
// The edge list and node table of the network as it stands now (after week sim.week() - 1).
void write_network_snapshot(H5::Group& scenario, const Simulation& sim);

struct NetworkSummary {
  nlohmann::json network, concentration;
};
// Empty objects when the file has no network group (files written before it existed).
NetworkSummary summarise_network(const H5::Group& scenario, std::int64_t replicates);

// Share (percent) of all arrests held by the `share` of persons with the most arrests.
double top_share_of_arrests_pct(const Simulation& sim, double share);

}  // namespace pw
