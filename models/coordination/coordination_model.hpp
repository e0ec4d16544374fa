// The documents, benefits and service enrolment a released person needs, and
// the inter-agency coordination that shortens the wait for them (resolution
// para. 7; parameters in coordination_params.hpp).
//
// Owns, per person and per entitlement (id, benefits, enrolment): whether the
// person holds it, the first week held, and the community weeks spent without it.
//
// Timing:
//   set-up (before week 0)  each entitlement is missing at release with
//       probability missing_at_release; of those, a share before_release is
//       covered before release (the policy levers), and so is everyone who
//       completed a pre-release interagency_coordination programme. The draws
//       are keyed (Purpose::CoordinationSetup): the same people lack the same
//       things in every scenario of a comparison; a lever only removes some.
//   releases (per person, right after the justice model's releases of week t):
//       a person back in the community after a prison stay loses benefits and
//       enrolment again (Medicaid and SNAP end or are suspended in prison; the
//       provider's case is closed) with the same probabilities as at the index
//       release, the levers covering the same shares (keyed draws
//       Purpose::CoordinationWeek, indices 1-2, at the release week); an ID
//       once held is kept (it is returned with the person's property).
//   update (per person, phase "coordination", after courts_and_supervision of
//       week t): a person in the community who lacks an entitlement counts
//       the week as one without it and obtains it at the end of the week with
//       probability min(1, speedup / mean_delay), where speedup is
//       coordination.programme_speedup while coordinated (an active
//       participant of a post-release interagency_coordination programme, or
//       having completed a pre-release one) and 1 otherwise. So the weeks
//       without it are geometric with mean mean_delay when uncoordinated.
//       Weeks in custody do not count (nobody can apply from a cell).
// What reads it (the consequences, each a named mechanism):
//   labour      without an ID, an application to a formal employer (one that
//               is not informal) is refused; informal work and programme
//               transitional jobs remain open (labour_model.cpp);
//   housing     without an ID, no voucher or public-housing unit is allocated
//               (housing_model.cpp, barrier);
//   offending   without benefits, the offending hazard is multiplied by
//               exp(coordination.benefits.offending_effect) (apply_to_offending);
//   programmes  without enrolment, a post-release programme other than
//               interagency_coordination cannot start: the person keeps waiting
//               (programmes_model.cpp, allocation).
// Units: weeks.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/coordination/coordination_params.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/situation.hpp"
#include "models/justice/week_counts.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

struct EntitlementState {
  std::vector<std::uint8_t> held;            // 1 when the person holds it
  std::vector<std::int16_t> first_week;      // first week held (0: at the index release); kNever if never
  std::vector<std::uint16_t> weeks_without;  // community weeks spent without it
};

class CoordinationModel {
 public:
  CoordinationModel(const CoordinationParams& params, const JusticeState& justice, const Rng& rng);

  // Status columns (ProgrammeStatus) of the declared interagency_coordination
  // programmes, with whether each is delivered before release. Call before setup().
  void attach_programme(const std::vector<std::uint8_t>* status, bool pre_release);
  void setup(std::size_t people);

  // Per-person step right after the releases of week t (see the header comment).
  // Counts the persons the pre-release levers covered at this week's releases
  // (week 0: the index release of the whole cohort).
  WeekCounts releases(std::size_t begin, std::size_t end, int week);
  // Per-person phase over persons [begin, end) for week t (see the header comment).
  // Counts the end-of-week stocks of persons in the community without each entitlement.
  WeekCounts update(std::size_t begin, std::size_t end, int week);
  // Multiplies the offending multiplier of persons in the community without benefits.
  void apply_to_offending(std::size_t begin, std::size_t end, Situation& situation) const;

  [[nodiscard]] bool has_id(std::size_t i) const { return items_[kEntitlementId].held[i] != 0; }
  [[nodiscard]] bool has_benefits(std::size_t i) const { return items_[kEntitlementBenefits].held[i] != 0; }
  [[nodiscard]] bool enrolled(std::size_t i) const { return items_[kEntitlementEnrolment].held[i] != 0; }
  [[nodiscard]] const EntitlementState& item(std::size_t k) const { return items_[k]; }
  [[nodiscard]] const std::vector<std::uint8_t>& id_column() const { return items_[kEntitlementId].held; }
  [[nodiscard]] const std::vector<std::uint8_t>& enrolment_column() const { return items_[kEntitlementEnrolment].held; }
  [[nodiscard]] const CoordinationParams& params() const { return p_; }

 private:
  [[nodiscard]] bool coordinated(std::size_t i) const;

  const CoordinationParams& p_;
  const JusticeState& justice_;
  const Rng& rng_;
  struct Attached {
    const std::vector<std::uint8_t>* status;
    bool pre_release;
  };
  std::vector<Attached> programmes_;
  std::array<EntitlementState, 3> items_;
  std::vector<std::uint8_t> in_prison_;         // in prison at the last releases step
  std::vector<std::uint8_t> covered_at_setup_;  // bit k: entitlement k covered by its lever before the index release
  float offending_without_benefits_ = 1.0f;
};

}  // namespace pw
