#include "models/justice/justice_model.hpp"

#include "models/population/synthesis.hpp"
#include "sim/engine/core/distributions.hpp"

#include <algorithm>
#include <cmath>

namespace pw {

namespace {
constexpr int kMaxWeek = 30000;  // custody and supervision end weeks are clamped here (int16)
constexpr double kReferenceAge = 35.0, kReferenceOnset = 18.0, kReferencePriors = 9.0;

template <class T>
void inc(T& counter) {
  if (counter < std::numeric_limits<T>::max()) ++counter;
}
}  // namespace

void JusticeState::resize(std::size_t n) {
  frailty.resize(n);
  propensity.resize(n);
  static_propensity.resize(n);
  desist_week.resize(n);
  violation_multiplier.resize(n);
  custody.assign(n, static_cast<std::uint8_t>(Custody::Community));
  custody_until.assign(n, kNever);
  supervision.assign(n, static_cast<std::uint8_t>(SupervisionLevel::None));
  supervision_until.assign(n, kNever);
  court_week.assign(n, kNever);
  case_convicted.assign(n, 0);
  case_arrest_week.assign(n, kNever);
  case_violent.assign(n, 0);
  court_programme.assign(n, 0);
  diversion_pending.assign(n, 0);
  court_programme_until.assign(n, kNever);
  court_need_at_admission.assign(n, 0.0f);
  for (std::size_t k = 0; k < 2; ++k) {
    court_start_week[k].assign(n, kNever);
    court_end_week[k].assign(n, kNever);
    court_graduated[k].assign(n, 0);
  }
  first_arrest_week.assign(n, kNever);
  first_conviction_week.assign(n, kNever);
  first_return_week.assign(n, kNever);
  first_admission_week.assign(n, kNever);
  last_admission_week.assign(n, kNever);
  custody_started_week.assign(n, kNever);
  offences.assign(n, 0);
  arrests.assign(n, 0);
  convictions.assign(n, 0);
  technical_violations.assign(n, 0);
  returns_to_prison.assign(n, 0);
}

JusticeModel::JusticeModel(const JusticeParams& params, const Population& pop, Needs& needs, const RiskAssessment& risk,
                           const Rng& rng, double post_release_supervision_share)
    : p_(params),
      pop_(pop),
      needs_(needs),
      risk_(risk),
      rng_(rng),
      post_release_supervision_share_(post_release_supervision_share) {}

int JusticeModel::lognormal_weeks(double median, double sigma, double u) const {
  const double w = std::round(lognormal_quantile(median, sigma, u));
  return static_cast<int>(std::clamp(w, 1.0, static_cast<double>(kMaxWeek / 2)));
}

void JusticeModel::setup(Parallel& par) {
  const std::size_t n = pop_.size();
  s_.resize(n);
  const auto& o = p_.offending;
  const double theta = o.frailty_variance;
  const double offender_effect[kOffenceTypes] = {0.0, o.property_offender_effect, o.drug_offender_effect,
                                                 o.public_order_offender_effect};
  par.for_ranges(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto id = static_cast<std::uint32_t>(i);
      const double u = unobserved_risk_quantile(rng_, id);
      s_.desist_week[i] =
          desistance_week(pop_.age_at_release[i], rng_.uniform2_fine(id, kSetupWeek, Purpose::Frailty)[1]);
      const double frailty = theta > 1e-9 ? theta * gamma_quantile(1.0 / theta, u) : 1.0;
      const double x = o.female_effect * (pop_.sex[i] == static_cast<std::uint8_t>(Sex::Female)) +
                       o.prior_arrests_effect *
                           (std::sqrt(static_cast<double>(pop_.prior_arrests[i])) - std::sqrt(kReferencePriors)) +
                       o.onset_effect * (pop_.age_first_arrest[i] - kReferenceOnset) +
                       o.age_elasticity * std::log(pop_.age_at_release[i] / kReferenceAge) +
                       offender_effect[pop_.commitment_offence[i]];
      s_.frailty[i] = static_cast<float>(frailty);
      s_.static_propensity[i] = static_cast<float>(o.base_rate * frailty * std::exp(x));
      refresh_from_needs(i);
      if (pop_.released_to_supervision[i] != 0) start_supervision(i, 0, true);
    }
  });
}

std::int16_t JusticeModel::desistance_week(double age_at_release, double u) const {
  // The age at desistance is logistic(median, scale); u is its quantile. A
  // person whose career ended before release has desisted (week 0).
  const auto& o = p_.offending;
  const double age = o.desistance_median_age + o.desistance_age_scale * std::log(u / (1.0 - u));
  const double weeks = std::ceil((age - age_at_release) * 52.0);
  return static_cast<std::int16_t>(std::clamp(weeks, 0.0, static_cast<double>(kMaxDesistWeek)));
}

