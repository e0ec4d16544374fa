#include "models/population/synthesis.hpp"

#include "sim/engine/core/distributions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pw {

namespace {

struct Range {
  double lo, hi;  // continuous [lo, hi)
};

Range age_range(const ProfileCategory& c, double min_age, double max_age) {
  return {c.lo < 0 ? min_age : c.lo, c.hi < 0 ? max_age : c.hi + 1.0};
}

double prior_mid(const ProfileCategory& c, double open_mean) {
  if (c.hi < 0) return open_mean;
  return 0.5 * (std::max(c.lo, 1) + c.hi);
}

std::size_t pick(const std::vector<double>& cumulative, double u) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

}  // namespace

double unobserved_risk_quantile(const Rng& rng, std::uint32_t id) {
  return rng.uniform2_fine(id, kSetupWeek, Purpose::Frailty)[0];
}

HistoryTable fit_history_table(const PopulationProfile& profile, const PopulationParams& params) {
  HistoryTable t;
  t.age_bands = profile.at("age_at_release");
  t.onset_bands = profile.at("age_first_arrest");
  t.prior_bands = profile.at("prior_arrests");
  const std::size_t na = t.age_bands.size(), no = t.onset_bands.size(), np = t.prior_bands.size();
  t.cells.assign(na * no * np, 0.0);

  // Seed: feasibility times an association between career length and priors.
  std::vector<double> log_career(na * no), log_prior(np);
  for (std::size_t p = 0; p < np; ++p)
    log_prior[p] = std::log(prior_mid(t.prior_bands[p], params.prior_arrests_open_band_mean));
  for (std::size_t a = 0; a < na; ++a) {
    const Range ar = age_range(t.age_bands[a], params.min_age_at_release, params.max_age_at_release);
    for (std::size_t o = 0; o < no; ++o) {
      const Range orr = age_range(t.onset_bands[o], params.min_age_first_arrest, ar.hi);
      const double career = std::max(0.5, 0.5 * (ar.lo + ar.hi) - 0.5 * (orr.lo + std::min(orr.hi, ar.hi)));
      log_career[a * no + o] = std::log(career);
    }
  }
  const double mean_lc =
      std::accumulate(log_career.begin(), log_career.end(), 0.0) / static_cast<double>(log_career.size());
  const double mean_lp = std::accumulate(log_prior.begin(), log_prior.end(), 0.0) / static_cast<double>(np);
  for (std::size_t a = 0; a < na; ++a) {
    const Range ar = age_range(t.age_bands[a], params.min_age_at_release, params.max_age_at_release);
    for (std::size_t o = 0; o < no; ++o) {
      const Range orr = age_range(t.onset_bands[o], params.min_age_first_arrest, params.max_age_at_release);
      if (orr.lo >= ar.hi - 0.5) continue;  // first arrest cannot follow release
      for (std::size_t p = 0; p < np; ++p) {
        t.cells[t.index(a, o, p)] =
            std::exp(params.history_association * (log_career[a * no + o] - mean_lc) * (log_prior[p] - mean_lp));
      }
    }
  }

  // Iterative proportional fitting to the three published marginals.
  auto fit_axis = [&](const std::vector<ProfileCategory>& bands, auto axis_of) {
    std::vector<double> sum(bands.size(), 0.0);
    for (std::size_t a = 0; a < na; ++a)
      for (std::size_t o = 0; o < no; ++o)
        for (std::size_t p = 0; p < np; ++p) sum[axis_of(a, o, p)] += t.cells[t.index(a, o, p)];
    double worst = 0;
    for (std::size_t k = 0; k < bands.size(); ++k) worst = std::max(worst, std::abs(sum[k] - bands[k].share));
    for (std::size_t a = 0; a < na; ++a)
      for (std::size_t o = 0; o < no; ++o)
        for (std::size_t p = 0; p < np; ++p) {
          const std::size_t k = axis_of(a, o, p);
          if (sum[k] > 0) t.cells[t.index(a, o, p)] *= bands[k].share / sum[k];
        }
    return worst;
  };
  const double total0 = std::accumulate(t.cells.begin(), t.cells.end(), 0.0);
  for (auto& c : t.cells) c /= total0;
  for (int iter = 0; iter < 1000; ++iter) {
    double worst = fit_axis(t.age_bands, [](std::size_t a, std::size_t, std::size_t) { return a; });
    worst = std::max(worst, fit_axis(t.onset_bands, [](std::size_t, std::size_t o, std::size_t) { return o; }));
    worst = std::max(worst, fit_axis(t.prior_bands, [](std::size_t, std::size_t, std::size_t p) { return p; }));
    if (worst < 1e-12) break;
  }
  t.cumulative.resize(t.cells.size());
  std::partial_sum(t.cells.begin(), t.cells.end(), t.cumulative.begin());
  return t;
}

