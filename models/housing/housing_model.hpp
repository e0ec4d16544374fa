// Housing after release: where people live, scarce beds and vouchers, and
// loss of housing (docs/ODD.md §3.2 phase 4, §7.17).
//
// Week t, in order:
//   transitions (per person, phase "housing")
//     - admitted to prison since last week's phase (even for a term that has
//       already ended): housing is lost (state None); beds are freed.
//     - released (state None, in the community): back to an own home with
//       housing.entry.own_at_release, else to family or friends with probability
//       1 - (1 - family_accept_per_tie)^F (1 - friend_accept_per_tie)^P, where F
//       and P are the summed strengths of the person's family and prosocial
//       ties (models/network), else onto the street while
//       asking for a transitional bed, a shelter bed, public housing (unless
//       excluded) and a voucher (if vouchers_at_release).
//     - own home: lost at own_loss_rate (x unemployed_loss_factor without a
//       job); voucher and public tenancies at their own rates.
//     - family: breaks down at family_breakdown_rate (x unemployed factor); an
//       employed person moves to a rental at move_out_rate if a landlord's
//       screening passes (rejection landlord_rejection x (1 + stigma)).
//     - transitional: the stay ends after transitional_term weeks, to a rental
//       (employed and screened), to family, or onto the street.
//     - shelter and street: the employed may move to a rental; others leave
//       at shelter_exit_rate for family if a tie offers a place (a shelter
//       stay otherwise ends on the street); on the street, a person seeks a
//       shelter bed with street_to_shelter each week.
//     Anyone who loses a place goes to family if a tie offers, else is between
//     places (state None) until the barrier, asking for a shelter bed with
//     probability street_to_shelter (and for a voucher or public housing, when
//     there are any); whoever the barrier cannot place ends the week on the
//     street. "Employed" means worked this week (a job or a transitional job).
//   census (per person): beds, vouchers and public units held.
//   allocate (barrier), only for people still in the community (vouchers and
//     public housing only for those with an ID, models/coordination): vouchers (by voucher_priority), then public
//     housing (longest homeless first), then transitional beds (own neighbourhood; people on supervision first), then
//     shelter beds (own neighbourhood, else the lowest-numbered neighbourhood with a free bed). Ties are broken by a
//     keyed draw, then by person id. Places are taken at once (week t).
// Draws: the week's loss or exit and the move-out decision use lanes
// kDrawHousingEvent and kDrawHousingMove of PersonWeekDraws; landlord
// screening and family offers are drawn only when an event needs them.
// Units: stocks in beds or units; terms in weeks.
#pragma once

#include <cstdint>
#include <vector>

#include "models/community/community.hpp"
#include "models/housing/housing_params.hpp"
#include "models/housing/housing_state.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/risk_assessment.hpp"
#include "models/justice/week_counts.hpp"
#include "models/needs/needs.hpp"
#include "models/network/network_graph.hpp"
#include "models/person_week_draws.hpp"
#include "models/population/attributes.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

enum class Tenure : std::uint8_t { Private = 0, Voucher = 1, Public = 2 };

struct HousingState {
  std::vector<std::uint8_t> state;           // Housing
  std::vector<std::uint8_t> tenure;          // Tenure, when state is Own
  std::vector<std::uint16_t> bed_hood;       // neighbourhood of a transitional or shelter bed
  std::vector<std::int16_t> until;           // end of a transitional stay (exclusive)
  std::vector<std::int16_t> since;           // week the current state began
  std::vector<std::int16_t> homeless_since;  // week the current spell without a home began; kNever if housed
  // First week in a shelter bed, and first week ending on the street; kNever if none.
  std::vector<std::int16_t> first_shelter_week, first_street_week;
  std::vector<std::uint16_t> weeks_homeless;  // weeks in a shelter or on the street
  // Participation in the housing programmes: first week placed in a
  // transitional bed, first week holding a voucher tenancy (kNever if none),
  // and community weeks begun in each (counted like weeks_homeless).
  std::vector<std::int16_t> first_transitional_week, first_voucher_week;
  std::vector<std::uint16_t> weeks_transitional, weeks_voucher;
  [[nodiscard]] std::size_t size() const { return state.size(); }
};

