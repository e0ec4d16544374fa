// Set-up of the community network: the nodes and ties at release (see
// network_model.hpp for the rules and docs/network.md for what they produce).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/network/network_model.hpp"
#include "sim/engine/core/distributions.hpp"

namespace pw {

namespace {
constexpr double kReferenceAge = 35.0, kReferenceSqrtPriors = 3.0;
constexpr int kMaxTies = 60;

struct InitialCounts {
  std::vector<std::uint8_t> family, prosocial, antisocial_pool, antisocial_released;
};
}  // namespace

void summarise_ties(const NetworkGraph& g, std::size_t i, TieSummary& out) {
  std::array<std::uint8_t, kTieTypes> count{};
  std::array<float, kTieTypes> strength{};
  int released = 0;
  for (auto [e, end] = boost::out_edges(i, g); e != end; ++e) {
    const auto& t = g[*e];
    const auto k = static_cast<int>(t.type);
    if (count[k] < UINT8_MAX) ++count[k];
    strength[k] += t.strength;
    released += g[boost::target(*e, g)].kind == NodeKind::Released ? 1 : 0;
  }
  out.count[i] = count;
  out.strength[i] = strength;
  out.released_peers[i] = static_cast<std::uint8_t>(std::min(released, 255));
}

NetworkModel::NetworkModel(const NetworkParams& params, const CommunityParams& community_params, const Population& pop,
                           const RiskAssessment& risk, const Community& community, const Rng& rng)
    : p_(params), cp_(community_params), pop_(pop), risk_(risk), community_(community), rng_(rng) {
  refresh_rates();
}

void NetworkModel::refresh_rates() {
  const auto& d = p_.dynamics;
  for (int work = 0; work < 2; ++work)
    for (int treat = 0; treat < 2; ++treat)
      for (int away = 0; away < 2; ++away)
        fade_h_[work][treat][away] = -std::log1p(
            -std::min(1.0 - 1e-9, d.antisocial_decay * (work ? d.decay_work_factor : 1.0) *
                                      (treat ? d.decay_treatment_factor : 1.0) * (away ? d.decay_away_factor : 1.0)));
  for (int idle = 0; idle < 2; ++idle)
    for (int home = 0; home < 2; ++home)
      new_tie_h_[idle][home] =
          d.antisocial_formation * (idle ? d.formation_idle_factor : 1.0) * (home ? d.formation_home_factor : 1.0);
  coworker_fade_h_ = -std::log1p(-std::min(1.0 - 1e-9, d.coworker_decay));
}

void NetworkModel::setup(Parallel& par) {
  const std::size_t n = pop_.size();
  summary_.resize(n);
  next_peers_offended_.assign(n, 0);
  offences_seen_.assign(n, 0);
  admission_seen_.assign(n, kNever);
  mentor_until_.assign(n, kNever);
  mentor_start_.assign(n, kNever);
  mentor_end_.assign(n, kNever);
  fade_clock_.resize(n);
  form_clock_.resize(n);
  coworker_clock_.resize(n);
  par.for_ranges(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const auto u = rng_.uniform4(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::NetworkWeek);
      fade_clock_[i] = static_cast<float>(-std::log(u[0]));
      form_clock_[i] = static_cast<float>(-std::log(u[1]));
      coworker_clock_[i] = static_cast<float>(-std::log(u[2]));
    }
  });
  build_initial_ties(par);
  par.for_ranges(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) summarise_ties(graph_, i, summary_);
  });
  initial_count_ = summary_.count;
}

