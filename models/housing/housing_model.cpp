#include "models/housing/housing_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace pw {

namespace {
constexpr auto kCommunity = static_cast<std::uint8_t>(Custody::Community);
constexpr auto kPrison = static_cast<std::uint8_t>(Custody::Prison);
constexpr auto h8(Housing h) { return static_cast<std::uint8_t>(h); }

// Splits `total` over neighbourhoods in proportion to their share of releases
// (largest remainder, ties to the lower index).
std::vector<std::int64_t> split_by_releases(std::int64_t total, const std::vector<Neighbourhood>& hoods) {
  std::vector<std::int64_t> out(hoods.size(), 0);
  std::vector<std::pair<double, std::size_t>> rem;
  std::int64_t given = 0;
  for (std::size_t k = 0; k < hoods.size(); ++k) {
    const double exact = static_cast<double>(total) * hoods[k].release_weight;
    out[k] = static_cast<std::int64_t>(std::floor(exact));
    given += out[k];
    rem.emplace_back(-(exact - std::floor(exact)), k);
  }
  std::sort(rem.begin(), rem.end());
  for (std::size_t j = 0; given < total && j < rem.size(); ++j, ++given) ++out[rem[j].second];
  return out;
}

template <class T>
void inc(T& counter) {
  if (counter < std::numeric_limits<T>::max()) ++counter;
}
}  // namespace

HousingOccupancy& HousingOccupancy::operator+=(const HousingOccupancy& o) {
  if (transitional.size() < o.transitional.size()) transitional.resize(o.transitional.size(), 0);
  if (shelter.size() < o.shelter.size()) shelter.resize(o.shelter.size(), 0);
  for (std::size_t k = 0; k < o.transitional.size(); ++k) transitional[k] += o.transitional[k];
  for (std::size_t k = 0; k < o.shelter.size(); ++k) shelter[k] += o.shelter[k];
  vouchers += o.vouchers;
  public_units += o.public_units;
  return *this;
}

HousingFlows& HousingFlows::operator+=(const HousingFlows& o) {
  requests.insert(requests.end(), o.requests.begin(), o.requests.end());
  occupancy += o.occupancy;
  return *this;
}

HousingModel::HousingModel(const HousingParams& params, const Population& pop, const Needs& needs,
                           const RiskAssessment& risk, const Community& community, const TieSummary& ties,
                           const JusticeState& justice, const std::vector<std::uint8_t>& working, const Rng& rng)
    : p_(params),
      pop_(pop),
      needs_(needs),
      risk_(risk),
      community_(community),
      ties_(ties),
      justice_(justice),
      working_(working),
      rng_(rng) {}

void HousingModel::resize_stocks() {
  const auto per_1000 = [&](double rate) {
    return static_cast<std::int64_t>(std::llround(rate * static_cast<double>(pop_.size()) / 1000.0));
  };
  transitional_beds_ = split_by_releases(per_1000(p_.stocks.transitional_per_1000), community_.neighbourhoods);
  shelter_beds_ = split_by_releases(per_1000(p_.stocks.shelter_per_1000), community_.neighbourhoods);
  vouchers_ = per_1000(p_.stocks.vouchers_per_1000);
  public_ = per_1000(p_.stocks.public_per_1000);
}

void HousingModel::setup() {
  const std::size_t n = pop_.size();
  resize_stocks();
  s_.state.assign(n, h8(Housing::None));
  s_.tenure.assign(n, 0);
  s_.bed_hood.assign(n, 0);
  s_.until.assign(n, kNever);
  s_.since.assign(n, 0);
  s_.homeless_since.assign(n, kNever);
  s_.first_shelter_week.assign(n, kNever);
  s_.first_street_week.assign(n, kNever);
  s_.weeks_homeless.assign(n, 0);
  s_.first_transitional_week.assign(n, kNever);
  s_.first_voucher_week.assign(n, kNever);
  s_.weeks_transitional.assign(n, 0);
  s_.weeks_voucher.assign(n, 0);
}

