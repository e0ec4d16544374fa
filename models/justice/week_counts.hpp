// Counts of what happened in one week, summed over persons. Every field is an
// integer so that the parallel sum is exact whatever the thread count.
// Stocks (in_community, in_prison...) are counted at the end of the week.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pw {

struct WeekCounts {
  std::int64_t in_community = 0, in_jail = 0, in_prison = 0;
  std::int64_t on_standard_supervision = 0, on_intensive_supervision = 0;
  std::int64_t offences = 0, offences_undetected = 0;
  std::int64_t offences_violent = 0, offences_property = 0, offences_drug = 0, offences_public_order = 0;
  std::int64_t arrests = 0, convictions = 0;
  std::int64_t technical_violations = 0, revocations_technical = 0, revocations_arrest = 0, jail_sanctions = 0;
  std::int64_t prison_admissions_new_sentence = 0, releases = 0;
  std::int64_t drug_court_admissions = 0, mental_health_court_admissions = 0, court_graduations = 0, court_failures = 0,
               in_drug_court = 0, in_mental_health_court = 0;
  // Labour (models/labour): persons who worked this week, and flows.
  std::int64_t employed = 0, in_transitional_jobs = 0, earnings_usd = 0, formal_earnings_usd = 0, job_starts = 0,
               job_separations = 0, job_losses_custody = 0, job_searches = 0, job_referrals = 0,
               tax_credits_claimed = 0, bonds_issued = 0;
  // Housing (models/housing): stocks of persons in the community at the end of the week, and flows.
  std::int64_t housed_own = 0, with_family = 0, in_transitional = 0, in_shelter = 0, on_street = 0,
               transitional_beds_held = 0, shelter_beds_held = 0, voucher_holders = 0, public_tenants = 0,
               housing_losses = 0, housing_lost_to_prison = 0, transitional_entries = 0, shelter_entries = 0,
               vouchers_issued = 0;
  // Network (models/network): ties of persons in the community as they stood during the week, and the week's batch.
  std::int64_t family_ties = 0, prosocial_ties = 0, antisocial_ties = 0, mentor_ties = 0, coworker_ties = 0,
               mentored = 0, antisocial_share_micro = 0, antisocial_ties_formed = 0, antisocial_ties_faded = 0,
               family_prosocial_ties_broken = 0, mentor_matches = 0;
  // Documents, benefits and enrolment (models/coordination): end-of-week stocks
  // of persons in the community without each, and formal applications refused for lack of an ID.
  std::int64_t without_id = 0, without_benefits = 0, not_enrolled = 0, job_applications_without_id = 0;
  // Persons whom the pre-release levers covered at a release this week (the index release counts in week 0).
  std::int64_t ids_issued_before_release = 0, benefits_filed_before_release = 0, enrolled_before_release = 0;

  WeekCounts& operator+=(const WeekCounts& o) {
    for (const auto& f : kFields) this->*(f.member) += o.*(f.member);
    return *this;
  }

  struct Field {
    std::string_view name;
    std::int64_t WeekCounts::*member;
    std::string_view description;
  };
  static const std::array<Field, 68> kFields;
};

