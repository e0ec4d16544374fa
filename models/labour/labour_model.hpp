// The labour market for released persons: separations, job search, referrals,
// record checks and hiring into scarce positions (docs/ODD.md §3.2 phase 3, §7.16).
//
// Week t, in order:
//   work (per person, phase "labour")
//       a person who is employed and in custody loses the job; an employed
//       person in the community works the week (earns the weekly wage) and may
//       then separate at a rate that falls with tenure:
//         late_rate + (early_rate - late_rate) exp(-tenure / tenure_scale);
//       (The week's event draws come from PersonWeekDraws, lane kDrawLabour:
//       one uniform decides a separation or the start of a search; referral
//       and employer are drawn only for a search.)
//       an active participant of a transitional_jobs programme who has no job
//       works a transitional job (search.transitional_job_wage, formal) and
//       searches every week through the programme's job developer (a
//       referral); other unemployed people in the community search with
//       probability search.rate x unstable_housing_factor (in a shelter or on
//       the street) x supervision_factor (on supervision) x
//       exp(substance_use_effect x substance-use need), capped at 1. A search
//       is a referral through the network with probability
//       1 - (1 - referral_per_tie)^S, where S is the summed strength of the
//       person's family, prosocial, mentor and co-worker ties (a full tie is
//       1; models/network), else an application to an employer in
//       the person's neighbourhood (local_share) or anywhere.
//       The application is screened now, from the employer's fixed traits:
//         record check: an employer who checks records rejects with
//           probability min(1, (1 - w)(1 + stigma)), where w is its
//           willingness raised by incentives (w' = 1 - (1 - w)(1 - uplift)
//           for a tax credit, bonding, and a certificate the person holds);
//           cooperating employers and referrals pass;
//         ban-the-box: the check moves after the interview and its rejection
//           is scaled by post_offer_rejection_factor, but employers who would
//           have checked reject proxy_penalty of the proxied group at the
//           callback (statistical discrimination);
//         interview: logit P = logit(interview_base) + skill_effect
//           (employability - 0.5) + referral_effect [referral].
//         no ID (models/coordination): an application to a formal employer
//           (not informal) is refused before screening.
//       Passing applications are written to the week's flows, with a score.
//   hire (barrier, after every per-person phase of week t)
//       positions freed by this week's separations are released; each
//       employer fills its vacancies (positions - filled) from its passing
//       applicants in a deterministic order: referrals first, then the higher
//       score (employability + keyed noise), then the lower person id. Hires
//       start work in week t + 1.
// Units: wages and earnings in US dollars per week at kPriceBaseYear prices.
#pragma once

#include <cstdint>
#include <vector>

#include "models/community/community.hpp"
#include "models/justice/justice_model.hpp"
#include "models/justice/week_counts.hpp"
#include "models/labour/employers.hpp"
#include "models/labour/labour_params.hpp"
#include "models/needs/needs.hpp"
#include "models/network/network_graph.hpp"
#include "models/person_week_draws.hpp"
#include "models/population/attributes.hpp"
#include "sim/engine/core/rng.hpp"

namespace pw {

struct LabourState {
  std::vector<std::int32_t> employer;                     // -1 when not employed
  std::vector<std::int16_t> job_start_week;               // first week worked in the current job
  std::vector<std::uint16_t> wage;                        // US dollars per week in the current job
  std::vector<std::int16_t> first_job_week;               // first week worked after release; kNever if none
  std::vector<std::uint16_t> weeks_employed;              // weeks worked over the follow-up
  std::vector<std::int16_t> first_transitional_job_week;  // first week in a programme transitional job; kNever if none
  std::vector<std::uint16_t> weeks_transitional_job;      // weeks worked in programme transitional jobs
  std::vector<float> earnings;                            // US dollars over the follow-up
  std::vector<float> earnings_first_full_year;  // formal (recorded) US dollars in weeks [26, 78): see kFirstFullYear*
  std::vector<std::uint8_t> certificate;        // holds a certificate of rehabilitation
  std::vector<std::uint8_t> working;            // worked this week (a job or a transitional job): 0 no,
                                                // kWorkedInformal or kWorkedFormal (recorded, taxed)
  [[nodiscard]] std::size_t size() const { return employer.size(); }
};

inline constexpr std::uint8_t kWorkedInformal = 1, kWorkedFormal = 2;

// "The first full calendar year after release" (Looney & Turner 2018) begins,
// on average over release dates, half a year after release.
inline constexpr int kFirstFullYearBegin = 26, kFirstFullYearEnd = 78;

struct JobApplication {
  std::int32_t employer;
  std::uint32_t person;
  float score;  // higher is hired first
  std::uint8_t referral;
};

// What the per-person labour phase hands to the hiring barrier.
struct LabourFlows {
  std::vector<JobApplication> applications;
  std::vector<std::int32_t> separations;  // employer of each job that ended this week
  LabourFlows& operator+=(const LabourFlows& o);
};

class LabourModel {
 public:
  LabourModel(const LabourParams& params, const Population& pop, const Needs& needs, const Community& community,
              const TieSummary& ties, const JusticeState& justice, const Rng& rng);
  // The housing column (models/housing) that job search reads; nullptr: everyone stably housed.
  void attach_housing(const std::vector<std::uint8_t>* housing) { housing_ = housing; }
  // Status columns (ProgrammeStatus) of the transitional-jobs programmes: an
  // active participant works a transitional job and gets a weekly referral.
  void attach_transitional_jobs(std::vector<const std::vector<std::uint8_t>*> statuses) {
    transitional_jobs_ = std::move(statuses);
  }
  // Who holds a valid ID (models/coordination); nullptr: everyone. Without
  // one, applications to formal employers are refused (informal work only).
  void attach_id(const std::vector<std::uint8_t>* has_id) { has_id_ = has_id; }

  void setup();
  // Per-person phase "labour" over persons [begin, end).
  WeekCounts work(std::size_t begin, std::size_t end, int week, const PersonWeekDraws& draws, LabourFlows& flows);
  // Barrier: vacancies filled for week t + 1.
  void hire(int week, LabourFlows& flows, WeekCounts& counts);

  [[nodiscard]] const LabourState& state() const { return s_; }
  [[nodiscard]] const Employers& employers() const { return employers_; }
  [[nodiscard]] const LabourParams& params() const { return p_; }
  // True when person i is employed (works this week if in the community).
  [[nodiscard]] bool employed(std::size_t i) const { return s_.employer[i] >= 0; }

 private:
  // Person i works this week at `wage` (US dollars): counts, earnings, weeks employed.
  void work_week(std::size_t i, std::int64_t wage, bool formal, bool first_full_year, WeekCounts& c);
  // Screens person i's application to employer e; returns false if rejected.
  bool screen(std::size_t i, std::size_t e, bool referral, int week, float& score) const;

  const LabourParams& p_;
  const Population& pop_;
  const Needs& needs_;
  const Community& community_;
  const TieSummary& ties_;  // the network as left by last week's batch
  const JusticeState& justice_;
  const std::vector<std::uint8_t>* housing_ = nullptr;
  std::vector<const std::vector<std::uint8_t>*> transitional_jobs_;
  const std::vector<std::uint8_t>* has_id_ = nullptr;
  const Rng& rng_;
  Employers employers_;
  LabourState s_;
  // Precomputed at set-up: the weekly separation rate by tenure in weeks
  // (the last entry serves every longer tenure), and log(1 - referral_per_tie).
  std::vector<double> separation_by_tenure_;
  double log_no_referral_per_tie_ = 0;
};

}  // namespace pw