std::int64_t HousingModel::transitional_capacity() const {
  std::int64_t t = 0;
  for (const auto b : transitional_beds_) t += b;
  return t;
}
std::int64_t HousingModel::shelter_capacity() const {
  std::int64_t t = 0;
  for (const auto b : shelter_beds_) t += b;
  return t;
}

bool HousingModel::family_offers(std::size_t i, double u) const {
  const double family = ties_.family_support(i), friends = ties_.of(i, TieType::Prosocial);
  if (family <= 0 && friends <= 0) return false;
  const double none =
      std::pow(1.0 - p_.entry.family_accept_per_tie, family) * std::pow(1.0 - p_.entry.friend_accept_per_tie, friends);
  return u < 1.0 - none;
}

bool HousingModel::landlord_accepts(std::size_t i, double u) const {
  return u >= std::min(1.0, p_.transitions.landlord_rejection * (1.0 + community_.stigma_of(i)));
}

bool HousingModel::public_eligible(std::size_t i) const {
  const auto& rule = p_.stocks.public_exclusion;
  if (rule == "all") return false;
  if (rule == "none") return true;
  const auto offence = pop_.commitment_offence[i];
  return offence != static_cast<std::uint8_t>(OffenceType::Violent) &&
         offence != static_cast<std::uint8_t>(OffenceType::Drug);
}

void HousingModel::move(std::size_t i, Housing to, int week) {
  s_.state[i] = h8(to);
  s_.since[i] = static_cast<std::int16_t>(week);
  if (to == Housing::Shelter || to == Housing::Street) {
    if (s_.homeless_since[i] == kNever) s_.homeless_since[i] = static_cast<std::int16_t>(week);
    // A night on the street counts only if the week ends there (see allocate).
    if (to == Housing::Shelter && s_.first_shelter_week[i] == kNever) {
      s_.first_shelter_week[i] = static_cast<std::int16_t>(week);
    }
  } else {
    s_.homeless_since[i] = kNever;
  }
}

void HousingModel::become_homeless(std::size_t i, int week, bool from_release, HousingFlows& flows, WeekCounts& c) {
  // Between places until the barrier (which places the person or leaves them on the street).
  s_.state[i] = h8(Housing::None);
  s_.tenure[i] = 0;
  s_.since[i] = static_cast<std::int16_t>(week);
  if (s_.homeless_since[i] == kNever) s_.homeless_since[i] = static_cast<std::int16_t>(week);
  ++c.housing_losses;
  const auto u =
      rng_.uniform4(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week), Purpose::HousingWeek, 1);
  std::uint8_t wants = u[1] < p_.transitions.street_to_shelter ? kWantShelter : 0;
  if (from_release && p_.stocks.transitional_per_1000 > 0) wants |= kWantTransitional;
  if (vouchers_ > 0 && (!from_release || p_.stocks.vouchers_at_release)) wants |= kWantVoucher;
  if (public_ > 0 && public_eligible(i)) wants |= kWantPublic;
  flows.requests.push_back({static_cast<std::uint32_t>(i), wants, static_cast<float>(u[0])});
}

