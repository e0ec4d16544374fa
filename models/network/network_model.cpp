// Weekly phases of the community network: decide (per person), census, apply (batch).
#include "models/network/network_model.hpp"

#include <algorithm>
#include <cmath>

#include "models/housing/housing_state.hpp"
#include "models/programmes/programmes_model.hpp"
#include "sim/core/distributions.hpp"

namespace pw {

namespace {
constexpr std::uint16_t kApplyFamily = 0, kApplyProsocial = 100, kApplyAntisocial = 200, kApplyNewTie = 1000;
constexpr std::uint16_t kMaxPeerCount = UINT8_MAX;
}  // namespace

NetworkFlows& NetworkFlows::operator+=(const NetworkFlows& o) {
  changes.insert(changes.end(), o.changes.begin(), o.changes.end());
  mentor_candidates.insert(mentor_candidates.end(), o.mentor_candidates.begin(), o.mentor_candidates.end());
  return *this;
}

void NetworkModel::attach(const JusticeState* justice, const LabourState* labour, const Employers* employers,
                          const std::vector<std::uint8_t>* housing, const std::vector<std::uint16_t>* bed_hood,
                          std::vector<const std::vector<std::uint8_t>*> programmes) {
  justice_ = justice;
  labour_ = labour;
  employers_ = employers;
  housing_ = housing;
  bed_hood_ = bed_hood;
  programmes_ = std::move(programmes);
  workplace_node_.assign(employers_ ? employers_->size() : 0, -1);
}

std::uint16_t NetworkModel::living_in(std::size_t i) const {
  if (housing_ && bed_hood_) {
    const auto h = (*housing_)[i];
    if (h == static_cast<std::uint8_t>(Housing::Transitional) || h == static_cast<std::uint8_t>(Housing::Shelter))
      return (*bed_hood_)[i];
  }
  return community_.neighbourhood[i];
}

std::int64_t NetworkModel::mentor_places() const {
  const auto volunteers = std::llround(p_.mentors.volunteers_per_1000 * static_cast<double>(pop_.size()) / 1000.0);
  return volunteers / std::max(1, p_.mentors.volunteers_per_mentee);
}

void NetworkModel::decide(std::size_t begin, std::size_t end, int week, NetworkFlows& flows) {
  const auto& js = *justice_;
  const auto w = static_cast<std::uint32_t>(week);
  const bool matching = mentor_places() > mentees_;
  const auto min_risk = static_cast<std::uint8_t>(risk_level_of(p_.mentors.min_risk));
  const int window = static_cast<int>(std::lround(p_.mentors.intake_window));
  for (std::size_t i = begin; i < end; ++i) {
    TieChange ch;
    ch.person = static_cast<std::uint32_t>(i);
    if (js.offences[i] != offences_seen_[i]) {
      offences_seen_[i] = js.offences[i];
      ch.flags |= kChangeOffended;
    }
    const bool admitted = js.last_admission_week[i] == week;
    if (admitted) ch.flags |= kChangeAdmitted;
    if (summary_.mentored(i) && (admitted || week + 1 >= mentor_until_[i])) ch.flags |= kChangeMentorEnds;
    if (js.custody[i] == static_cast<std::uint8_t>(Custody::Community)) {
      const bool working = labour_ && labour_->working[i] != 0;
      if (working && labour_->employer[i] >= 0 && labour_->job_start_week[i] == week) ch.flags |= kChangeStartedJob;
      bool treated = js.court_programme[i] != 0;
      for (const auto* status : programmes_)
        treated |= (*status)[i] == static_cast<std::uint8_t>(ProgrammeStatus::Active);
      const bool away_now = away(i);
      const auto u = rng_.uniform4(ch.person, w, Purpose::NetworkWeek);
      ch.antisocial_fading = static_cast<std::uint8_t>(binomial_inverse(
          summary_.ties(i, TieType::Antisocial), fade_p_[working][treated][away_now], u[0]));
      ch.antisocial_new = u[1] < new_tie_p_[!working && !treated][!away_now] ? 1 : 0;
      if (!working)
        ch.coworker_fading = static_cast<std::uint8_t>(
            binomial_inverse(summary_.ties(i, TieType::Coworker), coworker_fade_p_, u[2]));
      if (matching && !summary_.mentored(i) && mentor_until_[i] == kNever && risk_.level[i] >= min_risk) {
        const int released_at = js.custody_started_week[i] == kNever ? 0 : js.custody_until[i];
        if (week - released_at <= window)
          flows.mentor_candidates.push_back(
              {ch.person, risk_.score[i], static_cast<float>(rng_.uniform(ch.person, w, Purpose::MentorMatch))});
      }
    }
    if (ch.flags != 0 || ch.antisocial_fading != 0 || ch.antisocial_new != 0 || ch.coworker_fading != 0)
      flows.changes.push_back(ch);
  }
}

WeekCounts NetworkModel::census(std::size_t begin, std::size_t end) const {
  WeekCounts c;
  const auto& custody = justice_->custody;
  for (std::size_t i = begin; i < end; ++i) {
    if (custody[i] != static_cast<std::uint8_t>(Custody::Community)) continue;
    const auto& k = summary_.count[i];
    c.family_ties += k[0];
    c.prosocial_ties += k[1];
    c.antisocial_ties += k[2];
    c.mentor_ties += k[3];
    c.coworker_ties += k[4];
    c.mentored += k[3] > 0 ? 1 : 0;
    c.antisocial_share_micro += std::lround(1e6 * summary_.antisocial_share(i));
  }
  return c;
}

void NetworkModel::apply(int week, NetworkFlows& flows, WeekCounts& counts) {
  auto& changes = flows.changes;
  std::sort(changes.begin(), changes.end(), [](const TieChange& a, const TieChange& b) { return a.person < b.person; });
  // This week's offenders, with the ties they had this week: their released peers' count for week t + 1.
  std::fill(next_peers_offended_.begin(), next_peers_offended_.end(), std::uint8_t{0});
  const auto n = static_cast<NetworkVertex>(pop_.size());
  for (const auto& ch : changes) {
    if (!(ch.flags & kChangeOffended)) continue;
    for (auto [e, end] = boost::out_edges(ch.person, graph_); e != end; ++e) {
      const auto j = boost::target(*e, graph_);
      if (j < n && next_peers_offended_[j] < kMaxPeerCount) ++next_peers_offended_[j];
    }
  }
  summary_.peers_offended.swap(next_peers_offended_);

  std::vector<std::uint32_t> touched;
  for (const auto& ch : changes) apply_one(ch, week, touched, counts);
  match_mentors(week, flows.mentor_candidates, touched, counts);
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (const auto i : touched) summarise_ties(graph_, i, summary_);
}

void NetworkModel::apply_one(const TieChange& ch, int week, std::vector<std::uint32_t>& touched, WeekCounts& c) {
  const std::size_t i = ch.person;
  const bool changes_ties = (ch.flags & ~kChangeOffended) != 0 || ch.antisocial_fading || ch.antisocial_new ||
                            ch.coworker_fading;
  if (!changes_ties) return;
  touched.push_back(ch.person);
  if (ch.flags & kChangeMentorEnds) remove_mentor(i);
  if (ch.flags & kChangeAdmitted) break_ties_at_admission(i, week, c);
  if (ch.antisocial_fading) {
    remove_ties(i, TieType::Antisocial, ch.antisocial_fading, week, kApplyAntisocial, touched);
    c.antisocial_ties_faded += ch.antisocial_fading;
  }
  if (ch.antisocial_new) {
    add_antisocial_tie(i, week);
    c.antisocial_ties_formed += 1;
  }
  if (ch.coworker_fading) remove_ties(i, TieType::Coworker, ch.coworker_fading, week, 0, touched);
  if (ch.flags & kChangeStartedJob) add_coworker_tie(i, week);
}

void NetworkModel::break_ties_at_admission(std::size_t i, int week, WeekCounts& c) {
  const auto& d = p_.dynamics;
  const auto id = static_cast<std::uint32_t>(i);
  const auto w = static_cast<std::uint32_t>(week);
  std::vector<NetworkVertex> broken;
  std::uint16_t family = 0, prosocial = 0;
  for (auto [e, end] = boost::out_edges(i, graph_); e != end; ++e) {
    auto& t = graph_[*e];
    if (t.type == TieType::Family) {
      t.strength *= static_cast<float>(1.0 - d.family_strain);
      if (rng_.uniform(id, w, Purpose::NetworkApply, kApplyFamily + family++) < d.family_break)
        broken.push_back(boost::target(*e, graph_));
    } else if (t.type == TieType::Prosocial) {
      if (rng_.uniform(id, w, Purpose::NetworkApply, kApplyProsocial + prosocial++) < d.prosocial_break)
        broken.push_back(boost::target(*e, graph_));
    }
  }
  for (const auto v : broken) boost::remove_edge(i, v, graph_);
  c.family_prosocial_ties_broken += static_cast<std::int64_t>(broken.size());
}

void NetworkModel::remove_ties(std::size_t i, TieType type, int n, int week, std::uint16_t offset,
                               std::vector<std::uint32_t>& touched) {
  struct Candidate {
    double key;
    NetworkVertex target;
  };
  std::vector<Candidate> ties;
  std::uint16_t position = 0;
  for (auto [e, end] = boost::out_edges(i, graph_); e != end; ++e) {
    const auto& t = graph_[*e];
    if (t.type != type) continue;
    const double key = type == TieType::Coworker
                           ? static_cast<double>(t.formed_week)
                           : rng_.uniform(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week),
                                          Purpose::NetworkApply, static_cast<std::uint16_t>(offset + position));
    ++position;
    ties.push_back({key, boost::target(*e, graph_)});
  }
  const auto k = std::min<std::size_t>(static_cast<std::size_t>(n), ties.size());
  std::partial_sort(ties.begin(), ties.begin() + static_cast<std::ptrdiff_t>(k), ties.end(),
                    [](const Candidate& a, const Candidate& b) {
                      return a.key != b.key ? a.key < b.key : a.target < b.target;
                    });
  const auto persons = static_cast<NetworkVertex>(pop_.size());
  for (std::size_t j = 0; j < k; ++j) {
    boost::remove_edge(i, ties[j].target, graph_);
    if (ties[j].target < persons) {  // a tie between released persons goes from both lists
      boost::remove_edge(ties[j].target, i, graph_);
      touched.push_back(static_cast<std::uint32_t>(ties[j].target));
    }
  }
}

