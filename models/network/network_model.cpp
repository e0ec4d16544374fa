// Weekly phases of the community network: decide (per person), census, apply (batch).
#include "models/network/network_model.hpp"

#include <algorithm>
#include <cmath>

#include "models/housing/housing_state.hpp"
#include "models/programmes/programmes_model.hpp"
#include "sim/engine/core/distributions.hpp"

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
      if (summary_.released_peers[i] > 0) ch.flags |= kChangeOffended;  // only peers need to know
    }
    // An admission since the last decision (this week's phases, or last week's
    // court-diversion barrier, which sentences after this phase has run).
    const bool admitted = js.last_admission_week[i] != admission_seen_[i];
    if (admitted) {
      admission_seen_[i] = js.last_admission_week[i];
      ch.flags |= kChangeAdmitted;
    }
    if (summary_.mentored(i) && (admitted || week + 1 >= mentor_until_[i])) ch.flags |= kChangeMentorEnds;
    if (js.custody[i] == static_cast<std::uint8_t>(Custody::Community)) {
      const bool working = labour_ && labour_->working[i] != 0;
      if (working && labour_->employer[i] >= 0 && labour_->job_start_week[i] == week) ch.flags |= kChangeStartedJob;
      bool treated = js.court_programme[i] != 0;
      for (const auto* status : programmes_)
        treated |= (*status)[i] == static_cast<std::uint8_t>(ProgrammeStatus::Active);
      const bool away_now = away(i);
      const int anti = summary_.ties(i, TieType::Antisocial);
      ch.antisocial_fading = static_cast<std::uint8_t>(
          run_clock(fade_clock_[i], anti * fade_h_[working][treated][away_now], anti, ch.person, w, 0));
      ch.antisocial_new = static_cast<std::uint8_t>(
          run_clock(form_clock_[i], new_tie_h_[!working && !treated][!away_now], 1, ch.person, w, 1));
      const int coworkers = summary_.ties(i, TieType::Coworker);
      if (!working && coworkers > 0)
        ch.coworker_fading = static_cast<std::uint8_t>(
            run_clock(coworker_clock_[i], coworkers * coworker_fade_h_, coworkers, ch.person, w, 2));
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

int NetworkModel::run_clock(float& c, double h, int cap, std::uint32_t i, std::uint32_t week, int lane) const {
  c -= static_cast<float>(h);
  if (c > 0.0f) return 0;
  int events = 0;
  std::uint16_t redraw = 0;
  while (c <= 0.0f) {
    const double u = rng_.uniform4(i, week, Purpose::NetworkWeek, redraw++)[static_cast<std::size_t>(lane)];
    if (events < cap) ++events;
    c += static_cast<float>(-std::log(u));
    if (events == cap) {  // no more of these events possible this week: start a fresh clock
      if (c <= 0.0f) c = static_cast<float>(-std::log(u));
      break;
    }
  }
  return events;
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
    c.antisocial_share_micro += static_cast<std::int64_t>(1e6f * summary_.antisocial_share(i) + 0.5f);
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
  for (const auto& ch : changes) apply_one(ch, week, counts);
  match_mentors(week, flows.mentor_candidates, counts);
}

void NetworkModel::link(std::size_t i, NetworkVertex v, const TieProps& tie) {
  boost::add_edge(i, v, tie, graph_);
  const auto k = static_cast<std::size_t>(tie.type);
  if (summary_.count[i][k] < UINT8_MAX) ++summary_.count[i][k];
  summary_.strength[i][k] += tie.strength;
  if (v < pop_.size() && summary_.released_peers[i] < UINT8_MAX) ++summary_.released_peers[i];
}

void NetworkModel::unlink(std::size_t i, NetworkVertex v, TieType type, float strength) {
  boost::remove_edge(i, v, graph_);
  const auto k = static_cast<std::size_t>(type);
  if (summary_.count[i][k] > 0) --summary_.count[i][k];
  // Back to exactly zero with the last tie of a type, so no rounding residue is left.
  summary_.strength[i][k] = summary_.count[i][k] == 0 ? 0.0f : summary_.strength[i][k] - strength;
  if (v < pop_.size() && summary_.released_peers[i] > 0) --summary_.released_peers[i];
}

void NetworkModel::apply_one(const TieChange& ch, int week, WeekCounts& c) {
  const std::size_t i = ch.person;
  if (ch.flags & kChangeMentorEnds) {
    remove_mentor(i);
    mentor_end_[i] = static_cast<std::int16_t>(week);
  }
  if (ch.flags & kChangeAdmitted) break_ties_at_admission(i, week, c);
  if (ch.antisocial_fading) {
    remove_ties(i, TieType::Antisocial, ch.antisocial_fading, week, kApplyAntisocial);
    c.antisocial_ties_faded += ch.antisocial_fading;
  }
  if (ch.antisocial_new) {
    add_antisocial_tie(i, week);
    c.antisocial_ties_formed += 1;
  }
  if (ch.coworker_fading) remove_ties(i, TieType::Coworker, ch.coworker_fading, week, 0);
  if (ch.flags & kChangeStartedJob) add_coworker_tie(i, week);
}

void NetworkModel::break_ties_at_admission(std::size_t i, int week, WeekCounts& c) {
  const auto& d = p_.dynamics;
  const auto id = static_cast<std::uint32_t>(i);
  const auto w = static_cast<std::uint32_t>(week);
  struct Broken {
    NetworkVertex target;
    TieType type;
    float strength;
  };
  std::vector<Broken> broken;
  std::uint16_t family = 0, prosocial = 0;
  const auto strain = static_cast<float>(1.0 - d.family_strain);
  for (auto [e, end] = boost::out_edges(i, graph_); e != end; ++e) {
    auto& t = graph_[*e];
    if (t.type == TieType::Family) {
      t.strength *= strain;
      if (rng_.uniform(id, w, Purpose::NetworkApply, kApplyFamily + family++) < d.family_break)
        broken.push_back({boost::target(*e, graph_), t.type, t.strength});
    } else if (t.type == TieType::Prosocial) {
      if (rng_.uniform(id, w, Purpose::NetworkApply, kApplyProsocial + prosocial++) < d.prosocial_break)
        broken.push_back({boost::target(*e, graph_), t.type, t.strength});
    }
  }
  summary_.strength[i][static_cast<std::size_t>(TieType::Family)] *= strain;
  for (const auto& b : broken) unlink(i, b.target, b.type, b.strength);
  c.family_prosocial_ties_broken += static_cast<std::int64_t>(broken.size());
}

void NetworkModel::remove_ties(std::size_t i, TieType type, int n, int week, std::uint16_t offset) {
  struct Candidate {
    double key;
    NetworkVertex target;
    float strength;
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
    ties.push_back({key, boost::target(*e, graph_), t.strength});
  }
  const auto k = std::min<std::size_t>(static_cast<std::size_t>(n), ties.size());
  std::partial_sort(
      ties.begin(), ties.begin() + static_cast<std::ptrdiff_t>(k), ties.end(),
      [](const Candidate& a, const Candidate& b) { return a.key != b.key ? a.key < b.key : a.target < b.target; });
  for (std::size_t j = 0; j < k; ++j) {
    unlink(i, ties[j].target, type, ties[j].strength);
    if (ties[j].target < pop_.size()) unlink(ties[j].target, i, type, ties[j].strength);  // both lists
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
      link(i, first + slot, TieProps{TieType::Antisocial, 1.0f, static_cast<std::int16_t>(week)});
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
  link(i, node,
       TieProps{TieType::Coworker, static_cast<float>(p_.dynamics.coworker_strength), static_cast<std::int16_t>(week)});
  const int coworkers = summary_.ties(i, TieType::Coworker);
  if (coworkers > p_.dynamics.max_coworker_ties)
    remove_ties(i, TieType::Coworker, coworkers - p_.dynamics.max_coworker_ties, week, 0);
}

}  // namespace pw
