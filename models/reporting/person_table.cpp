#include "models/reporting/person_table.hpp"

#include "models/simulation.hpp"

#include <array>

namespace pw {

namespace {
template <class T>
PersonColumn ints(std::string name, std::string description, const std::vector<T>& v) {
  return {std::move(name), std::move(description), std::vector<std::int32_t>(v.begin(), v.end())};
}
PersonColumn reals(std::string name, std::string description, const std::vector<float>& v) {
  return {std::move(name), std::move(description), v};
}

// Who took part in what (results/README.md, "Participation"): per declared
// programme and per court, start, end and completion; then mentoring, vouchers,
// transitional beds and transitional jobs.
template <class Sink>
void push_participation(const Simulation& sim, Sink& c) {
  const std::size_t n = sim.population().size();
  const auto& pm = sim.programmes();
  for (std::size_t p = 0; p < pm.size(); ++p) {
    const auto& spec = pm.specs()[p];
    const auto& st = pm.status(p);
    const std::string prefix = "programme[" + spec.name + "].";
    std::vector<std::int32_t> status(n), start(n), end(n), completed(n);
    for (std::size_t i = 0; i < n; ++i) {
      status[i] = st[i];
      const auto s = static_cast<ProgrammeStatus>(st[i]);
      const bool started =
          s == ProgrammeStatus::Active || s == ProgrammeStatus::Completed || s == ProgrammeStatus::Dropped;
      start[i] = started ? pm.start_week(p, i) : kNever;
      end[i] = pm.end_week(p)[i];
      completed[i] = s == ProgrammeStatus::Completed ? 1 : 0;
    }
    c.push_back(
        {prefix + "status",
         "at the end of follow-up: 0 not (yet) eligible, 1 declined, 2 waiting, 3 active, 4 completed, 5 dropped out",
         std::move(status)});
    c.push_back({prefix + "start_week",
                 spec.phase == "pre_release"
                     ? "-(course length in weeks) for a participant (the course ends at release), -1 never started"
                     : "first week in the programme, -1 never started",
                 std::move(start)});
    c.push_back({prefix + "end_week",
                 "week the course ended (completion or drop-out; 0 at release for pre-release courses), -1 if it "
                 "never started or was still running at the end of follow-up",
                 std::move(end)});
    c.push_back({prefix + "completed", "1 if the person completed the course", std::move(completed)});
  }
  const auto& j = sim.justice();
  const std::array<std::string, 2> courts = {"drug_court", "mental_health_court"};
  for (std::size_t k = 0; k < 2; ++k) {
    c.push_back(ints(courts[k] + "_start_week", "week of the first admission to the court, -1 if never",
                     j.court_start_week[k]));
    c.push_back(ints(courts[k] + "_end_week",
                     "week the first court spell ended (graduation or failure), -1 if never admitted or still in it",
                     j.court_end_week[k]));
    c.push_back(ints(courts[k] + "_graduated", "1 if the first court spell ended in graduation", j.court_graduated[k]));
  }
  const auto& net = sim.network();
  c.push_back(ints("mentor_start_week", "first week with a volunteer mentor, -1 if never", net.mentor_start()));
  c.push_back(ints("mentor_end_week", "last week of the mentor match, -1 if never matched or matched at the end",
                   net.mentor_end()));
  const auto& h = sim.housing().state();
  c.push_back(
      ints("first_voucher_week", "first week holding a housing voucher tenancy, -1 if never", h.first_voucher_week));
  c.push_back(ints("weeks_voucher", "community weeks begun holding a voucher tenancy", h.weeks_voucher));
  c.push_back(ints("first_transitional_week", "first week placed in a transitional bed, -1 if never",
                   h.first_transitional_week));
  c.push_back(ints("weeks_transitional", "community weeks begun in a transitional bed", h.weeks_transitional));
  const auto& l = sim.labour().state();
  c.push_back(ints("first_transitional_job_week",
                   "first week worked in a transitional job of a transitional_jobs programme, -1 if never",
                   l.first_transitional_job_week));
  c.push_back(ints("weeks_transitional_job", "weeks worked in transitional jobs", l.weeks_transitional_job));
}
}  // namespace

void for_each_person_column(const Simulation& sim, const std::function<void(const PersonColumn&)>& fn) {
  const auto& p = sim.population();
  const auto& n = sim.needs();
  const auto& j = sim.justice();
  std::vector<std::int32_t> id(p.size());
  for (std::size_t i = 0; i < id.size(); ++i) id[i] = static_cast<std::int32_t>(i);
  // Each column is built, handed over and released before the next.
  struct Sink {
    const std::function<void(const PersonColumn&)>& fn;
    void push_back(PersonColumn&& column) const { fn(column); }
  } c{fn};
  c.push_back({"id", "person id", std::move(id)});
  c.push_back(ints("sex", "0 male, 1 female", p.sex));
  c.push_back(ints("group", "community group, 0 or 1", p.group));
  c.push_back(ints("education", "0 none, 1 secondary, 2 post-secondary", p.education));
  c.push_back(ints("commitment_offence", "0 violent, 1 property, 2 drug, 3 public order", p.commitment_offence));
  c.push_back(ints("admission", "0 new court commitment, 1 supervision violator, 2 other", p.admission));
  c.push_back(ints("released_to_supervision", "1 if released to supervision", p.released_to_supervision));
  c.push_back(reals("age_at_release", "years", p.age_at_release));
  c.push_back(reals("age_first_arrest", "years", p.age_first_arrest));
  c.push_back(reals("months_served", "months served in the term ending at release", p.months_served));
  c.push_back(ints("prior_arrests", "arrests before release", p.prior_arrests));
  c.push_back(
      reals("need_substance_use", "need on [0,1] at the end of follow-up (programmes change it)", n.substance_use));
  c.push_back(reals("need_mental_health", "need on [0,1] at the end of follow-up", n.mental_health));
  c.push_back(reals("need_antisocial_cognition", "need on [0,1] at the end of follow-up", n.antisocial_cognition));
  c.push_back(reals("employability", "on [0,1] at the end of follow-up", n.employability));
  c.push_back(ints("risk_score", "actuarial score, 0-14", sim.risk().score));
  c.push_back(ints("risk_level", "0 low, 1 moderate, 2 high, 3 very high", sim.risk().level));
  c.push_back(reals("frailty", "persistent propensity multiplier (mean 1)", j.frailty));
  c.push_back(reals("propensity", "offences per week at release age, before ageing", j.propensity));
  c.push_back(ints("desistance_week",
                   "week from which the person no longer offends (0: desisted before release; "
                   "30000: not within the horizon)",
                   j.desist_week));
  c.push_back(ints("first_arrest_week", "week of first arrest after release, -1 if none", j.first_arrest_week));
  c.push_back(
      ints("first_conviction_week", "week of first arrest leading to conviction, -1 if none", j.first_conviction_week));
  c.push_back(ints("first_return_week", "week of first return to prison, -1 if none", j.first_return_week));
  c.push_back(ints("offences", "offences committed, detected or not", j.offences));
  c.push_back(ints("arrests", "arrests during follow-up", j.arrests));
  c.push_back(ints("convictions", "arrests leading to conviction during follow-up", j.convictions));
  c.push_back(ints("technical_violations", "detected technical violations", j.technical_violations));
  c.push_back(ints("returns_to_prison", "admissions to prison during follow-up", j.returns_to_prison));
  c.push_back(ints("custody_at_end", "0 community, 1 jail, 2 prison, at the end of follow-up", j.custody));
  c.push_back(ints("first_admission_week", "week of first admission to prison after release, -1 if none",
                   j.first_admission_week));
  const auto& cm = sim.community();
  c.push_back(ints("neighbourhood", "neighbourhood index (0 = least disadvantaged)", cm.neighbourhood));
  const auto& net = sim.network();
  const auto& summary = net.summary();
  for (int t = 0; t < kTieTypes; ++t) {
    std::vector<std::int32_t> at_release(p.size()), at_end(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      at_release[i] = net.initial_ties()[i][static_cast<std::size_t>(t)];
      at_end[i] = summary.count[i][static_cast<std::size_t>(t)];
    }
    const std::string type(kTieNames[static_cast<std::size_t>(t)]);
    if (t != static_cast<int>(TieType::Mentor) && t != static_cast<int>(TieType::Coworker))
      c.push_back({type + "_ties_at_release", type + " ties at release", std::move(at_release)});
    c.push_back({type + "_ties_at_end", type + " ties at the end of follow-up", std::move(at_end)});
  }
  {
    std::vector<float> share(p.size());
    std::vector<std::int32_t> mentored(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
      share[i] = summary.antisocial_share(i);
      mentored[i] = net.mentor_until()[i] != kNever ? 1 : 0;
    }
    c.push_back(
        reals("antisocial_share_at_end", "strength of antisocial ties over all ties at the end of follow-up", share));
    c.push_back({"ever_mentored", "1 if matched with a volunteer mentor during follow-up", std::move(mentored)});
  }
  const auto& l = sim.labour().state();
  c.push_back(ints("certificate", "1 if the person holds a certificate of rehabilitation", l.certificate));
  c.push_back(ints("first_job_week", "first week worked after release, -1 if none", l.first_job_week));
  c.push_back(ints("weeks_employed", "weeks worked during follow-up", l.weeks_employed));
  c.push_back(reals("earnings", "earnings during follow-up, formal and informal, USD 2023", l.earnings));
  c.push_back(
      reals("formal_earnings_first_full_year", "formal earnings in weeks 26-77, USD 2023", l.earnings_first_full_year));
  c.push_back(ints("employer_at_end", "employer id at the end of follow-up, -1 if none", l.employer));
  const auto& h = sim.housing().state();
  c.push_back(
      ints("housing_at_end",
           "0 own, 1 family, 2 transitional, 3 shelter, 4 street, 5 none (in prison; people in jail keep their place)",
           h.state));
  c.push_back(ints("first_shelter_week", "first week in a shelter bed, -1 if none", h.first_shelter_week));
  c.push_back(ints("first_street_week", "first week ending on the street, -1 if none", h.first_street_week));
  c.push_back(ints("weeks_homeless", "weeks in a shelter or on the street", h.weeks_homeless));
  const auto& co = sim.coordination();
  c.push_back(
      ints("id_week", "first week holding a valid ID (0 at release), -1 if never", co.item(kEntitlementId).first_week));
  c.push_back(ints("weeks_without_id", "community weeks without a valid ID", co.item(kEntitlementId).weeks_without));
  c.push_back(ints("benefits_week", "first week holding benefits or health coverage (0 at release), -1 if never",
                   co.item(kEntitlementBenefits).first_week));
  c.push_back(ints("weeks_without_benefits", "community weeks without benefits (every release counted)",
                   co.item(kEntitlementBenefits).weeks_without));
  c.push_back(ints("enrolment_week", "first week enrolled with community services (0 at release), -1 if never",
                   co.item(kEntitlementEnrolment).first_week));
  push_participation(sim, c);
}

std::vector<PersonColumn> person_table(const Simulation& sim) {
  std::vector<PersonColumn> columns;
  for_each_person_column(sim, [&](const PersonColumn& c) { columns.push_back(c); });
  return columns;
}

}  // namespace pw
