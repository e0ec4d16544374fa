#include "models/programmes/programmes_model.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "models/cohort_scale.hpp"

namespace pw {

namespace {
constexpr double kMicro = 1e6;

struct Candidate {
  double key;
  double draw;
  std::uint32_t id;
  bool operator<(const Candidate& o) const { return std::tie(key, draw, id) < std::tie(o.key, o.draw, o.id); }
};
}  // namespace

ProgrammeCounts& ProgrammeCounts::operator+=(const ProgrammeCounts& o) {
  if (by_programme.size() < o.by_programme.size()) by_programme.resize(o.by_programme.size());
  for (std::size_t p = 0; p < o.by_programme.size(); ++p) {
    auto& a = by_programme[p];
    const auto& b = o.by_programme[p];
    a.waiting += b.waiting;
    a.active += b.active;
    a.enrolled += b.enrolled;
    a.completed += b.completed;
    a.dropped += b.dropped;
    a.participant_weeks += b.participant_weeks;
    a.wait_weeks_of_enrolled += b.wait_weeks_of_enrolled;
    a.antisocial_micro_sum += b.antisocial_micro_sum;
  }
  return *this;
}

ProgrammesModel::ProgrammesModel(const std::vector<ProgrammeSpec>& specs, const ProgrammeParams& params,
                                 const Population& pop, Needs& needs, const RiskAssessment& risk, JusticeModel& justice,
                                 const Rng& rng)
    : specs_(specs), params_(params), pop_(pop), needs_(needs), risk_(risk), justice_(justice), rng_(rng) {
  for (const auto& s : specs_) eligibility_.push_back(decode_eligibility(s.eligibility));
}

void ProgrammesModel::respecify(std::size_t p, const ProgrammeSpec& spec) {
  specs_.at(p) = spec;
  eligibility_.at(p) = decode_eligibility(spec.eligibility);
}

std::int64_t ProgrammesModel::places(std::size_t p) const {
  return places_for_cohort(specs_[p].places_per_1000, pop_.size());
}

bool ProgrammesModel::eligible(std::size_t p, std::size_t i) const {
  return eligibility_[p].admits(pop_, needs_, risk_.level[i], i);
}

double ProgrammesModel::priority_key(std::size_t p, std::size_t i) const {
  const auto& s = specs_[p];
  if (s.priority == "risk_first") return -static_cast<double>(risk_.score[i]);
  if (s.priority == "first_come") return static_cast<double>(since_[p][i]);
  if (s.priority == "need_first") {
    // The needs this kind acts on; all needs when it acts on none.
    const auto& r = params_.effects_of(s.kind).reduction;
    const double all = r[0] + r[1] + r[2] + r[3] > 0 ? 0.0 : 1.0;
    return -((r[kSubstanceUse] > 0 || all > 0 ? needs_.substance_use[i] : 0.0) +
             (r[kMentalHealth] > 0 || all > 0 ? needs_.mental_health[i] : 0.0) +
             (r[kAntisocialCognition] > 0 || all > 0 ? needs_.antisocial_cognition[i] : 0.0) +
             (r[kEmployability] > 0 || all > 0 ? 1.0 - needs_.employability[i] : 0.0));
  }
  return 0.0;  // random: the draw decides
}

double ProgrammesModel::completion_probability(std::size_t p, std::size_t i) const {
  const auto& s = specs_[p];
  const auto& r = params_.effects_of(s.kind).reduction;
  const bool need_match = (r[kSubstanceUse] > 0 && needs_.substance_use[i] > 0.5f) ||
                          (r[kMentalHealth] > 0 && needs_.mental_health[i] > 0.5f) ||
                          (r[kAntisocialCognition] > 0 && needs_.antisocial_cognition[i] > 0.5f) ||
                          (r[kEmployability] > 0 && needs_.employability[i] < 0.5f);
  const bool adapted = s.adapted_for_group >= 0 && pop_.group[i] == s.adapted_for_group;
  const bool mentored = ties_ != nullptr && ties_->mentored(i);
  return std::min(1.0, s.completion_probability + (need_match ? params_.need_match_bonus : 0.0) +
                           (adapted ? params_.cultural_adaptation_bonus : 0.0) + (mentored ? mentor_bonus_ : 0.0));
}

void ProgrammesModel::finish(std::size_t p, std::size_t i, bool completed, double group_antisocial_mean, int week) {
  const auto& s = specs_[p];
  const auto& r = params_.effects_of(s.kind).reduction;
  // Peer contagion: exposure to co-participants with more antisocial thinking.
  float& anti = needs_.antisocial_cognition[i];
  anti = static_cast<float>(anti + params_.peer_contagion * std::max(0.0, group_antisocial_mean - anti));
  const double dose = s.effect_strength * (completed ? 1.0 : s.dropout_share);
  auto reduce = [dose](float& need, double share) {
    need = static_cast<float>(need * (1.0 - std::min(1.0, share * dose)));
  };
  reduce(needs_.substance_use[i], r[kSubstanceUse]);
  reduce(needs_.mental_health[i], r[kMentalHealth]);
  reduce(anti, r[kAntisocialCognition]);
  float& emp = needs_.employability[i];
  emp = static_cast<float>(emp + (1.0 - emp) * std::min(1.0, r[kEmployability] * dose));
  status_[p][i] = static_cast<std::uint8_t>(completed ? ProgrammeStatus::Completed : ProgrammeStatus::Dropped);
  ended_[p][i] = static_cast<std::int16_t>(week);
  justice_.refresh_from_needs(i);
}

void ProgrammesModel::setup(Parallel& par) {
  const std::size_t n = pop_.size(), np = specs_.size();
  status_.assign(np, std::vector<std::uint8_t>(n, 0));
  since_.assign(np, std::vector<std::int16_t>(n, kNever));
  ended_.assign(np, std::vector<std::int16_t>(n, kNever));
  group_antisocial_mean_.assign(np, 0.0);
  pre_release_.assign(np, {});
  for (std::size_t p = 0; p < np; ++p) {
    const auto& s = specs_[p];
    auto& st = status_[p];
    par.for_ranges(n, [&](std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i) {
        const double u = rng_.uniform(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::ProgrammeUptake,
                                      static_cast<std::uint16_t>(p));
        st[i] = static_cast<std::uint8_t>(u < s.uptake ? ProgrammeStatus::None : ProgrammeStatus::Declined);
      }
    });
    if (s.phase != "pre_release") continue;

    // Pre-release: the places turn over window / duration times before release.
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < n; ++i) {
      if (st[i] != static_cast<std::uint8_t>(ProgrammeStatus::None) || !eligible(p, i)) continue;
      const double draw = rng_.uniform(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::PreReleaseProgramme,
                                       static_cast<std::uint16_t>(p));
      candidates.push_back({priority_key(p, i), draw, static_cast<std::uint32_t>(i)});
    }
    const double turns = std::max(1.0, std::floor(params_.pre_release_window / std::max(1.0, s.duration)));
    const auto served =
        std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(static_cast<double>(places(p)) * turns));
    std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(served), candidates.end());
    std::sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(served));
    std::int64_t micro = 0;
    for (std::size_t k = 0; k < served; ++k) {
      micro += std::llround(needs_.antisocial_cognition[candidates[k].id] * kMicro);
    }
    const double mean = served > 0 ? static_cast<double>(micro) / kMicro / static_cast<double>(served) : 0.0;
    auto& t = pre_release_[p];
    t.eligible_willing = static_cast<std::int64_t>(candidates.size());
    for (std::size_t k = 0; k < served; ++k) {
      const auto i = candidates[k].id;
      const bool completed = rng_.uniform4(i, kSetupWeek, Purpose::PreReleaseProgramme,
                                           static_cast<std::uint16_t>(p))[1] < completion_probability(p, i);
      since_[p][i] = static_cast<std::int16_t>(-std::max(1L, std::lround(s.duration)));
      finish(p, i, completed, mean, 0);  // the course ends at release
      ++t.enrolled;
      (completed ? t.completed : t.dropped) += 1;
      t.participant_weeks += static_cast<std::int64_t>(std::lround(s.duration * (completed ? 1.0 : 0.5)));
    }
  }
}

