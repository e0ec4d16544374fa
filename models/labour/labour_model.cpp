#include "models/labour/labour_model.hpp"

#include <algorithm>
#include <cmath>

#include "models/housing/housing_state.hpp"
#include "models/programmes/programmes_model.hpp"
#include "sim/engine/core/distributions.hpp"

namespace pw {

namespace {
double logit(double p) { return std::log(p / (1.0 - p)); }
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double lift(double willingness, double uplift) { return 1.0 - (1.0 - willingness) * (1.0 - uplift); }
template <class T>
void inc(T& counter) {
  if (counter < std::numeric_limits<T>::max()) ++counter;
}
}  // namespace

LabourFlows& LabourFlows::operator+=(const LabourFlows& o) {
  applications.insert(applications.end(), o.applications.begin(), o.applications.end());
  separations.insert(separations.end(), o.separations.begin(), o.separations.end());
  return *this;
}

LabourModel::LabourModel(const LabourParams& params, const Population& pop, const Needs& needs,
                         const Community& community, const TieSummary& ties, const JusticeState& justice,
                         const Rng& rng)
    : p_(params), pop_(pop), needs_(needs), community_(community), ties_(ties), justice_(justice), rng_(rng) {}

void LabourModel::setup() {
  const std::size_t n = pop_.size();
  employers_ = make_employers(p_.employers, p_.incentives, community_.neighbourhoods, n, rng_);
  s_.employer.assign(n, -1);
  s_.job_start_week.assign(n, kNever);
  s_.wage.assign(n, 0);
  s_.first_job_week.assign(n, kNever);
  s_.weeks_employed.assign(n, 0);
  s_.first_transitional_job_week.assign(n, kNever);
  s_.weeks_transitional_job.assign(n, 0);
  s_.earnings.assign(n, 0.0f);
  s_.earnings_first_full_year.assign(n, 0.0f);
  const auto& sp = p_.separation;
  separation_by_tenure_.resize(static_cast<std::size_t>(40 * sp.tenure_scale) + 2);
  for (std::size_t t = 0; t < separation_by_tenure_.size(); ++t) {
    separation_by_tenure_[t] =
        sp.late_rate + (sp.early_rate - sp.late_rate) * std::exp(-static_cast<double>(t) / sp.tenure_scale);
  }
  log_no_referral_per_tie_ = std::log1p(-std::min(p_.search.referral_per_tie, 1.0 - 1e-12));
  s_.certificate.resize(n);
  s_.working.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = rng_.uniform4(static_cast<std::uint32_t>(i), kSetupWeek, Purpose::CommunitySetup)[3];
    s_.certificate[i] = u < p_.incentives.certificate_coverage ? 1 : 0;
  }
}

bool LabourModel::screen(std::size_t i, std::size_t e, bool referral, int week, float& score) const {
  const auto u =
      rng_.uniform4(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week), Purpose::JobApplication);
  const auto& em = employers_;
  const auto& inc = p_.incentives;
  const auto& btb = p_.ban_the_box;
  double reject = 0.0;  // record-check rejection probability
  if (em.checks_records[e] && !em.cooperating[e] && !referral) {
    double w = em.willingness[e];
    if (em.tax_credit[e]) w = lift(w, inc.tax_credit_uplift);
    if (em.bonding[e]) w = lift(w, inc.bonding_uplift);
    if (s_.certificate[i]) w = lift(w, inc.certificate_uplift);
    reject = std::min(1.0, (1.0 - w) * (1.0 + community_.stigma_of(i)));
    if (btb.enabled) {
      // The record is hidden at the callback; the group is not.
      if (pop_.group[i] == btb.proxied_group && u[1] < btb.proxy_penalty) return false;
      reject *= btb.post_offer_rejection_factor;
    }
  }
  const double skill = needs_.employability[i];
  const double pass = logistic(logit(p_.search.interview_base) + p_.search.interview_skill_effect * (skill - 0.5) +
                               (referral ? p_.search.referral_interview_effect : 0.0));
  if (u[2] >= pass) return false;
  if (u[0] < reject) return false;  // before the interview, or after a conditional offer under ban-the-box
  score = static_cast<float>(skill + 0.25 * (u[3] - 0.5));
  return true;
}