Population synthesise_population(std::size_t people, const PopulationProfile& profile, const PopulationParams& params,
                                 const Rng& rng, Parallel& par) {
  const HistoryTable table = fit_history_table(profile, params);
  const std::size_t no = table.onset_bands.size(), np = table.prior_bands.size();

  const double female = profile.share("sex", "female");
  const double to_supervision = profile.share("release", "to_supervision");
  // Admission categories ordered by the latent risk they take: new court
  // commitments lowest, supervision violators highest, others between.
  std::vector<double> admission_cum;
  std::vector<std::uint8_t> admission_kind;
  const auto kind_of = [](const std::string& label) {
    return label == "new_court_commitment"   ? Admission::NewCourtCommitment
           : label == "supervision_violator" ? Admission::SupervisionViolator
                                             : Admission::Other;
  };
  for (const Admission rank : {Admission::NewCourtCommitment, Admission::Other, Admission::SupervisionViolator}) {
    for (const auto& c : profile.at("admission")) {
      if (kind_of(c.label) != rank) continue;
      admission_cum.push_back((admission_cum.empty() ? 0.0 : admission_cum.back()) + c.share);
      admission_kind.push_back(static_cast<std::uint8_t>(rank));
    }
  }
  const double rho = params.admission_risk_correlation, rho_rest = std::sqrt(1.0 - rho * rho);
  const std::vector<double> offence_cum = {
      params.offence_violent_share, params.offence_violent_share + params.offence_property_share,
      params.offence_violent_share + params.offence_property_share + params.offence_drug_share, 1.0};
  const double tail_q =
      1.0 / (1.0 + std::max(0.0, params.prior_arrests_open_band_mean - std::max(0, table.prior_bands.back().lo)));

  Population pop;
  pop.resize(people);
  par.for_ranges(people, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto id = static_cast<std::uint32_t>(i);
      // Criminal history: a cell of the fitted joint table, then values inside it.
      const std::size_t cell = pick(table.cumulative, rng.uniform2_fine(id, kSetupWeek, Purpose::HistoryCell)[0]);
      const std::size_t a = cell / (no * np), o = (cell / np) % no, p = cell % np;
      const auto u = rng.uniform4(id, kSetupWeek, Purpose::HistoryWithinCell);
      const Range ar = age_range(table.age_bands[a], params.min_age_at_release, params.max_age_at_release);
      const Range orr = age_range(table.onset_bands[o], params.min_age_first_arrest, params.max_age_at_release);
      // Age is uniform over the part of its band that the first-arrest band allows.
      const double age_lo = std::min(std::max(ar.lo, orr.lo + 0.5), ar.hi - 0.01);
      const double age = age_lo + u[0] * (ar.hi - age_lo);
      const double onset_hi = std::min(orr.hi, age - 0.25);
      const double onset = orr.lo + u[1] * std::max(0.0, onset_hi - orr.lo);
      const auto& pb = table.prior_bands[p];
      int priors = 0;
      if (pb.hi >= 0) {
        const int lo = std::max(pb.lo, 1);
        priors = lo + static_cast<int>(u[2] * (pb.hi - lo + 1));
      } else {
        priors = pb.lo + static_cast<int>(std::floor(std::log(u[3]) / std::log1p(-tail_q)));
      }
      pop.age_at_release[i] = static_cast<float>(age);
      pop.age_first_arrest[i] = static_cast<float>(onset);
      pop.prior_arrests[i] = static_cast<std::uint16_t>(std::min(priors, 999));

      const auto d = rng.uniform4(id, kSetupWeek, Purpose::Demography);
      pop.sex[i] = static_cast<std::uint8_t>(d[0] < female ? Sex::Female : Sex::Male);
      pop.group[i] = d[1] < params.second_group_share ? 1 : 0;
      pop.education[i] =
          static_cast<std::uint8_t>(d[2] < params.education_none_share                   ? Education::None
                                    : d[2] < 1.0 - params.education_post_secondary_share ? Education::Secondary
                                                                                         : Education::PostSecondary);
      const double latent = rho * normal_quantile(unobserved_risk_quantile(rng, id)) + rho_rest * normal_quantile(d[3]);
      pop.admission[i] = admission_kind[pick(admission_cum, normal_cdf(latent))];
      pop.released_to_supervision[i] = rng.uniform(id, kSetupWeek, Purpose::Demography, 1) < to_supervision ? 1 : 0;

      const auto f = rng.uniform4(id, kSetupWeek, Purpose::Offence);
      pop.commitment_offence[i] = static_cast<std::uint8_t>(pick(offence_cum, f[0]));
      const double months = lognormal_quantile(params.months_served_median, params.months_served_sigma, f[1]);
      pop.months_served[i] = static_cast<float>(std::clamp(months, 0.25, 12.0 * (age - onset)));
    }
  });
  return pop;
}

}  // namespace pw