inline const std::array<WeekCounts::Field, 68> WeekCounts::kFields = {{
    {"in_community", &WeekCounts::in_community, "persons in the community at the end of the week"},
    {"in_jail", &WeekCounts::in_jail, "persons held in jail awaiting court at the end of the week"},
    {"in_prison", &WeekCounts::in_prison, "persons in prison at the end of the week"},
    {"on_standard_supervision", &WeekCounts::on_standard_supervision,
     "persons in the community on standard supervision"},
    {"on_intensive_supervision", &WeekCounts::on_intensive_supervision,
     "persons in the community on intensive supervision"},
    {"offences", &WeekCounts::offences, "offences committed, detected or not"},
    {"offences_undetected", &WeekCounts::offences_undetected, "offences that led to no arrest"},
    {"offences_violent", &WeekCounts::offences_violent, "violent offences committed"},
    {"offences_property", &WeekCounts::offences_property, "property offences committed"},
    {"offences_drug", &WeekCounts::offences_drug, "drug offences committed"},
    {"offences_public_order", &WeekCounts::offences_public_order, "public-order offences committed"},
    {"arrests", &WeekCounts::arrests, "arrests (at most one per person-week)"},
    {"convictions", &WeekCounts::convictions, "arrests that will lead to a conviction, dated at the arrest"},
    {"technical_violations", &WeekCounts::technical_violations, "detected technical violations of supervision"},
    {"revocations_technical", &WeekCounts::revocations_technical, "revocations to prison for a technical violation"},
    {"revocations_arrest", &WeekCounts::revocations_arrest, "revocations to prison for a new arrest"},
    {"jail_sanctions", &WeekCounts::jail_sanctions,
     "short jail sanctions for a technical violation (graduated sanctions)"},
    {"prison_admissions_new_sentence", &WeekCounts::prison_admissions_new_sentence,
     "admissions to prison on a new sentence"},
    {"releases", &WeekCounts::releases, "releases from prison or jail back to the community"},
    {"drug_court_admissions", &WeekCounts::drug_court_admissions, "convicted defendants diverted to a drug court"},
    {"mental_health_court_admissions", &WeekCounts::mental_health_court_admissions,
     "convicted defendants diverted to a mental-health court"},
    {"court_graduations", &WeekCounts::court_graduations, "problem-solving court graduations"},
    {"court_failures", &WeekCounts::court_failures, "problem-solving court failures (then sentenced)"},
    {"in_drug_court", &WeekCounts::in_drug_court, "drug-court participants at the end of the week"},
    {"in_mental_health_court", &WeekCounts::in_mental_health_court,
     "mental-health-court participants at the end of the week"},
    {"employed", &WeekCounts::employed, "persons in the community who worked this week (a job or a transitional job)"},
    {"in_transitional_jobs", &WeekCounts::in_transitional_jobs,
     "persons working a programme transitional job this week"},
    {"earnings_usd", &WeekCounts::earnings_usd, "earnings this week, formal and informal, US dollars at 2023 prices"},
    {"formal_earnings_usd", &WeekCounts::formal_earnings_usd,
     "recorded (taxed) earnings this week, US dollars at 2023 prices"},
    {"job_starts", &WeekCounts::job_starts, "hires this week (work starts next week)"},
    {"job_separations", &WeekCounts::job_separations, "jobs that ended this week (quit or dismissal)"},
    {"job_losses_custody", &WeekCounts::job_losses_custody, "jobs lost because the worker was taken into custody"},
    {"job_searches", &WeekCounts::job_searches, "unemployed persons who applied for a job this week"},
    {"job_referrals", &WeekCounts::job_referrals,
     "job searches that went through a referral (a family or prosocial tie, or a programme's job developer)"},
    {"tax_credits_claimed", &WeekCounts::tax_credits_claimed,
     "hires for which the employer claimed a hiring tax credit"},
    {"bonds_issued", &WeekCounts::bonds_issued, "hires covered by a fidelity bond"},
    {"housed_own", &WeekCounts::housed_own, "persons in the community in an own or rented home (any tenure)"},
    {"with_family", &WeekCounts::with_family, "persons in the community living with family or friends"},
    {"in_transitional", &WeekCounts::in_transitional,
     "persons in the community in a transitional or halfway-house bed"},
    {"in_shelter", &WeekCounts::in_shelter, "persons in the community in a homeless-shelter bed"},
    {"on_street", &WeekCounts::on_street, "persons in the community without shelter"},
    {"transitional_beds_held", &WeekCounts::transitional_beds_held,
     "transitional beds held at the end of the week (including by people held in jail)"},
    {"shelter_beds_held", &WeekCounts::shelter_beds_held,
     "shelter beds held at the end of the week (including by people held in jail)"},
    {"voucher_holders", &WeekCounts::voucher_holders,
     "persons housed with a voucher (including any in custody who still hold it)"},
    {"public_tenants", &WeekCounts::public_tenants,
     "persons in public housing (including any in custody who still hold it)"},
    {"housing_losses", &WeekCounts::housing_losses, "persons who lost a place to live in the community this week"},
    {"housing_lost_to_prison", &WeekCounts::housing_lost_to_prison,
     "persons whose place to live was lost on admission to prison"},
    {"transitional_entries", &WeekCounts::transitional_entries, "entries to transitional beds"},
    {"shelter_entries", &WeekCounts::shelter_entries, "entries to shelter beds"},
    {"vouchers_issued", &WeekCounts::vouchers_issued, "housing vouchers issued this week"},
    {"family_ties", &WeekCounts::family_ties, "family ties of persons in the community (during the week)"},
    {"prosocial_ties", &WeekCounts::prosocial_ties, "prosocial ties of persons in the community"},
    {"antisocial_ties", &WeekCounts::antisocial_ties, "antisocial ties of persons in the community"},
    {"mentor_ties", &WeekCounts::mentor_ties, "ties to volunteer mentors of persons in the community"},
    {"coworker_ties", &WeekCounts::coworker_ties,
     "co-worker ties (current or former workplaces) of persons in the community"},
    {"mentored", &WeekCounts::mentored, "persons in the community with a volunteer mentor"},
    {"antisocial_share_micro", &WeekCounts::antisocial_share_micro,
     "sum over persons in the community of their antisocial share (strength of antisocial ties over all), x 1e6"},
    {"antisocial_ties_formed", &WeekCounts::antisocial_ties_formed, "new antisocial ties this week"},
    {"antisocial_ties_faded", &WeekCounts::antisocial_ties_faded, "antisocial ties that faded this week"},
    {"family_prosocial_ties_broken", &WeekCounts::family_prosocial_ties_broken,
     "family and prosocial ties broken by an admission to prison this week"},
    {"mentor_matches", &WeekCounts::mentor_matches, "new matches with volunteer mentors this week (start next week)"},
    {"without_id", &WeekCounts::without_id, "persons in the community at the end of the week without a valid ID"},
    {"without_benefits", &WeekCounts::without_benefits,
     "persons in the community at the end of the week without income benefits or health coverage"},
    {"not_enrolled", &WeekCounts::not_enrolled,
     "persons in the community at the end of the week not yet enrolled with community services"},
    {"job_applications_without_id", &WeekCounts::job_applications_without_id,
     "job applications to formal employers that failed because the applicant had no ID"},
    {"ids_issued_before_release", &WeekCounts::ids_issued_before_release,
     "persons issued an ID before a release this week by coordination.id.issued_before_release (week 0: the cohort)"},
    {"benefits_filed_before_release", &WeekCounts::benefits_filed_before_release,
     "persons whose benefits were filed before a release this week (coordination.benefits.filed_before_release)"},
    {"enrolled_before_release", &WeekCounts::enrolled_before_release,
     "persons enrolled with community services before a release this week (coordination.enrolment.before_release)"},
}};

}  // namespace pw
