// The purposes a random draw can serve. Each purpose is its own stream, so that
// adding a new decision never shifts the draws of an existing one.
//
// Append only: renumbering a purpose changes every result that used it, which is
// a deliberate regression-baseline change.
#pragma once

#include <cstdint>

namespace pw {

enum class Purpose : std::uint16_t {
  // Set-up of the released population (drawn once per person, week kSetupWeek).
  HistoryCell = 1,          // joint cell of age at release, age at first arrest, prior arrests
  HistoryWithinCell = 2,    // exact ages and counts inside the cell
  Demography = 3,           // sex, group, education, admission type, supervision at release
  Offence = 4,              // commitment offence and months served
  Needs = 5,                // baseline criminogenic needs (normal deviates)
  Frailty = 6,              // lane 0: persistent individual propensity to offend; lane 1: age at desistance
  SupervisionSetup = 7,     // supervision level and term at release
  ProgrammeUptake = 8,      // per programme (index = programme): lane 0 referred and willing
  PreReleaseProgramme = 9,  // per programme: lane 0 priority tie-break, 1 completion

  // Weekly decisions.
  Offending = 20,            // the person-week draw (models/person_week_draws.hpp): lanes 0 number of offences,
                             // 1 labour event, 2 housing event, 3 housing move-out
  OffenceDetail = 21,        // per offence (index = offence number): lanes 0 specialised or not, 1 type, 2 detection
  CaseOutcome = 22,          // on arrest: lanes 0 conviction, 1 pretrial detention, 2 court delay,
                             // 3 revocation for the new arrest
  Sentence = 23,             // at court: lanes 0 prison or not, 1-2 term length
  TechnicalViolation = 24,   // under supervision: lanes 0 violation detected, 1 revoke, 2 term length
  ReleaseSupervision = 25,   // on release from a term: lanes 0 supervised, 1 intensive or not, 2 term length
  ProgrammePriority = 26,    // per programme, in the week of allocation: lane 0 tie-break (random priority)
  ProgrammeCompletion = 27,  // per programme, at the end of the course: lane 0 completes or drops out
  CourtProgramme = 28,       // problem-solving court exit: lanes 0 graduates, 1 prison on failure, 2 term;
                             // index 1, lane 0: tie-break among defendants diverted in the same week
  CommunitySetup = 29,       // set-up: lanes 0 neighbourhood, 1 family ties, 2 prosocial ties, 3 certificate
  EmployerSetup = 30,        // set-up, per employer (person = employer id): index 0 lanes 0 sector,
  // 1 record check, 2 tax credit, 3 bonding; index 1 lanes 0 cooperating, 1 neighbourhood, 2 informal;
  // index 2 (fine): willingness
  LabourWeek = 31,         // weekly, when a search starts: lanes 2 referral, 3 employer pick (0-1 unused)
  JobApplication = 32,     // weekly, per application: lanes 0 record screening, 1 group proxy, 2 interview,
                           // 3 ranking noise
  JobTerms = 33,           // at hire: lanes 0 wage
  HousingWeek = 34,        // weekly, only after a housing event: lanes 2 landlord screening, 3 family offer
                           // (0-1 unused); index 1: lanes 0 allocation tie-break, 1 seeks a shelter
  CoordinationSetup = 35,  // set-up (models/coordination): index 0 lanes 0-2 missing at release (id, benefits,
                           // enrolment); index 1 lanes 0-2 covered before release by the policy levers
  CoordinationWeek = 36,   // weekly, only while something is missing: lanes 0-2 obtained this week (id,
                           // benefits, enrolment); on a release from prison: index 1 lanes 1-2 missing
                           // again (benefits, enrolment), index 2 lanes 1-2 covered before release

  // Community network (models/network); numbers 35-39 are left for other sub-models.
  NetworkSetup = 40,    // set-up, per person: index 0 lane 0 antisocial ties; index 1 + j lane 0 the
                        // neighbourhood antisocial member of the j-th tie (linear probing on a repeat)
  NetworkPairing = 41,  // set-up, per person: index = stub: sort key pairing released antisocial peers
  NetworkWeek = 42,     // weekly, per person in the community: lanes 0 antisocial ties fading, 1 a new
                        // antisocial tie, 2 co-worker ties fading
  NetworkApply = 43,    // weekly batch, per person: index = the tie's position: which ties fade or break;
                        // index 1000 lane 0 the antisocial member a new tie goes to
  MentorMatch = 44,     // weekly, per candidate: lanes 0 tie-break, 1 duration of the match

  // Experiment methods (sim/engine/methods), through KeyedUniforms: person = a, week = b.
  LatinHypercube = 60,     // a = point, b = dimension: sort key of the stratum permutation, position in stratum
  SobolBootstrap = 61,     // a = bootstrap replicate, b = 0: resampled base rows
  AbcPrior = 62,           // a = attempt, b = generation (0) << 16 | block: prior draw of every parameter
  AbcProposal = 63,        // a = attempt, b = generation (>= 1) << 16 | block: ancestor and kernel
                           // perturbation, redrawn until inside the prior support
  AbcSimulationSeed = 64,  // a = attempt, b = generation: the seed handed to the simulator
  AbcResample = 65,        // a = 0, b = generation: the systematic-resampling offset of ABC-SMC-MCMC
  AbcMove = 66,            // a = attempt (move round x particles + particle), b = generation << 16 | block:
                           // the random-walk perturbation of an ABC-MCMC move
};

}  // namespace pw