// Places held at the end of the per-person phases, summed over persons.
struct HousingOccupancy {
  std::vector<std::int64_t> transitional, shelter;  // per neighbourhood
  std::int64_t vouchers = 0, public_units = 0;
  HousingOccupancy& operator+=(const HousingOccupancy& o);
};

struct HousingRequest {
  std::uint32_t person;
  std::uint8_t wants;  // bits of kWant*
  float tie_break;     // keyed draw
};
inline constexpr std::uint8_t kWantTransitional = 1, kWantShelter = 2, kWantVoucher = 4, kWantPublic = 8;

struct HousingFlows {
  std::vector<HousingRequest> requests;
  HousingOccupancy occupancy;
  HousingFlows& operator+=(const HousingFlows& o);
};

class HousingModel {
 public:
  HousingModel(const HousingParams& params, const Population& pop, const Needs& needs, const RiskAssessment& risk,
               const Community& community, const TieSummary& ties, const JusticeState& justice,
               const std::vector<std::uint8_t>& working, const Rng& rng);

  void setup();
  // Who holds a valid ID (models/coordination); nullptr: everyone. Without one,
  // no voucher or public-housing unit is allocated.
  void attach_id(const std::vector<std::uint8_t>* has_id) { has_id_ = has_id; }
  // Per-person phase "housing" over persons [begin, end).
  WeekCounts transitions(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws,
                         HousingFlows& flows);
  // Per-person census of places held and of housing states, at the end of the week.
  WeekCounts census(std::size_t begin, std::size_t end, HousingFlows& flows) const;
  // Barrier: places for this week's requests.
  void allocate(int week, HousingFlows& flows, WeekCounts& counts);

  [[nodiscard]] const HousingState& state() const { return s_; }
  [[nodiscard]] const std::vector<std::uint8_t>& states() const { return s_.state; }
  [[nodiscard]] const HousingParams& params() const { return p_; }
  // Total places of each stock (beds per neighbourhood summed).
  [[nodiscard]] std::int64_t transitional_capacity() const;
  [[nodiscard]] std::int64_t shelter_capacity() const;
  [[nodiscard]] std::int64_t voucher_capacity() const { return vouchers_; }
  [[nodiscard]] std::int64_t public_capacity() const { return public_; }
  // Recomputes the four stocks from housing.stocks.*_per_1000 (at set-up, and
  // mid-run from Simulation::set_parameter). Places already held are kept: a
  // smaller stock only stops new entries until occupancy falls below it.
  void resize_stocks();

 private:
  void become_homeless(std::size_t i, int week, bool from_release, HousingFlows& flows, WeekCounts& c);
  void move(std::size_t i, Housing to, int week);
  [[nodiscard]] bool family_offers(std::size_t i, double u) const;
  [[nodiscard]] bool landlord_accepts(std::size_t i, double u) const;
  [[nodiscard]] bool public_eligible(std::size_t i) const;
  // Worked this week (a job or a transitional job; the labour phase runs first).
  [[nodiscard]] bool employed(std::size_t i) const { return working_[i] != 0; }

  const HousingParams& p_;
  const Population& pop_;
  const Needs& needs_;
  const RiskAssessment& risk_;
  const Community& community_;
  const TieSummary& ties_;  // the network as left by last week's batch
  const JusticeState& justice_;
  const std::vector<std::uint8_t>& working_;
  const Rng& rng_;
  std::vector<std::int64_t> transitional_beds_, shelter_beds_;  // per neighbourhood
  std::int64_t vouchers_ = 0, public_ = 0;
  const std::vector<std::uint8_t>* has_id_ = nullptr;
  HousingState s_;
};

}  // namespace pw