void NetworkModel::build_initial_ties(Parallel& par) {
  const std::size_t n = pop_.size();
  const auto& ip = p_.initial;
  InitialCounts c{std::vector<std::uint8_t>(n), std::vector<std::uint8_t>(n), std::vector<std::uint8_t>(n),
                  std::vector<std::uint8_t>(n)};
  par.for_ranges(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const auto id = static_cast<std::uint32_t>(i);
      // Family and prosocial counts use the community set-up draws (lanes 1 and 2).
      const auto u = rng_.uniform4(id, kSetupWeek, Purpose::CommunitySetup);
      const double sqrt_priors = std::sqrt(static_cast<double>(pop_.prior_arrests[i])) - kReferenceSqrtPriors;
      const double decades = (pop_.age_at_release[i] - kReferenceAge) / 10.0;
      const double history = cp_.ties_history_effect * sqrt_priors;
      c.family[i] = static_cast<std::uint8_t>(poisson_inverse(
          cp_.family_ties_mean * std::exp(cp_.family_ties_age_effect * decades + history), u[1], kMaxTies));
      c.prosocial[i] =
          static_cast<std::uint8_t>(poisson_inverse(cp_.prosocial_ties_mean * std::exp(history), u[2], kMaxTies));
      const double disadvantage = community_.neighbourhoods[community_.neighbourhood[i]].disadvantage;
      const double anti_mean =
          ip.antisocial_mean *
          std::exp(ip.antisocial_age_effect * decades + ip.antisocial_history_effect * sqrt_priors +
                   (pop_.admission[i] == static_cast<std::uint8_t>(Admission::SupervisionViolator)
                        ? ip.antisocial_violator_effect
                        : 0.0) +
                   ip.antisocial_disadvantage_effect * disadvantage);
      const auto v = rng_.uniform4(id, kSetupWeek, Purpose::NetworkSetup);
      const int anti = poisson_inverse(anti_mean, v[0], kMaxTies);
      const int released = binomial_inverse(anti, ip.released_peer_share, v[1]);
      c.antisocial_released[i] = static_cast<std::uint8_t>(released);
      c.antisocial_pool[i] = static_cast<std::uint8_t>(anti - released);
    }
  });

  // Vertices: persons, then each person's family and prosocial members, then
  // the antisocial members of each neighbourhood.
  const std::size_t hoods = community_.neighbourhoods.size();
  std::vector<std::int64_t> residents(hoods, 0);
  for (std::size_t i = 0; i < n; ++i) ++residents[community_.neighbourhood[i]];
  std::size_t members = 0;
  for (std::size_t i = 0; i < n; ++i) members += c.family[i] + c.prosocial[i];
  pool_begin_.assign(hoods + 1, 0);
  pool_begin_[0] = n + members;
  for (std::size_t k = 0; k < hoods; ++k) {
    const auto pool = std::max<std::int64_t>(1, std::llround(p_.initial.pool_per_person * residents[k]));
    pool_begin_[k + 1] = pool_begin_[k] + static_cast<NetworkVertex>(pool);
  }
  // Cleared and grown, not assigned a fresh graph: Boost's adjacency_list assignment (and swap)
  // copy edge by edge.
  graph_.clear();
  for (NetworkVertex v = 0; v < pool_begin_[hoods]; ++v) boost::add_vertex(graph_);
  for (std::size_t i = 0; i < n; ++i) graph_[i] = {NodeKind::Released, community_.neighbourhood[i]};
  for (std::size_t k = 0; k < hoods; ++k)
    for (auto v = pool_begin_[k]; v < pool_begin_[k + 1]; ++v)
      graph_[v] = {NodeKind::AntisocialPeer, static_cast<std::uint16_t>(k)};

  NetworkVertex next = n;
  for (std::size_t i = 0; i < n; ++i) {
    const auto hood = community_.neighbourhood[i];
    for (int j = 0; j < c.family[i]; ++j, ++next) {
      graph_[next] = {NodeKind::FamilyMember, hood};
      boost::add_edge(i, next, TieProps{TieType::Family, 1.0f, -1}, graph_);
    }
    for (int j = 0; j < c.prosocial[i]; ++j, ++next) {
      graph_[next] = {NodeKind::ProsocialPeer, hood};
      boost::add_edge(i, next, TieProps{TieType::Prosocial, 1.0f, -1}, graph_);
    }
    const auto pool = static_cast<std::size_t>(pool_begin_[hood + 1u] - pool_begin_[hood]);
    const int ties = std::min<int>(c.antisocial_pool[i], static_cast<int>(pool));
    std::vector<NetworkVertex> chosen;
    for (int j = 0; j < ties; ++j) {
      const double u = rng_.uniform(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::NetworkSetup,
                                    static_cast<std::uint16_t>(1 + j));
      auto slot = std::min(static_cast<std::size_t>(u * static_cast<double>(pool)), pool - 1);
      while (std::find(chosen.begin(), chosen.end(), pool_begin_[hood] + slot) != chosen.end())
        slot = (slot + 1) % pool;  // linear probing: no repeated tie
      chosen.push_back(pool_begin_[hood] + slot);
      boost::add_edge(i, chosen.back(), TieProps{TieType::Antisocial, 1.0f, -1}, graph_);
    }
  }
  pair_released_peers(c.antisocial_released);
}

void NetworkModel::pair_released_peers(const std::vector<std::uint8_t>& stubs) {
  struct Stub {
    float key;
    std::uint32_t person;
  };
  std::vector<std::vector<Stub>> by_hood(community_.neighbourhoods.size());
  for (std::size_t i = 0; i < stubs.size(); ++i)
    for (int s = 0; s < stubs[i]; ++s)
      by_hood[community_.neighbourhood[i]].push_back(
          {static_cast<float>(rng_.uniform(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::NetworkPairing,
                                           static_cast<std::uint16_t>(s))),
           static_cast<std::uint32_t>(i)});
  auto tied = [&](std::uint32_t a, std::uint32_t b) {
    for (auto [e, end] = boost::out_edges(a, graph_); e != end; ++e)
      if (boost::target(*e, graph_) == b) return true;
    return false;
  };
  for (auto& list : by_hood) {
    std::sort(list.begin(), list.end(),
              [](const Stub& a, const Stub& b) { return a.key != b.key ? a.key < b.key : a.person < b.person; });
    for (std::size_t s = 0; s + 1 < list.size(); s += 2) {
      const auto a = list[s].person, b = list[s + 1].person;
      if (a == b || tied(a, b)) continue;  // no self-ties, no repeated ties
      boost::add_edge(a, b, TieProps{TieType::Antisocial, 1.0f, -1}, graph_);
      boost::add_edge(b, a, TieProps{TieType::Antisocial, 1.0f, -1}, graph_);
    }
  }
}

}  // namespace pw