void JusticeModel::refresh_from_needs(std::size_t i) {
  const auto& o = p_.offending;
  const double needs_term = o.substance_use_effect * needs_.substance_use[i] +
                            o.mental_health_effect * needs_.mental_health[i] +
                            o.antisocial_cognition_effect * needs_.antisocial_cognition[i] +
                            o.low_employability_effect * (1.0 - needs_.employability[i]);
  s_.propensity[i] = static_cast<float>(s_.static_propensity[i] * std::exp(needs_term));
  s_.violation_multiplier[i] =
      static_cast<float>(std::exp(p_.supervision.substance_violation_effect * needs_.substance_use[i]));
}

void JusticeModel::start_supervision(std::size_t i, int week, bool cohort_release) {
  const auto id = static_cast<std::uint32_t>(i);
  std::array<double, 4> u{};
  if (cohort_release) {
    const auto v = rng_.uniform4(id, kSetupWeek, Purpose::SupervisionSetup);
    u = {0.0, v[0], v[1], v[2]};  // supervised is given by the cohort profile
  } else {
    u = rng_.uniform4(id, static_cast<std::uint32_t>(week), Purpose::ReleaseSupervision);
    if (u[0] >= post_release_supervision_share_) {
      s_.supervision[i] = static_cast<std::uint8_t>(SupervisionLevel::None);
      return;
    }
  }
  const auto level = static_cast<RiskLevel>(risk_.level[i]);
  const double intensive_share = level == RiskLevel::VeryHigh ? p_.supervision.intensive_share_very_high
                                 : level == RiskLevel::High   ? p_.supervision.intensive_share_high
                                                              : 0.0;
  s_.supervision[i] =
      static_cast<std::uint8_t>(u[1] < intensive_share ? SupervisionLevel::Intensive : SupervisionLevel::Standard);
  s_.supervision_until[i] =
      static_cast<std::int16_t>(std::min(kMaxWeek, week + lognormal_weeks(p_.supervision.term_median, 0.5, u[2])));
}

void JusticeModel::admit_to_prison(std::size_t i, int week, int term_weeks, int arrest_week) {
  s_.custody[i] = static_cast<std::uint8_t>(Custody::Prison);
  s_.custody_until[i] = static_cast<std::int16_t>(std::min(kMaxWeek, week + std::max(1, term_weeks)));
  s_.supervision[i] = static_cast<std::uint8_t>(SupervisionLevel::None);
  s_.supervision_until[i] = kNever;
  inc(s_.returns_to_prison[i]);
  const int dated = arrest_week == kNever ? week : arrest_week;
  if (s_.first_return_week[i] == kNever || dated < s_.first_return_week[i]) {
    s_.first_return_week[i] = static_cast<std::int16_t>(dated);
  }
  if (s_.first_admission_week[i] == kNever) s_.first_admission_week[i] = static_cast<std::int16_t>(week);
  s_.last_admission_week[i] = static_cast<std::int16_t>(week);
  s_.custody_started_week[i] = static_cast<std::int16_t>(week);
}

WeekCounts JusticeModel::releases(std::size_t begin, std::size_t end, int week) {
  WeekCounts c;
  for (std::size_t i = begin; i < end; ++i) {
    if (s_.custody_until[i] != week) continue;
    if (s_.custody[i] == static_cast<std::uint8_t>(Custody::Jail)) {
      // A jail sanction ends; pretrial detention ends at court instead.
      if (s_.court_week[i] == week) continue;
      s_.custody[i] = static_cast<std::uint8_t>(Custody::Community);
      s_.custody_until[i] = kNever;
      ++c.releases;
      continue;
    }
    if (s_.custody[i] != static_cast<std::uint8_t>(Custody::Prison)) continue;
    s_.custody[i] = static_cast<std::uint8_t>(Custody::Community);
    s_.custody_until[i] = kNever;
    start_supervision(i, week, false);
    ++c.releases;
  }
  return c;
}

WeekCounts JusticeModel::census(std::size_t begin, std::size_t end) const {
  WeekCounts c;
  for (std::size_t i = begin; i < end; ++i) {
    switch (static_cast<Custody>(s_.custody[i])) {
      case Custody::Community:
        ++c.in_community;
        c.in_drug_court += s_.court_programme[i] == 1;
        c.in_mental_health_court += s_.court_programme[i] == 2;
        c.on_standard_supervision += s_.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::Standard);
        c.on_intensive_supervision += s_.supervision[i] == static_cast<std::uint8_t>(SupervisionLevel::Intensive);
        break;
      case Custody::Jail:
        ++c.in_jail;
        break;
      case Custody::Prison:
        ++c.in_prison;
        break;
    }
  }
  return c;
}

}  // namespace pw