ProgrammeCounts ProgrammesModel::progress(std::size_t begin, std::size_t end, int week) {
  ProgrammeCounts c;
  c.by_programme.resize(specs_.size());
  const auto& custody = justice_.state().custody;
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t p = 0; p < specs_.size(); ++p) {
    const auto& s = specs_[p];
    if (s.phase != "post_release") continue;
    auto& st = status_[p];
    auto& since = since_[p];
    auto& pc = c.by_programme[p];
    const int duration = std::max(1, static_cast<int>(std::lround(s.duration)));
    for (std::size_t i = begin; i < end; ++i) {
      const bool in_community = custody[i] == static_cast<std::uint8_t>(Custody::Community);
      switch (static_cast<ProgrammeStatus>(st[i])) {
        case ProgrammeStatus::Active:
          if (!in_community) {
            finish(p, i, false, group_antisocial_mean_[p], week);
            ++pc.dropped;
          } else if (week >= since[i] + duration) {
            const bool completed = rng_.uniform(static_cast<std::uint32_t>(i), w, Purpose::ProgrammeCompletion,
                                                static_cast<std::uint16_t>(p)) < completion_probability(p, i);
            finish(p, i, completed, group_antisocial_mean_[p], week);
            (completed ? pc.completed : pc.dropped) += 1;
          } else if (week >= since[i]) {
            ++pc.active;
            ++pc.participant_weeks;
            pc.antisocial_micro_sum += std::llround(needs_.antisocial_cognition[i] * kMicro);
          }
          break;
        case ProgrammeStatus::Waiting:
          if (in_community) {
            ++pc.waiting;
          } else {
            st[i] = static_cast<std::uint8_t>(ProgrammeStatus::None);  // leaves the list while in custody
          }
          break;
        case ProgrammeStatus::None:
          if (in_community && eligible(p, i)) {
            st[i] = static_cast<std::uint8_t>(ProgrammeStatus::Waiting);
            since[i] = static_cast<std::int16_t>(week);
            ++pc.waiting;
          }
          break;
        default:
          break;
      }
    }
  }
  return c;
}