void NetworkModel::add_antisocial_tie(std::size_t i, int week) {
  const auto hood = living_in(i);
  const auto first = pool_begin_[hood];
  const auto pool = static_cast<std::size_t>(pool_begin_[hood + 1u] - first);
  const double u = rng_.uniform(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week), Purpose::NetworkApply,
                                kApplyNewTie);
  auto slot = std::min(static_cast<std::size_t>(u * static_cast<double>(pool)), pool - 1);
  for (std::size_t tries = 0; tries < pool; ++tries, slot = (slot + 1) % pool) {
    if (!boost::edge(i, first + slot, graph_).second) {
      boost::add_edge(i, first + slot, TieProps{TieType::Antisocial, 1.0f, static_cast<std::int16_t>(week)}, graph_);
      return;
    }
  }
}

void NetworkModel::add_coworker_tie(std::size_t i, int week) {
  const auto e = static_cast<std::size_t>(labour_->employer[i]);
  if (workplace_node_[e] < 0) {
    workplace_node_[e] = static_cast<std::int64_t>(
        boost::add_vertex(NodeProps{NodeKind::Workplace, employers_->neighbourhood[e]}, graph_));
  }
  const auto node = static_cast<NetworkVertex>(workplace_node_[e]);
  if (auto [edge, exists] = boost::edge(i, node, graph_); exists) {
    graph_[edge].formed_week = static_cast<std::int16_t>(week);  // back at a former workplace
    return;
  }
  boost::add_edge(i, node,
                  TieProps{TieType::Coworker, static_cast<float>(p_.dynamics.coworker_strength),
                           static_cast<std::int16_t>(week)},
                  graph_);
  int coworkers = 0;
  for (auto [x, end] = boost::out_edges(i, graph_); x != end; ++x) coworkers += graph_[*x].type == TieType::Coworker;
  std::vector<std::uint32_t> unused;
  if (coworkers > p_.dynamics.max_coworker_ties)
    remove_ties(i, TieType::Coworker, coworkers - p_.dynamics.max_coworker_ties, week, 0, unused);
}

}  // namespace pw
