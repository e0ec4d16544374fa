#include "models/coordination/coordination_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "models/programmes/programmes_model.hpp"

namespace pw {

CoordinationModel::CoordinationModel(const CoordinationParams& params, const JusticeState& justice, const Rng& rng)
    : p_(params), justice_(justice), rng_(rng) {}

void CoordinationModel::attach_programme(const std::vector<std::uint8_t>* status, bool pre_release) {
  programmes_.push_back({status, pre_release});
}

bool CoordinationModel::coordinated(std::size_t i) const {
  for (const auto& a : programmes_) {
    const auto s = static_cast<ProgrammeStatus>((*a.status)[i]);
    if (s == ProgrammeStatus::Active) return true;
    if (a.pre_release && s == ProgrammeStatus::Completed) return true;
  }
  return false;
}

void CoordinationModel::setup(std::size_t n) {
  offending_without_benefits_ = static_cast<float>(std::exp(p_.benefits_offending_effect));
  for (auto& it : items_) {
    it.held.assign(n, 1);
    it.first_week.assign(n, 0);
    it.weeks_without.assign(n, 0);
  }
  in_prison_.assign(n, 0);
  covered_at_setup_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto id = static_cast<std::uint32_t>(i);
    const auto missing = rng_.uniform4(id, kSetupWeek, Purpose::CoordinationSetup, 0);
    const auto covered = rng_.uniform4(id, kSetupWeek, Purpose::CoordinationSetup, 1);
    // A completed pre-release coordination programme prepares everything before release.
    bool prepared = false;
    for (const auto& a : programmes_) {
      prepared |= a.pre_release && (*a.status)[i] == static_cast<std::uint8_t>(ProgrammeStatus::Completed);
    }
    for (std::size_t k = 0; k < items_.size(); ++k) {
      const auto& q = p_.items[k];
      if (missing[k] < q.missing_at_release && !prepared) {
        if (covered[k] < q.before_release) {
          covered_at_setup_[i] |= static_cast<std::uint8_t>(1u << k);  // the lever's work, costed in week 0
        } else {
          items_[k].held[i] = 0;
          items_[k].first_week[i] = kNever;
        }
      }
    }
  }
}

WeekCounts CoordinationModel::releases(std::size_t begin, std::size_t end, int week) {
  WeekCounts c;
  const auto w = static_cast<std::uint32_t>(week);
  std::array<std::int64_t, 3> covered_now{};
  for (std::size_t i = begin; i < end; ++i) {
    if (week == 0) {
      for (std::size_t k = 0; k < 3; ++k) covered_now[k] += (covered_at_setup_[i] >> k) & 1u;
    }
    const auto custody = justice_.custody[i];
    if (custody == static_cast<std::uint8_t>(Custody::Prison)) {
      in_prison_[i] = 1;
      continue;
    }
    if (in_prison_[i] == 0 || custody != static_cast<std::uint8_t>(Custody::Community)) continue;
    in_prison_[i] = 0;
    const auto missing = rng_.uniform4(static_cast<std::uint32_t>(i), w, Purpose::CoordinationWeek, 1);
    const auto covered = rng_.uniform4(static_cast<std::uint32_t>(i), w, Purpose::CoordinationWeek, 2);
    for (const std::size_t k : {std::size_t{kEntitlementBenefits}, std::size_t{kEntitlementEnrolment}}) {
      const auto& q = p_.items[k];
      if (missing[k] >= q.missing_at_release) continue;
      if (covered[k] < q.before_release) {
        ++covered_now[k];
      } else {
        items_[k].held[i] = 0;
      }
    }
  }
  c.ids_issued_before_release = covered_now[kEntitlementId];
  c.benefits_filed_before_release = covered_now[kEntitlementBenefits];
  c.enrolled_before_release = covered_now[kEntitlementEnrolment];
  return c;
}

WeekCounts CoordinationModel::update(std::size_t begin, std::size_t end, int week) {
  WeekCounts c;
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t i = begin; i < end; ++i) {
    if (justice_.custody[i] != static_cast<std::uint8_t>(Custody::Community)) continue;
    bool missing = false;
    for (const auto& it : items_) missing |= it.held[i] == 0;
    if (!missing) continue;
    const double speedup = coordinated(i) ? p_.programme_speedup : 1.0;
    const auto u = rng_.uniform4(static_cast<std::uint32_t>(i), w, Purpose::CoordinationWeek);
    for (std::size_t k = 0; k < items_.size(); ++k) {
      auto& it = items_[k];
      if (it.held[i] != 0) continue;
      if (it.weeks_without[i] < std::numeric_limits<std::uint16_t>::max()) ++it.weeks_without[i];
      if (u[k] < std::min(1.0, speedup / p_.items[k].mean_delay)) {
        it.held[i] = 1;
        if (it.first_week[i] == kNever) it.first_week[i] = static_cast<std::int16_t>(week + 1);
      }
    }
    c.without_id += items_[kEntitlementId].held[i] == 0 ? 1 : 0;
    c.without_benefits += items_[kEntitlementBenefits].held[i] == 0 ? 1 : 0;
    c.not_enrolled += items_[kEntitlementEnrolment].held[i] == 0 ? 1 : 0;
  }
  return c;
}

void CoordinationModel::apply_to_offending(std::size_t begin, std::size_t end, Situation& situation) const {
  if (offending_without_benefits_ == 1.0f) return;
  const auto& held = items_[kEntitlementBenefits].held;
  for (std::size_t i = begin; i < end; ++i) {
    if (held[i] == 0 && justice_.custody[i] == static_cast<std::uint8_t>(Custody::Community)) {
      situation.offending[i] *= offending_without_benefits_;
    }
  }
}

}  // namespace pw