void LabourModel::work_week(std::size_t i, std::int64_t wage, bool formal, bool first_full_year, WeekCounts& c) {
  s_.working[i] = formal ? kWorkedFormal : kWorkedInformal;
  ++c.employed;
  c.earnings_usd += wage;
  c.formal_earnings_usd += formal ? wage : 0;
  inc(s_.weeks_employed[i]);
  s_.earnings[i] += static_cast<float>(wage);
  if (first_full_year && formal) s_.earnings_first_full_year[i] += static_cast<float>(wage);
}

WeekCounts LabourModel::work(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws,
                             LabourFlows& flows) {
  WeekCounts c;
  const auto& sr = p_.search;
  const auto w = static_cast<std::uint32_t>(week);
  const bool first_full_year = week >= kFirstFullYearBegin && week < kFirstFullYearEnd;
  const auto n_employers = static_cast<double>(employers_.size());
  const double max_need_factor = std::max(1.0, std::exp(sr.substance_use_search_effect));  // need is on [0, 1]
  const auto transitional_wage = static_cast<std::int64_t>(std::lround(sr.transitional_job_wage));
  for (std::size_t i = begin; i < end; ++i) {
    const bool in_community = justice_.custody[i] == static_cast<std::uint8_t>(Custody::Community);
    const std::int32_t job = s_.employer[i];
    s_.working[i] = 0;
    // Taken into custody since last week's labour phase (a stay can begin and end in between).
    const bool held = !in_community || justice_.custody_started_week[i] >= week - 1;
    if (job >= 0 && held) {
      flows.separations.push_back(job);
      s_.employer[i] = -1;
      ++c.job_losses_custody;
      continue;
    }
    if (!in_community) continue;
    const double event = draws.of(i)[kDrawLabour];  // separation or search
    if (job >= 0) {
      // Works this week, then may separate.
      work_week(i, s_.wage[i], !employers_.informal[static_cast<std::size_t>(job)], first_full_year, c);
      const auto tenure = static_cast<std::size_t>(std::max(0, week - s_.job_start_week[i]));
      const double rate = separation_by_tenure_[std::min(tenure, separation_by_tenure_.size() - 1)];
      if (event < rate) {
        flows.separations.push_back(job);
        s_.employer[i] = -1;
        ++c.job_separations;
      }
      continue;
    }
    bool transitional_job = false;
    for (const auto* status : transitional_jobs_) {
      transitional_job |= (*status)[i] == static_cast<std::uint8_t>(ProgrammeStatus::Active);
    }
    if (transitional_job) {
      work_week(i, transitional_wage, true, first_full_year, c);
      ++c.in_transitional_jobs;
      inc(s_.weeks_transitional_job[i]);
      if (s_.first_transitional_job_week[i] == kNever)
        s_.first_transitional_job_week[i] = static_cast<std::int16_t>(week);
      if (s_.first_job_week[i] == kNever) s_.first_job_week[i] = static_cast<std::int16_t>(week);
    }
    double search = sr.search_rate;
    if (housing_ && unstably_housed((*housing_)[i])) search *= sr.unstable_housing_search_factor;
    if (justice_.supervision[i] != static_cast<std::uint8_t>(SupervisionLevel::None))
      search *= sr.supervision_search_factor;
    // The need term is at most max_need_factor: most weeks are decided without evaluating exp.
    if (!transitional_job && event >= search * max_need_factor) continue;
    search *= std::exp(sr.substance_use_search_effect * needs_.substance_use[i]);
    if (!transitional_job && event >= search) continue;
    const auto u = rng_.uniform4(static_cast<std::uint32_t>(i), w, Purpose::LabourWeek);  // lanes 2 and 3
    ++c.job_searches;
    const bool referral = transitional_job || u[2] < 1.0 - std::exp(log_no_referral_per_tie_ * ties_.support(i));
    std::size_t e = 0;
    const auto k = community_.neighbourhood[i];
    const auto local_n = employers_.offset[k + 1u] - employers_.offset[k];
    const auto& partners = employers_.cooperating_ids;
    if (transitional_job && !partners.empty()) {
      // The programme's job developer refers to a cooperating employer.
      const auto j = static_cast<std::size_t>(u[3] * static_cast<double>(partners.size()));
      e = partners[std::min(j, partners.size() - 1)];
    } else if (!referral && local_n > 0 && u[3] < sr.local_share) {
      const auto j = static_cast<std::uint32_t>(u[3] / sr.local_share * local_n);
      e = employers_.by_neighbourhood[employers_.offset[k] + std::min(j, local_n - 1)];
    } else {
      // Anywhere: referrals, applications outside the neighbourhood, or no local employer.
      const double v = referral || local_n == 0 ? u[3] : (u[3] - sr.local_share) / (1.0 - sr.local_share);
      e = std::min(static_cast<std::size_t>(std::max(0.0, v) * n_employers), employers_.size() - 1);
    }
    c.job_referrals += referral ? 1 : 0;
    if (has_id_ && (*has_id_)[i] == 0 && !employers_.informal[e]) {
      ++c.job_applications_without_id;  // no ID: only informal work
      continue;
    }
    float score = 0;
    if (!screen(i, e, referral, week, score)) continue;
    flows.applications.push_back({static_cast<std::int32_t>(e), static_cast<std::uint32_t>(i), score,
                                  static_cast<std::uint8_t>(referral ? 1 : 0)});
  }
  return c;
}