WeekCounts HousingModel::transitions(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws,
                                     HousingFlows& flows) {
  WeekCounts c;
  const auto& t = p_.transitions;
  const auto w = static_cast<std::uint32_t>(week);
  for (std::size_t i = begin; i < end; ++i) {
    const auto custody = justice_.custody[i];
    auto& state = s_.state[i];
    const bool admitted_since_last_week = justice_.last_admission_week[i] == week - 1;
    if (custody == kPrison || admitted_since_last_week) {
      if (state != h8(Housing::None)) {
        state = h8(Housing::None);
        s_.tenure[i] = 0;
        s_.homeless_since[i] = kNever;
        ++c.housing_lost_to_prison;
      }
      if (custody == kPrison) continue;  // else already released again: back to the entry process below
    }
    if (custody != kCommunity) continue;  // held in jail: the place is kept
    if (unstably_housed(state)) inc(s_.weeks_homeless[i]);
    if (state == h8(Housing::Transitional)) inc(s_.weeks_transitional[i]);
    if (state == h8(Housing::Own) && s_.tenure[i] == static_cast<std::uint8_t>(Tenure::Voucher))
      inc(s_.weeks_voucher[i]);
    // The week's shared draw decides whether anything happens; the details
    // (landlord screening, family offer) are drawn only when it does.
    const double event = draws.of(i)[kDrawHousingEvent];
    const double move_draw = draws.of(i)[kDrawHousingMove];
    std::optional<std::array<double, 4>> detail_draw;
    const auto detail = [&]() -> const std::array<double, 4>& {
      if (!detail_draw) detail_draw = rng_.uniform4(static_cast<std::uint32_t>(i), w, Purpose::HousingWeek);
      return *detail_draw;
    };
    const double unemployed = employed(i) ? 1.0 : t.unemployed_loss_factor;
    const auto moves_out = [&] {
      return employed(i) && move_draw < t.move_out_rate && landlord_accepts(i, detail()[2]);
    };
    const auto lose = [&] {
      if (family_offers(i, detail()[3])) {
        move(i, Housing::Family, week);
      } else {
        become_homeless(i, week, false, flows, c);
      }
    };
    switch (static_cast<Housing>(state)) {
      case Housing::None:
        if (event < p_.entry.own_at_release) {
          move(i, Housing::Own, week);
          s_.tenure[i] = static_cast<std::uint8_t>(Tenure::Private);
        } else if (family_offers(i, detail()[3])) {
          move(i, Housing::Family, week);
        } else {
          become_homeless(i, week, true, flows, c);
          --c.housing_losses;  // leaving prison without a place is not a loss of housing
        }
        break;
      case Housing::Own: {
        const auto tenure = static_cast<Tenure>(s_.tenure[i]);
        const double rate = tenure == Tenure::Voucher
                                ? (week - s_.since[i] < 52 ? t.voucher_exit_year1 : t.voucher_exit_later)
                            : tenure == Tenure::Public ? t.public_loss_rate
                                                       : t.own_loss_rate * unemployed;
        if (event < rate) {
          s_.tenure[i] = 0;
          lose();
        }
        break;
      }
      case Housing::Family:
        if (event < t.family_breakdown_rate * unemployed) {
          lose();
        } else if (moves_out()) {
          move(i, Housing::Own, week);
          s_.tenure[i] = static_cast<std::uint8_t>(Tenure::Private);
        }
        break;
      case Housing::Transitional:
        if (week >= s_.until[i]) {
          if (employed(i) && landlord_accepts(i, detail()[2])) {
            move(i, Housing::Own, week);
            s_.tenure[i] = static_cast<std::uint8_t>(Tenure::Private);
          } else {
            lose();
          }
        }
        break;
      case Housing::Shelter:
      case Housing::Street: {
        const bool shelter = state == h8(Housing::Shelter);
        if (moves_out()) {
          move(i, Housing::Own, week);
          s_.tenure[i] = static_cast<std::uint8_t>(Tenure::Private);
        } else if (event < t.shelter_exit_rate) {
          if (family_offers(i, detail()[3])) {
            move(i, Housing::Family, week);
          } else if (shelter) {
            move(i, Housing::Street, week);
            if (s_.first_street_week[i] == kNever) s_.first_street_week[i] = static_cast<std::int16_t>(week);
          }
        } else {
          std::uint8_t wants = 0;
          // `event` is uniform on [shelter_exit_rate, 1) here.
          if (!shelter && (event - t.shelter_exit_rate) / (1.0 - t.shelter_exit_rate) < t.street_to_shelter) {
            wants |= kWantShelter;
          }
          if (vouchers_ > 0) wants |= kWantVoucher;
          if (public_ > 0 && public_eligible(i)) wants |= kWantPublic;
          if (wants != 0) {
            const auto tie =
                static_cast<float>(rng_.uniform(static_cast<std::uint32_t>(i), w, Purpose::HousingWeek, 1));
            flows.requests.push_back({static_cast<std::uint32_t>(i), wants, tie});
          }
        }
        break;
      }
    }
  }
  return c;
}

