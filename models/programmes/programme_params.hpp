// What each kind of programme does, declared once with its evidence: the share
// of each criminogenic need a completer loses (employability: the share of the
// gap to 1 that is closed), and the peer-contagion strength of group programmes.
//
// Effects act only through needs, which enter the offending hazard and the
// technical-violation rate. That makes the risk principle mechanistic: the same
// proportional reduction removes more hazard from a high-need (high-risk)
// person, and peer contagion (exposure to higher-need co-participants) can
// raise a low-risk person's antisocial cognition by more than the programme
// removes.
#pragma once

#include <array>
#include <string_view>

#include "sim/engine/params/param.hpp"

namespace pw {

// Index of a need in KindEffects::reduction.
enum NeedIndex { kSubstanceUse = 0, kMentalHealth = 1, kAntisocialCognition = 2, kEmployability = 3 };

struct KindEffects {
  std::array<double, 4> reduction{};  // by NeedIndex
};

inline constexpr std::array<std::string_view, 10> kProgrammeKinds = {"cbt",
                                                                     "education",
                                                                     "vocational_training",
                                                                     "substance_use_treatment",
                                                                     "mental_health_treatment",
                                                                     "transitional_jobs",
                                                                     "mentoring",
                                                                     "case_management",
                                                                     "gender_responsive",
                                                                     "interagency_coordination"};

struct ProgrammeParams {
  std::array<KindEffects, kProgrammeKinds.size()> kinds{};
  double peer_contagion = 0;
  double need_match_bonus = 0, cultural_adaptation_bonus = 0;
  double pre_release_window = 0;  // weeks

  [[nodiscard]] const KindEffects& effects_of(std::string_view kind) const {
    for (std::size_t k = 0; k < kProgrammeKinds.size(); ++k) {
      if (kProgrammeKinds[k] == kind) return kinds[k];
    }
    return kinds[0];
  }

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    auto need = [&](std::size_t kind, NeedIndex n, const char* path, double def, const char* source) {
      v(kinds[kind].reduction[n], {.path = path, .unit = Unit::Probability, .def = def,
                                   .description = n == kEmployability
                                                      ? "share of the employability gap (1 - employability) a completer closes"
                                                      : "share of this need a completer loses",
                                   .source = source});
    };
    need(0, kAntisocialCognition, "programmes.cbt.antisocial_cognition_reduction", 0.30,
         "Landenberger & Lipsey (2005): CBT cuts recidivism by about a quarter; WSIPP effect size -0.109 for "
         "moderate/high risk; acts on antisocial thinking");
    need(1, kEmployability, "programmes.education.employability_gain", 0.20,
         "Davis et al. (2013, RAND): correctional education raises employment odds by 13%");
    need(2, kEmployability, "programmes.vocational_training.employability_gain", 0.30,
         "Davis et al. (2013, RAND): vocational training raises employment odds by 28%");
    need(3, kSubstanceUse, "programmes.substance_use_treatment.substance_use_reduction", 0.35,
         "Mitchell, Wilson & MacKenzie (2012), Campbell review of incarceration-based drug treatment: modest "
         "reductions in reoffending and drug use");
    need(4, kMentalHealth, "programmes.mental_health_treatment.mental_health_reduction", 0.35,
         "assumption; mental illness is a weak direct predictor of reoffending (Bonta et al. 2014)");
    need(5, kEmployability, "programmes.transitional_jobs.employability_gain", 0.10,
         "Redcross et al. (2012), CEO evaluation: early employment gains that fade (labour model: issue 4)");
    need(6, kAntisocialCognition, "programmes.mentoring.antisocial_cognition_reduction", 0.25,
         "Duwe (2018), COSA RCT: general recidivism -49% to -57% (prosocial-tie mechanism: issue 5)");
    need(8, kSubstanceUse, "programmes.gender_responsive.substance_use_reduction", 0.25,
         "assumption; Gobeil, Blanchette & Stewart (2016): gender-responsive programmes at least as effective "
         "for women as gender-neutral ones");
    need(8, kMentalHealth, "programmes.gender_responsive.mental_health_reduction", 0.25,
         "assumption (trauma-informed care); Gobeil, Blanchette & Stewart (2016)");
    need(8, kAntisocialCognition, "programmes.gender_responsive.antisocial_cognition_reduction", 0.15,
         "assumption; Gobeil, Blanchette & Stewart (2016)");
    // case_management and interagency_coordination change no need: the Second
    // Chance Act case-management RCT found no effect (D'Amico & Kim 2018: 60% vs
    // 59% reincarcerated), and coordination acts on delays not yet modelled.
    v(peer_contagion, {.path = "programmes.peer_contagion", .unit = Unit::Probability, .def = 0.15,
                       .description = "share of the gap between the mean antisocial cognition of co-participants and "
                                      "one's own that a participant takes on (when the group's is higher)",
                       .source = "assumption; Lowenkamp & Latessa (2004) and Dishion, McCord & Poulin (1999) on "
                                 "mixing low-risk people with high-risk peers"});
    v(need_match_bonus, {.path = "programmes.responsivity.need_match", .unit = Unit::Probability, .def = 0.10,
                         .description = "added to the completion probability of a participant whose targeted need is "
                                        "above 0.5 (the programme matches an assessed need)",
                         .source = "assumption; responsivity principle (Andrews & Bonta 2010)"});
    v(cultural_adaptation_bonus, {.path = "programmes.responsivity.cultural_adaptation", .unit = Unit::Probability,
                                  .def = 0.10,
                                  .description = "added to the completion probability of a participant from the group "
                                                 "the programme is culturally adapted for",
                                  .source = "assumption; Hall et al. (2016), meta-analysis of culturally adapted "
                                            "mental-health interventions: moderate benefit over unadapted versions"});
    v(pre_release_window, {.path = "programmes.pre_release_window", .unit = Unit::Weeks, .def = 52, .lo = 1, .hi = 520,
                           .description = "for a release cohort, the weeks before release over which a pre-release "
                                          "programme's places turn over (places x window / duration served)",
                           .source = "assumption"});
    // clang-format on
  }
};

}  // namespace pw