void ProgrammesModel::allocate(int week, ProgrammeCounts& counts) {
  for (std::size_t p = 0; p < specs_.size(); ++p) {
    const auto& s = specs_[p];
    if (s.phase != "post_release") continue;
    auto& pc = counts.by_programme[p];
    auto& st = status_[p];
    const std::int64_t free = std::max<std::int64_t>(0, places(p) - pc.active);
    std::int64_t micro = pc.antisocial_micro_sum, members = pc.active;
    if (free > 0 && pc.waiting > 0) {
      const bool needs_enrolment = enrolled_ != nullptr && s.kind != "interagency_coordination";
      std::vector<Candidate> candidates;
      candidates.reserve(static_cast<std::size_t>(pc.waiting));
      for (std::size_t i = 0; i < st.size(); ++i) {
        if (st[i] != static_cast<std::uint8_t>(ProgrammeStatus::Waiting)) continue;
        if (needs_enrolment && (*enrolled_)[i] == 0) continue;  // keeps waiting
        const double draw = rng_.uniform(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week),
                                         Purpose::ProgrammePriority, static_cast<std::uint16_t>(p));
        candidates.push_back({priority_key(p, i), draw, static_cast<std::uint32_t>(i)});
      }
      const auto take = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(free));
      std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take), candidates.end());
      for (std::size_t k = 0; k < take; ++k) {
        const auto i = candidates[k].id;
        st[i] = static_cast<std::uint8_t>(ProgrammeStatus::Active);
        pc.wait_weeks_of_enrolled += week - since_[p][i];
        since_[p][i] = static_cast<std::int16_t>(week + 1);
        micro += std::llround(needs_.antisocial_cognition[i] * kMicro);
        ++members;
      }
      pc.enrolled += static_cast<std::int64_t>(take);
      pc.waiting -= static_cast<std::int64_t>(take);
      pc.active += static_cast<std::int64_t>(take);
    }
    group_antisocial_mean_[p] = members > 0 ? static_cast<double>(micro) / kMicro / static_cast<double>(members) : 0.0;
  }
}

}  // namespace pw