WeekCounts HousingModel::census(std::size_t begin, std::size_t end, HousingFlows& flows) const {
  WeekCounts c;
  auto& occ = flows.occupancy;
  occ.transitional.resize(transitional_beds_.size(), 0);
  occ.shelter.resize(shelter_beds_.size(), 0);
  for (std::size_t i = begin; i < end; ++i) {
    const auto state = static_cast<Housing>(s_.state[i]);
    if (state == Housing::Transitional) ++occ.transitional[s_.bed_hood[i]];
    if (state == Housing::Shelter) ++occ.shelter[s_.bed_hood[i]];
    if (state == Housing::Own && s_.tenure[i] == static_cast<std::uint8_t>(Tenure::Voucher)) ++occ.vouchers;
    if (state == Housing::Own && s_.tenure[i] == static_cast<std::uint8_t>(Tenure::Public)) ++occ.public_units;
    if (justice_.custody[i] != kCommunity) continue;
    switch (state) {
      case Housing::Own:
        ++c.housed_own;
        break;
      case Housing::Family:
        ++c.with_family;
        break;
      case Housing::Transitional:
        ++c.in_transitional;
        break;
      case Housing::Shelter:
        ++c.in_shelter;
        break;
      case Housing::Street:
        ++c.on_street;
        break;
      case Housing::None:
        break;
    }
  }
  return c;
}

