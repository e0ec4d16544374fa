// Mid-run parameter changes (see simulation_levers.hpp for what is live).
#include "models/simulation_levers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "models/eligibility/eligibility_rule.hpp"
#include "models/simulation.hpp"

namespace pw {

namespace {

// The first rule whose prefix matches wins; order from specific to general.
constexpr std::array<LeverRule, 41> kLeverRules = {{
    {"justice.offending.substance_use_effect", LeverTiming::Live,
     "every person's hazard is recomputed from their current needs"},
    {"justice.offending.mental_health_effect", LeverTiming::Live,
     "every person's hazard is recomputed from their current needs"},
    {"justice.offending.antisocial_cognition_effect", LeverTiming::Live,
     "every person's hazard is recomputed from their current needs"},
    {"justice.offending.low_employability_effect", LeverTiming::Live,
     "every person's hazard is recomputed from their current needs"},
    {"justice.offending.specialisation", LeverTiming::Live, "offences committed from this week on"},
    {"justice.offending.mix_", LeverTiming::Live, "offences committed from this week on"},
    {"justice.offending.detection_", LeverTiming::Live, "offences committed from this week on"},
    {"justice.offending.", LeverTiming::Restart, "a static term of the hazard, fixed at set-up"},
    {"justice.courts.", LeverTiming::Live, "arrests and sentences from this week on; terms already given stand"},
    {"justice.supervision.substance_violation_effect", LeverTiming::Live,
     "every person's violation rate is recomputed"},
    {"justice.supervision.intensive_share_", LeverTiming::Live, "supervision terms that start from this week on"},
    {"justice.supervision.term_median", LeverTiming::Live, "supervision terms that start from this week on"},
    {"justice.supervision.", LeverTiming::Live, "violations and arrests from this week on"},
    {"justice.drug_court.", LeverTiming::Live, "diversions, graduations and costs from this week on"},
    {"justice.mental_health_court.", LeverTiming::Live, "diversions, graduations and costs from this week on"},
    {"programmes.pre_release_window", LeverTiming::Restart, "pre-release courses are served before week 0"},
    {"programmes.", LeverTiming::Live, "courses completed from this week on"},
    {"costs.", LeverTiming::Live, "prices charged from this week on (costs of past weeks are not repriced)"},
    {"labour.ban_the_box.", LeverTiming::Live, "hiring decisions from this week on"},
    {"labour.search.", LeverTiming::Live, "job searches from this week on"},
    {"labour.separation.", LeverTiming::Live, "job separations from this week on"},
    {"labour.incentives.tax_credit_uplift", LeverTiming::Live, "hiring decisions from this week on"},
    {"labour.incentives.bonding_uplift", LeverTiming::Live, "hiring decisions from this week on"},
    {"labour.incentives.certificate_uplift", LeverTiming::Live, "hiring decisions from this week on"},
    {"labour.incentives.", LeverTiming::Restart, "which employers and persons take part is drawn at set-up"},
    {"labour.effects.", LeverTiming::Live, "the work and housing multipliers of offending are recomputed"},
    {"labour.", LeverTiming::Restart, "the employers are built at set-up"},
    {"housing.stocks.transitional_per_1000", LeverTiming::Live, "the stock is resized; places held are kept"},
    {"housing.stocks.shelter_per_1000", LeverTiming::Live, "the stock is resized; places held are kept"},
    {"housing.stocks.vouchers_per_1000", LeverTiming::Live, "the stock is resized; places held are kept"},
    {"housing.stocks.public_per_1000", LeverTiming::Live, "the stock is resized; places held are kept"},
    {"housing.", LeverTiming::Live, "releases, moves and allocations from this week on"},
    {"network.initial.", LeverTiming::Restart, "the ties at release are built at set-up"},
    {"network.output.", LeverTiming::Restart, "an output setting of the results file"},
    {"network.dynamics.", LeverTiming::Live, "tie changes decided from this week on"},
    {"network.mentors.", LeverTiming::Live,
     "matches from this week on; a smaller pool stops new matches, matches made stand"},
    {"network.influence.", LeverTiming::Live, "the network multipliers of offending are recomputed"},
    {"programme.kind", LeverTiming::Restart, "a programme's kind is fixed at set-up"},
    {"programme.phase", LeverTiming::Restart, "a programme's phase is fixed at set-up"},
    {"programme.uptake", LeverTiming::Restart, "willingness to take part is drawn at set-up"},
    {"programme.", LeverTiming::Live, "places allocated and courses ending from this week on"},
}};

constexpr LeverRule kDefaultRule{"", LeverTiming::Restart, "fixed at set-up; restart the run to apply it"};

// "programme[NAME].key" -> NAME, key; false if `path` is not of that form.
bool split_programme_path(std::string_view path, std::string& name, std::string& key) {
  constexpr std::string_view head = "programme[";
  if (path.substr(0, head.size()) != head) return false;
  const auto close = path.find("].", head.size());
  if (close == std::string_view::npos) return false;
  name = std::string(path.substr(head.size(), close - head.size()));
  key = std::string(path.substr(close + 2));
  return !name.empty() && !key.empty();
}

bool is_need_effect(std::string_view path) {
  return path == "justice.offending.substance_use_effect" || path == "justice.offending.mental_health_effect" ||
         path == "justice.offending.antisocial_cognition_effect" ||
         path == "justice.offending.low_employability_effect" ||
         path == "justice.supervision.substance_violation_effect";
}

std::string describe(const ParamValue& v) {
  return std::visit([](const auto& x) { return fmt::format("{}", x); }, v);
}

}  // namespace

LeverRule lever_rule(std::string_view path, bool pre_release_programme) {
  std::string name, key;
  std::string lookup(path);
  if (split_programme_path(path, name, key)) {
    if (pre_release_programme)
      return {"programme.", LeverTiming::Restart, "a pre-release programme is served before week 0"};
    lookup = "programme." + key;
  }
  for (const auto& r : kLeverRules) {
    const bool prefix = !r.prefix.empty() && (r.prefix.back() == '.' || r.prefix.back() == '_');
    if (prefix ? lookup.rfind(r.prefix, 0) == 0 : lookup == r.prefix) return r;
  }
  return kDefaultRule;
}

std::string check_value(const ParamInfo& info, const ParamValue& value) {
  switch (info.type) {
    case ValueType::Real: {
      if (!std::holds_alternative<double>(value)) return "expects a real number";
      const double x = std::get<double>(value);
      if (!std::isfinite(x) || x < info.lo || x > info.hi) {
        return fmt::format("{} is outside the accepted range [{}, {}]", x, info.lo, info.hi);
      }
      return "";
    }
    case ValueType::Integer: {
      if (!std::holds_alternative<long long>(value)) return "expects a whole number";
      const auto x = static_cast<double>(std::get<long long>(value));
      if (x < info.lo || x > info.hi)
        return fmt::format("{} is outside the accepted range [{}, {}]", x, info.lo, info.hi);
      return "";
    }
    case ValueType::Boolean:
      return std::holds_alternative<bool>(value) ? "" : "expects true or false";
    case ValueType::Text: {
      if (!std::holds_alternative<std::string>(value)) return "expects text";
      const auto& s = std::get<std::string>(value);
      if (info.choices.empty() || std::find(info.choices.begin(), info.choices.end(), s) != info.choices.end())
        return "";
      return fmt::format("\"{}\" is not one of: {}", s, fmt::join(info.choices, ", "));
    }
  }
  return "unknown type";
}

void Simulation::set_parameter(const std::string& path, const ParamValue& value) {
  std::string name, key;
  if (split_programme_path(path, name, key)) {
    const auto it = std::find_if(params_.programmes.begin(), params_.programmes.end(),
                                 [&](const ProgrammeSpec& s) { return s.name == name; });
    if (it == params_.programmes.end()) throw LeverError(fmt::format("{}: no programme named \"{}\"", path, name));
    const auto index = static_cast<std::size_t>(it - params_.programmes.begin());
    if (lever_rule(path, it->phase == "pre_release").timing != LeverTiming::Live) {
      throw LeverError(fmt::format("{}: {}; it cannot change during a run", path,
                                   lever_rule(path, it->phase == "pre_release").note));
    }
    ProgrammeSpec changed = *it;
    const ParamTable table(changed);
    const ParamSlot* slot = table.find(key);
    if (slot == nullptr) throw LeverError(fmt::format("{}: a programme has no key \"{}\"", path, key));
    if (auto why = check_value(slot->info, value); !why.empty()) throw LeverError(fmt::format("{}: {}", path, why));
    slot->set(value);
    // An eligibility range emptied by the change (min_age at or above max_age...) is refused, as at load.
    if (auto why = empty_eligibility_range(changed.eligibility); !why.empty())
      throw LeverError(fmt::format("{}: {}", path, why));
    *it = changed;
    programmes_->respecify(index, changed);
    return;
  }
  const ParamTable table(params_);
  const ParamSlot* slot = table.find(path);
  if (slot == nullptr) {
    const auto near = table.nearest(path);
    throw LeverError(fmt::format("{}: unknown parameter{}", path, near.empty() ? "" : " (did you mean " + near + "?)"));
  }
  const LeverRule rule = lever_rule(path);
  if (rule.timing != LeverTiming::Live)
    throw LeverError(fmt::format("{}: {}; it cannot change during a run", path, rule.note));
  if (auto why = check_value(slot->info, value); !why.empty()) {
    throw LeverError(fmt::format("{}: {} (value {})", path, why, describe(value)));
  }
  slot->set(value);
  if (path.rfind("housing.stocks.", 0) == 0 && path.size() > 9 && path.compare(path.size() - 9, 9, "_per_1000") == 0) {
    housing_->resize_stocks();
  }
  const bool court_monitoring = path.size() > 18 && path.compare(path.size() - 18, 18, ".monitoring_effect") == 0;
  if (path.rfind("labour.effects.", 0) == 0 || path.rfind("housing.effects.", 0) == 0 || court_monitoring ||
      path.rfind("network.influence.", 0) == 0 || path == "network.mentors.offending_effect") {
    situation_effects_ =
        std::make_unique<SituationEffects>(params_.labour.effects, params_.housing.effects, params_.justice.drug_court,
                                           params_.justice.mental_health_court, params_.network);
  }
  if (path.rfind("network.dynamics.", 0) == 0) network_->refresh_rates();
  if (path == "network.mentors.completion_bonus")
    programmes_->attach_mentors(&network_->summary(), params_.network.mentors.completion_bonus);
  if (is_need_effect(path)) {
    par_.for_ranges(population_.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i) justice_->refresh_from_needs(i);
    });
  }
}

}  // namespace pw