void LabourModel::hire(int week, LabourFlows& flows, WeekCounts& c) {
  for (const auto e : flows.separations) --employers_.filled[static_cast<std::size_t>(e)];
  auto& apps = flows.applications;
  std::sort(apps.begin(), apps.end(), [](const JobApplication& a, const JobApplication& b) {
    if (a.employer != b.employer) return a.employer < b.employer;
    if (a.referral != b.referral) return a.referral > b.referral;
    if (a.score != b.score) return a.score > b.score;
    return a.person < b.person;
  });
  const int start = week + 1;
  for (const auto& a : apps) {
    const auto e = static_cast<std::size_t>(a.employer);
    const std::size_t i = a.person;
    // Arrested and held later in the same week: the offer lapses.
    if (justice_.custody[i] != static_cast<std::uint8_t>(Custody::Community)) continue;
    if (employers_.filled[e] >= employers_.positions[e]) continue;
    ++employers_.filled[e];
    s_.employer[i] = a.employer;
    s_.job_start_week[i] = static_cast<std::int16_t>(start);
    const double median = std::array{p_.employers.wage_construction, p_.employers.wage_food_service,
                                     p_.employers.wage_manufacturing, p_.employers.wage_other}[employers_.sector[e]];
    const double u = rng_.uniform(a.person, static_cast<std::uint32_t>(week), Purpose::JobTerms);
    s_.wage[i] = static_cast<std::uint16_t>(
        std::clamp(std::round(lognormal_quantile(median, p_.search.wage_spread, u)), 0.0, 65535.0));
    if (s_.first_job_week[i] == kNever) s_.first_job_week[i] = static_cast<std::int16_t>(start);
    ++c.job_starts;
    c.tax_credits_claimed += employers_.tax_credit[e] && !employers_.informal[e] ? 1 : 0;
    c.bonds_issued += employers_.bonding[e] && !employers_.informal[e] ? 1 : 0;
  }
}

}  // namespace pw