void HousingModel::allocate(int week, HousingFlows& flows, WeekCounts& c) {
  auto& occ = flows.occupancy;
  occ.transitional.resize(transitional_beds_.size(), 0);
  occ.shelter.resize(shelter_beds_.size(), 0);
  auto& reqs = flows.requests;
  // The end-of-week census ran before this barrier: move its counts with the person.
  const auto stock = [&](Housing h) -> std::int64_t* {
    switch (h) {
      case Housing::Own:
        return &c.housed_own;
      case Housing::Family:
        return &c.with_family;
      case Housing::Transitional:
        return &c.in_transitional;
      case Housing::Shelter:
        return &c.in_shelter;
      case Housing::Street:
        return &c.on_street;
      case Housing::None:
        return nullptr;
    }
    return nullptr;
  };
  const auto place = [&](std::uint32_t i, Housing to) {
    if (auto* from = stock(static_cast<Housing>(s_.state[i]))) --*from;
    ++*stock(to);
    move(i, to, week);
  };
  // Requests of people taken into custody later this week lapse.
  reqs.erase(std::remove_if(reqs.begin(), reqs.end(),
                            [&](const HousingRequest& r) { return justice_.custody[r.person] != kCommunity; }),
             reqs.end());
  const auto placed = [&](const HousingRequest& r) {
    const auto s = static_cast<Housing>(s_.state[r.person]);
    return s == Housing::Own || s == Housing::Transitional || (s == Housing::Shelter && s_.since[r.person] == week);
  };
  // Every order below is total (a rule's key, then the keyed tie-break, then the
  // person id), so the result never depends on how persons were split into blocks.
  const auto then_tie = [](const HousingRequest& a, const HousingRequest& b) {
    return a.tie_break != b.tie_break ? a.tie_break < b.tie_break : a.person < b.person;
  };
  // Vouchers and public housing need an ID (models/coordination).
  constexpr std::uint8_t kNeedsId = kWantVoucher | kWantPublic;
  const auto lacks_id = [&](std::uint32_t i) { return has_id_ && (*has_id_)[i] == 0; };
  const auto select = [&](std::uint8_t want, bool skip_placed) {
    std::vector<HousingRequest> v;
    for (const auto& r : reqs) {
      if ((r.wants & want) && !(skip_placed && placed(r)) && !(want & kNeedsId && lacks_id(r.person))) v.push_back(r);
    }
    return v;
  };
  // The first `k` of `v` in the order `less`, sorted (selection, then a small sort).
  const auto first_k = [](std::vector<HousingRequest>& v, std::int64_t k, const auto& less) {
    if (k < static_cast<std::int64_t>(v.size())) {
      std::nth_element(v.begin(), v.begin() + k, v.end(), less);
      v.resize(static_cast<std::size_t>(k));
    }
    std::sort(v.begin(), v.end(), less);
  };
  // Vouchers, by the priority rule.
  if (vouchers_ > occ.vouchers) {
    auto v = select(kWantVoucher, false);
    const auto& rule = p_.stocks.voucher_priority;
    const auto key = [&](std::uint32_t i) -> double {
      if (rule == "need-first") return -(needs_.mental_health[i] + needs_.substance_use[i]);
      if (rule == "risk-first") return -static_cast<double>(risk_.level[i]);
      if (rule == "first-come") return s_.homeless_since[i];
      return 0.0;
    };
    first_k(v, vouchers_ - occ.vouchers, [&](const HousingRequest& a, const HousingRequest& b) {
      const double ka = key(a.person), kb = key(b.person);
      return ka != kb ? ka < kb : then_tie(a, b);
    });
    for (const auto& r : v) {
      place(r.person, Housing::Own);
      s_.tenure[r.person] = static_cast<std::uint8_t>(Tenure::Voucher);
      if (s_.first_voucher_week[r.person] == kNever) s_.first_voucher_week[r.person] = static_cast<std::int16_t>(week);
      ++occ.vouchers;
      ++c.vouchers_issued;
    }
  }
  // Public housing: longest homeless first.
  if (public_ > occ.public_units) {
    auto v = select(kWantPublic, true);
    first_k(v, public_ - occ.public_units, [&](const HousingRequest& a, const HousingRequest& b) {
      const auto sa = s_.homeless_since[a.person], sb = s_.homeless_since[b.person];
      return sa != sb ? sa < sb : then_tie(a, b);
    });
    for (const auto& r : v) {
      place(r.person, Housing::Own);
      s_.tenure[r.person] = static_cast<std::uint8_t>(Tenure::Public);
      ++occ.public_units;
    }
  }
  // Transitional beds in the own neighbourhood: people on supervision first.
  {
    auto v = select(kWantTransitional, true);
    std::sort(v.begin(), v.end(), [&](const HousingRequest& a, const HousingRequest& b) {
      const auto sa = justice_.supervision[a.person], sb = justice_.supervision[b.person];
      return sa != sb ? sa > sb : then_tie(a, b);
    });
    const int term = std::max(1, static_cast<int>(p_.stocks.transitional_term + 0.5));
    for (const auto& r : v) {
      const auto k = community_.neighbourhood[r.person];
      if (occ.transitional[k] >= transitional_beds_[k]) continue;
      ++occ.transitional[k];
      place(r.person, Housing::Transitional);
      if (s_.first_transitional_week[r.person] == kNever) {
        s_.first_transitional_week[r.person] = static_cast<std::int16_t>(week);
      }
      s_.bed_hood[r.person] = k;
      s_.until[r.person] = static_cast<std::int16_t>(week + term);
      ++c.transitional_entries;
    }
  }
  // Shelter beds: own neighbourhood, else the first neighbourhood with a free bed.
  {
    auto v = select(kWantShelter, true);
    std::sort(v.begin(), v.end(), then_tie);
    std::size_t any = 0;
    for (const auto& r : v) {
      std::size_t k = community_.neighbourhood[r.person];
      if (occ.shelter[k] >= shelter_beds_[k]) {
        while (any < shelter_beds_.size() && occ.shelter[any] >= shelter_beds_[any]) ++any;
        if (any == shelter_beds_.size()) continue;  // every bed taken; the next person may have a local one
        k = any;
      }
      ++occ.shelter[k];
      place(r.person, Housing::Shelter);
      s_.bed_hood[r.person] = static_cast<std::uint16_t>(k);
      ++c.shelter_entries;
    }
  }
  // Whoever is still between places ends the week on the street.
  for (const auto& r : reqs) {
    if (s_.state[r.person] == h8(Housing::None)) place(r.person, Housing::Street);
    if (s_.state[r.person] == h8(Housing::Street) && s_.first_street_week[r.person] == kNever) {
      s_.first_street_week[r.person] = static_cast<std::int16_t>(week);
    }
  }
  for (const auto b : occ.transitional) c.transitional_beds_held += b;
  for (const auto b : occ.shelter) c.shelter_beds_held += b;
  c.voucher_holders = occ.vouchers;
  c.public_tenants = occ.public_units;
}

}  // namespace pw
