// Volunteer mentors (resolution §7): matching free volunteer places to
// candidates in a deterministic order, and ending matches. See network_model.hpp.
#include <algorithm>
#include <cmath>

#include "models/network/network_model.hpp"

namespace pw {

void NetworkModel::match_mentors(int week, std::vector<MentorCandidate>& candidates, WeekCounts& counts) {
  const auto free_places = mentor_places() - mentees_;
  if (free_places <= 0 || candidates.empty()) return;
  const auto take = std::min<std::size_t>(static_cast<std::size_t>(free_places), candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take), candidates.end(),
                    [](const MentorCandidate& a, const MentorCandidate& b) {
                      if (a.risk_score != b.risk_score) return a.risk_score > b.risk_score;  // highest risk first
                      if (a.tie_break != b.tie_break) return a.tie_break < b.tie_break;
                      return a.person < b.person;
                    });
  const int per_mentee = std::max(1, p_.mentors.volunteers_per_mentee);
  const auto strength = static_cast<float>(1.0 / per_mentee);
  const double stay = 1.0 - 1.0 / std::max(1.0, p_.mentors.mean_duration);
  for (std::size_t c = 0; c < take; ++c) {
    const auto i = candidates[c].person;
    for (int v = 0; v < per_mentee; ++v) {
      NetworkVertex mentor;
      if (!free_mentors_.empty()) {
        mentor = free_mentors_.back();
        free_mentors_.pop_back();
      } else {
        mentor = boost::add_vertex(NodeProps{NodeKind::Mentor, community_.neighbourhood[i]}, graph_);
        ++mentor_nodes_;
      }
      link(i, mentor, TieProps{TieType::Mentor, strength, static_cast<std::int16_t>(week + 1)});
    }
    // Geometric duration (weeks >= 1) with mean mean_duration.
    const double u = rng_.uniform4(i, static_cast<std::uint32_t>(week), Purpose::MentorMatch)[1];
    const double weeks = stay > 0 ? 1.0 + std::floor(std::log(u) / std::log(stay)) : 1.0;
    mentor_until_[i] = static_cast<std::int16_t>(std::min(30000.0, week + 1 + weeks));
    mentor_start_[i] = static_cast<std::int16_t>(week + 1);
    ++mentees_;
    ++counts.mentor_matches;
  }
}

void NetworkModel::remove_mentor(std::size_t i) {
  std::vector<std::pair<NetworkVertex, float>> mentors;
  for (auto [e, end] = boost::out_edges(i, graph_); e != end; ++e)
    if (graph_[*e].type == TieType::Mentor) mentors.emplace_back(boost::target(*e, graph_), graph_[*e].strength);
  if (mentors.empty()) return;
  for (const auto& [m, strength] : mentors) {
    unlink(i, m, TieType::Mentor, strength);
    free_mentors_.push_back(m);
  }
  --mentees_;
}

}  // namespace pw
