#include "viz/person_history.hpp"

#include "models/simulation.hpp"

namespace pw::viz {

PersonFacts person_facts(const Simulation& sim, std::uint32_t id) {
  const auto& p = sim.population();
  PersonFacts f;
  f.id = id;
  f.sex = p.sex[id];
  f.group = p.group[id];
  f.risk_level = sim.risk().level[id];
  f.offence = p.commitment_offence[id];
  f.supervised_at_release = p.released_to_supervision[id];
  f.age = p.age_at_release[id];
  f.prior_arrests = p.prior_arrests[id];
  const auto& c = sim.community();
  f.neighbourhood = c.neighbourhood[id];
  f.family_ties = sim.network().initial_ties()[id][static_cast<std::size_t>(TieType::Family)];
  f.prosocial_ties = sim.network().initial_ties()[id][static_cast<std::size_t>(TieType::Prosocial)];
  return f;
}

PersonWeek person_week(const Simulation& sim, std::uint32_t id) {
  const auto& j = sim.justice();
  const auto& n = sim.needs();
  PersonWeek w;
  w.custody = j.custody[id];
  w.supervision = j.supervision[id];
  w.court = j.court_programme[id];
  w.housing = sim.housing().states()[id];
  w.employed = sim.labour().state().employer[id] >= 0 ? 1 : 0;
  w.wage = w.employed ? sim.labour().state().wage[id] : 0;
  w.arrests = j.arrests[id];
  w.convictions = j.convictions[id];
  w.returns = j.returns_to_prison[id];
  w.violations = j.technical_violations[id];
  for (std::size_t p = 0; p < sim.programmes().size() && p < kMaxTrackedProgrammes; ++p) {
    w.programme[p] = sim.programmes().status(p)[id];
  }
  w.needs = {n.substance_use[id], n.mental_health[id], n.antisocial_cognition[id], n.employability[id]};
  const TieSummary& ties = sim.network().summary();
  w.ties = ties.count[id];
  w.antisocial_share = ties.antisocial_share(id);
  return w;
}

PersonRecorder::PersonRecorder(const Simulation& sim, std::size_t sample_stride) {
  for (std::size_t i = 0; i < sim.population().size(); i += sample_stride) {
    auto& h = histories_[static_cast<std::uint32_t>(i)];
    h.facts = person_facts(sim, static_cast<std::uint32_t>(i));
    h.first_week = sim.week();
  }
}

void PersonRecorder::track(std::uint32_t id, const Simulation& sim) {
  if (id >= sim.population().size() || histories_.count(id) != 0) return;
  auto& h = histories_[id];
  h.facts = person_facts(sim, id);
  h.first_week = sim.week();
}

void PersonRecorder::record(const Simulation& sim) {
  for (auto& [id, h] : histories_) h.weeks.push_back(person_week(sim, id));
}

}  // namespace pw::viz
