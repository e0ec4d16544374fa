#include "sim/app/io/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "models/costs/costs.hpp"
#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"

namespace pw {

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m = {
      {"arrest", "first arrest, %"},
      {"conviction", "first conviction, %"},
      {"return_prison", "return to prison, %"},
      {"cost_public_per_person", "public cost / person"},
      {"cost_victim_per_person", "victim cost / person"},
      {"cost_total_per_person", "total cost / person"},
      {"offences_per_person", "offences / person"},
      {"arrests_per_person", "arrests / person"},
      {"convictions_per_person", "convictions / person"},
      {"prison_admissions_per_person", "prison admissions / person"},
      {"employed_pct", "working, % in community"},
      {"ever_employed_pct", "ever worked, %"},
      {"homeless_pct", "homeless, % in community"},
      {"any_formal_earnings_pct", "formal earnings y1.5, %"},
      {"shelter_within_24m_pct", "shelter within 24m, %"},
      {"earnings_per_person", "earnings / person"},
      {"has_id_pct", "has an ID, % in community"},
      {"benefits_pct", "has benefits, % in comm."},
      {"enrolled_pct", "enrolled w/ services, %"},
      {"formally_employed_pct", "formal job, % in community"},
      {"cost_prison_per_person", "  prison cost / person"},
      {"cost_jail_per_person", "  jail cost / person"},
      {"cost_supervision_per_person", "  supervision cost / pers."},
      {"cost_courts_per_person", "  court cost / person"},
      {"cost_victim_per_person", "victim cost / person"},
      {"cost_programmes_per_person", "  programme cost / person"},
      {"cost_housing_per_person", "  housing cost / person"},
      {"cost_employment_incentives_per_person", "  hiring incentives / pers."},
      {"cost_taxes_on_earnings_per_person", "  taxes (negative) / pers."},
  };
  return m;
}

std::string label(const std::string& measure) {
  const auto it = labels().find(measure);
  return it == labels().end() ? measure : it->second;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string fixed(double x, int decimals) {
  return std::isfinite(x) ? fmt::format("{:.{}f}", x, decimals) : std::string("-");
}

// Per replicate, alternative minus baseline of a group-"all" measure; empty if absent.
std::vector<double> replicate_changes(const std::vector<MeasureRow>& base, const std::vector<MeasureRow>& alt,
                                      std::string_view measure) {
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (base[i].measure != measure || base[i].group != "all") continue;
    std::vector<double> d(base[i].per_replicate.size());
    for (std::size_t r = 0; r < d.size(); ++r) d[r] = alt[i].per_replicate[r] - base[i].per_replicate[r];
    return d;
  }
  return {};
}

std::optional<CostEffectiveness> cost_effectiveness(const std::string& name, const std::vector<MeasureRow>& base,
                                                    const std::vector<MeasureRow>& alt) {
  const auto public_cost = replicate_changes(base, alt, "cost_public_per_person");
  auto averted = replicate_changes(base, alt, "arrests_per_person");
  if (public_cost.empty() || averted.empty()) return std::nullopt;
  for (auto& a : averted) a = -a;
  std::vector<double> spent(public_cost.size(), 0.0), saved(public_cost.size(), 0.0);
  for (const auto m : kSpendingMeasures) {
    const auto d = replicate_changes(base, alt, m);
    for (std::size_t r = 0; r < d.size(); ++r) spent[r] += d[r];
  }
  for (const auto m : kSavingMeasures) {
    const auto d = replicate_changes(base, alt, m);
    for (std::size_t r = 0; r < d.size(); ++r) saved[r] -= d[r];
  }
  std::vector<double> net(saved.size());
  for (std::size_t r = 0; r < net.size(); ++r) net[r] = saved[r] - spent[r];
  return CostEffectiveness{name, fieller_ratio(saved, spent), fieller_ratio(public_cost, averted),
                           chance_mean_positive(net)};
}

// "costs 1,234 USD more" / "saves 1,234 USD" (sign-correct wording of a change in cost).
std::string cost_change(double usd) {
  return usd >= 0 ? fmt::format("costs {:.0f} USD more", usd) : fmt::format("saves {:.0f} USD", -usd);
}

// The interval of a change in cost, each end worded: "saves 4922 to 6204 USD",
// "costs 100 to 900 USD more", "from saving 300 USD to costing 200 USD more".
std::string cost_change_interval(double lo, double hi) {
  if (lo >= 0) return fmt::format("costs {:.0f} to {:.0f} USD more", lo, hi);
  if (hi <= 0) return fmt::format("saves {:.0f} to {:.0f} USD", -hi, -lo);
  return fmt::format("from saving {:.0f} USD to costing {:.0f} USD more", -lo, hi);
}

std::string ratio_interval_text(const RatioInterval& r, int decimals) {
  switch (r.kind) {
    case RatioInterval::Kind::Bounded:
      return fmt::format("95% interval [{}, {}]", fixed(r.lo, decimals), fixed(r.hi, decimals));
    case RatioInterval::Kind::Unbounded:
      return "95% interval unbounded: the denominator's interval includes zero";
    case RatioInterval::Kind::Undefined:
      break;
  }
  return r.n < 2 ? "no interval with one replicate" : "no interval";
}

// The shown value of a difference row to `dec` decimals, and its interval,
// starred only when the interval excludes zero by more than that rounding.
std::string difference_interval(const PairedDifference& d, int dec) {
  if (!std::isfinite(d.lo)) return "(needs 2+ replicates)";
  const double resolution = 0.5 * std::pow(10.0, -dec);
  return fmt::format("[{}, {}]{}", fixed(d.lo, dec), fixed(d.hi, dec), d.significant(resolution) ? " *" : "");
}

// The t interval of one set of replicate values (baseline 0).
PairedDifference interval_of(const std::vector<double>& x) {
  return paired_difference(std::vector<double>(x.size(), 0.0), x);
}

std::vector<std::int64_t> read_int64s(const H5::Group& g, const std::string& name) {
  const auto ds = g.openDataSet(name);
  std::vector<std::int64_t> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_INT64);
  return v;
}

// /experiment/effect_on_treated/<scenario>/<unit> (sim/app/experiment/treated_effects.hpp).
TreatedUnit read_treated_unit(const H5::Group& g, const std::string& scenario, const std::string& unit) {
  TreatedUnit t;
  t.scenario = scenario;
  t.unit = unit;
  t.participants_are = g.attrExists("participants_are") ? h5::read_string_attr(g, "participants_are") : "";
  t.participants = read_int64s(g, "participants");
  const auto measures = h5::read_strings(g, "measures");
  const auto units = h5::read_strings(g, "units");
  hsize_t rows = 0, cols = 0;
  const auto alt = h5::read_matrix_double(g.openDataSet("scenario"), rows, cols);
  const auto base = h5::read_matrix_double(g.openDataSet("baseline"), rows, cols);
  std::vector<std::size_t> used;  // replicates with participants
  for (std::size_t r = 0; r < t.participants.size() && r < rows; ++r) {
    if (t.participants[r] > 0) used.push_back(r);
  }
  t.replicates_with_participants = static_cast<int>(used.size());
  std::map<std::string, std::vector<double>> change;  // per used replicate, by measure
  for (std::size_t m = 0; m < measures.size() && m < cols; ++m) {
    std::vector<double> a, b;
    for (const auto r : used) {
      a.push_back(base[r * cols + m]);
      b.push_back(alt[r * cols + m]);
    }
    for (std::size_t k = 0; k < a.size(); ++k) change[measures[m]].push_back(b[k] - a[k]);
    if (used.empty()) continue;
    TreatedRow row;
    const auto dot = measures[m].find('.');
    row.measure = dot == std::string::npos ? measures[m] : measures[m].substr(0, dot);
    row.period = dot == std::string::npos ? std::string("follow-up") : measures[m].substr(dot + 1);
    row.unit = m < units.size() ? units[m] : "";
    row.diff = paired_difference(a, b);
    t.rows.push_back(std::move(row));
  }
  if (used.empty()) return t;
  const auto sum_of = [&](const auto& names, double sign) {
    std::vector<double> v(used.size(), 0.0);
    for (const auto name : names) {
      const auto it = change.find(fmt::format("cost_{}", name));
      if (it == change.end()) continue;
      for (std::size_t k = 0; k < v.size(); ++k) v[k] += sign * it->second[k];
    }
    return v;
  };
  // Intensive supervision is itself the programme: its extra supervision is its cost.
  const bool supervision_is_cost = unit == "intensive_supervision";
  std::vector<std::string_view> spend = {"programmes", "housing", "employment_incentives"};
  std::vector<std::string_view> public_saving = {"prison", "jail", "courts", "taxes_on_earnings"};
  (supervision_is_cost ? spend : public_saving).push_back("supervision");
  const std::vector<std::string_view> victim = {"victim"};
  const auto cost = sum_of(spend, 1.0);
  const auto pub = sum_of(public_saving, -1.0);
  const auto vic = sum_of(victim, -1.0);
  std::vector<double> benefits(cost.size()), net(cost.size());
  for (std::size_t k = 0; k < cost.size(); ++k) {
    benefits[k] = pub[k] + vic[k];
    net[k] = benefits[k] - cost[k];
  }
  t.cost_per_participant = interval_of(cost);
  t.public_benefit = interval_of(pub);
  t.victim_benefit = interval_of(vic);
  t.benefit_cost_ratio = fieller_ratio(benefits, cost);
  t.chance_benefits_exceed_costs = chance_mean_positive(net);
  return t;
}

std::vector<TreatedUnit> read_treated(const H5::Group& experiment, const std::vector<std::string>& scenarios) {
  std::vector<TreatedUnit> out;
  if (!experiment.nameExists("effect_on_treated")) return out;
  const auto top = experiment.openGroup("effect_on_treated");
  for (const auto& name : scenarios) {
    if (!top.nameExists(name)) continue;
    const auto sg = top.openGroup(name);
    std::vector<std::string> units;
    for (hsize_t i = 0; i < sg.getNumObjs(); ++i) units.push_back(sg.getObjnameByIdx(i));
    // Programmes first, then courts and supervision (HDF5 lists names alphabetically).
    std::stable_partition(units.begin(), units.end(),
                          [](const std::string& u) { return u.rfind("programme:", 0) == 0; });
    for (const auto& u : units) out.push_back(read_treated_unit(sg.openGroup(u), name, u));
  }
  return out;
}

// "1,234 participants per replicate (1,200 to 1,260)".
std::string participants_text(const TreatedUnit& t) {
  if (t.participants.empty()) return "no replicates";
  const auto [lo, hi] = std::minmax_element(t.participants.begin(), t.participants.end());
  if (*hi == 0) return "no participants in any replicate";
  std::string s = fmt::format("{:.0f} participants per replicate", t.mean_participants());
  if (*lo != *hi) s += fmt::format(" ({} to {})", *lo, *hi);
  if (t.replicates_with_participants < static_cast<int>(t.participants.size())) {
    s += fmt::format("; {} of {} replicates had none and are left out",
                     static_cast<int>(t.participants.size()) - t.replicates_with_participants, t.participants.size());
  }
  return s;
}

// The effect on the treated, per alternative and unit: the main outcome rows
// and the benefit-cost per participant.
std::string format_treated(const Comparison& c, const std::set<std::string>& periods, const std::string& last_year) {
  if (c.treated.empty()) return {};
  std::string out;
  std::string current;
  const std::map<std::string, std::string> names = {{"arrest", "first arrest, %"},
                                                    {"conviction", "first conviction, %"},
                                                    {"return_prison", "return to prison, %"},
                                                    {"employed", "working, %"},
                                                    {"homeless", "homeless, %"}};
  for (const auto& t : c.treated) {
    if (t.scenario != current) {
      current = t.scenario;
      out += fmt::format(
          "\n{}: effect on the treated: each programme's or court's participants in {} against the same persons "
          "(same id, same draws) in {}; per replicate the difference of the participants' means, then a 95% "
          "interval over replicates\n",
          t.scenario, t.scenario, c.baseline);
    }
    out += fmt::format("  {} ({}): {}\n", t.unit, t.participants_are, participants_text(t));
    if (t.replicates_with_participants == 0) continue;
    out += fmt::format("    {:<22} {:>9} {:>10} {:>10} {:>11}  {}\n", "outcome of participants", "when", "baseline",
                       "scenario", "difference", "95% interval");
    for (const auto& r : t.rows) {
      const auto it = names.find(r.measure);
      if (it == names.end()) continue;
      const bool justice = r.measure == "arrest" || r.measure == "conviction" || r.measure == "return_prison";
      if (justice ? periods.count(r.period) == 0 : (r.period != "y1" && r.period != last_year)) continue;
      out += fmt::format("    {:<22} {:>9} {:>10} {:>10} {:>+11.1f}  {}\n", it->second, r.period,
                         fixed(r.diff.baseline_mean, 1), fixed(r.diff.alternative_mean, 1), r.diff.mean,
                         t.replicates_with_participants < 2 ? std::string("(not available with 1 replicate)")
                                                            : difference_interval(r.diff, 1));
    }
    const auto usd = [&](const PairedDifference& d) {
      std::string v = fmt::format("{:.0f}", d.mean);
      if (std::isfinite(d.lo)) v += fmt::format(" [{:.0f}, {:.0f}]", d.lo, d.hi);
      return v;
    };
    out += fmt::format(
        "    per participant over the follow-up (USD {}): extra cost (programmes, housing, incentives{}) {}; public "
        "benefits {}; victim benefits {}\n",
        kPriceBaseYear, t.unit == "intensive_supervision" ? ", supervision" : "", usd(t.cost_per_participant),
        usd(t.public_benefit), usd(t.victim_benefit));
    const auto& bcr = t.benefit_cost_ratio;
    if (t.benefit_cost_ratio_defined()) {
      out += fmt::format("    benefit-cost ratio per participant {} ({})", fixed(bcr.estimate, 2),
                         ratio_interval_text(bcr, 2));
    } else {
      out +=
          "    benefit-cost ratio per participant not defined (no net spend: the extra cost's interval reaches zero)";
    }
    if (std::isfinite(t.chance_benefits_exceed_costs)) {
      const double p = 100 * t.chance_benefits_exceed_costs;
      out += "; chance that benefits exceed costs " + (p > 99.5  ? std::string("over 99%")
                                                       : p < 0.5 ? std::string("under 1%")
                                                                 : fmt::format("{:.0f}%", p));
    }
    out += "\n";
  }
  out +=
      "\n  Effect on the treated: percent of the participants (working and homeless count everyone, in custody or\n"
      "    not: custody is neither); costs and benefits are the participants' own, so spill-overs to other people\n"
      "    (ties, jobs, places) are in the whole-cohort rows above, not here.\n";
  return out;
}

}  // namespace

bool is_comparison(const H5::H5File& f) {
  if (!f.nameExists("experiment")) return false;
  const auto g = f.openGroup("experiment");
  return g.attrExists("kind") && h5::read_string_attr(g, "kind") == "compare";
}

Comparison read_comparison(const H5::H5File& f) {
  if (!is_comparison(f)) throw std::runtime_error("not a compare experiment (no /experiment of kind \"compare\")");
  const auto eg = f.openGroup("experiment");
  Comparison c;
  c.baseline = h5::read_string_attr(eg, "baseline");
  c.common_random_numbers = h5::read_int_attr(eg, "common_random_numbers") != 0;
  c.scenarios = h5::read_strings(eg, "scenarios");
  const auto sg = f.openGroup("scenarios");
  const auto base_group = sg.openGroup(c.baseline);
  c.replicates = static_cast<int>(h5::read_int_attr(base_group, "replicates_written"));
  c.people = h5::read_int_attr(base_group, "people");
  const auto base = read_measures(base_group, c.replicates);
  for (const auto& name : c.scenarios) {
    if (name == c.baseline) continue;
    const auto g = sg.openGroup(name);
    if (h5::read_int_attr(g, "replicates_written") != c.replicates) {
      throw std::runtime_error(fmt::format("scenario {} has a different number of replicates from the baseline", name));
    }
    const auto alt = read_measures(g, c.replicates);
    if (alt.size() != base.size()) {
      throw std::runtime_error(fmt::format("scenario {} has other outcome measures than the baseline", name));
    }
    for (std::size_t i = 0; i < alt.size(); ++i) {
      const auto& a = base[i];
      const auto& b = alt[i];
      if (a.measure != b.measure || a.group != b.group || a.period != b.period) {
        throw std::runtime_error(fmt::format("scenario {}: measure {}/{}/{} does not match the baseline's {}/{}/{}",
                                             name, b.measure, b.group, b.period, a.measure, a.group, a.period));
      }
      c.rows.push_back(
          {name, a.measure, a.group, a.period, a.unit, paired_difference(a.per_replicate, b.per_replicate)});
    }
    if (auto ce = cost_effectiveness(name, base, alt)) c.cost_effectiveness.push_back(std::move(*ce));
  }
  c.treated = read_treated(eg, c.scenarios);
  return c;
}

double TreatedUnit::mean_participants() const {
  if (participants.empty()) return 0;
  double sum = 0;
  for (const auto n : participants) sum += static_cast<double>(n);
  return sum / static_cast<double>(participants.size());
}

const TreatedRow* TreatedUnit::find(std::string_view measure, std::string_view period) const {
  for (const auto& r : rows) {
    if (r.measure == measure && r.period == period) return &r;
  }
  return nullptr;
}

Comparison read_comparison(const std::filesystem::path& file) {
  H5::Exception::dontPrint();
  const h5::H5FailureCapture capture;
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    return read_comparison(f);
  } catch (const H5::Exception& e) {  // a damaged file check_results_file did not see
    throw ResultsFileError(
        fmt::format("{}: cannot read the comparison: {}", file.string(), capture.reason_or(e.getDetailMsg())));
  } catch (const std::runtime_error& e) {  // what the file holds is not what this kind of file needs
    throw ResultsFileError(fmt::format("{}: {}", file.string(), e.what()));
  }
}

nlohmann::json vs_baseline_json(const Comparison& c) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& r : c.rows) {
    out[r.scenario][r.group][r.measure].push_back(
        {{"mean", number(r.diff.mean)}, {"lo", number(r.diff.lo)}, {"hi", number(r.diff.hi)}});
  }
  const auto ratio = [](const RatioInterval& r, bool defined) {
    return nlohmann::json{{"mean", defined ? number(r.estimate) : nullptr},
                          {"lo", defined ? number(r.lo) : nullptr},
                          {"hi", defined ? number(r.hi) : nullptr},
                          {"interval", std::string(r.kind_name())},
                          {"method", "fieller"},
                          {"defined", defined}};
  };
  for (const auto& ce : c.cost_effectiveness) {
    auto& all = out[ce.scenario]["all"];
    all["benefit_cost_ratio"].push_back(ratio(ce.benefit_cost_ratio, ce.benefit_cost_ratio_defined()));
    all["public_cost_per_arrest_averted"].push_back(
        ratio(ce.public_cost_per_arrest_averted, ce.cost_per_arrest_averted_defined()));
    all["chance_benefits_exceed_costs"].push_back({{"mean", number(ce.chance_benefits_exceed_costs)}});
  }
  return out;
}

std::string format_comparison(const Comparison& c) {
  std::string out;
  // The outcome rows shown: group "all" at years 1, 3 and the last; return to
  // prison in the last year by the main groups; every cost row.
  std::set<std::string> periods;
  std::string last_year;
  // The largest year (the coordination rows end at "y1", so not simply the last row's).
  int last = 0;
  for (const auto& r : c.rows) {
    if (r.period.size() > 1 && r.period[0] == 'y') last = std::max(last, std::atoi(r.period.c_str() + 1));
  }
  if (last > 0) last_year = fmt::format("y{}", last);
  for (const auto& p : {std::string("y1"), std::string("y3"), last_year}) periods.insert(p);
  const std::vector<std::string> breakdown = {"male",       "female",        "age_le24", "age_25to39",
                                              "age_40to54", "age_55to64",    "risk_low", "risk_moderate",
                                              "risk_high",  "risk_very_high"};
  const auto shown = [&](const ComparisonRow& r) {
    if (r.period == "follow-up") return r.group == "all";
    if (r.group == "all") return periods.count(r.period) > 0 || r.period == "m3" || r.period == "m8";
    return r.measure == "return_prison" && r.period == last_year &&
           std::find(breakdown.begin(), breakdown.end(), r.group) != breakdown.end();
  };
  // Columns wide enough for the full scenario names.
  std::size_t name_width = std::max<std::size_t>(13, c.baseline.size());
  for (const auto& n : c.scenarios) name_width = std::max(name_width, n.size());
  std::string current;
  for (const auto& r : c.rows) {
    if (r.scenario != current) {
      current = r.scenario;
      out +=
          fmt::format("\n{} vs {}: {} replicates of {} people, {}; difference = {} minus {}, 95% interval\n",
                      r.scenario, c.baseline, c.replicates, c.people,
                      c.common_random_numbers ? "common random numbers" : "independent seeds", r.scenario, c.baseline);
      out += fmt::format("  {:<27} {:<16} {:>9} {:>{}} {:>{}} {:>11}  {}\n", "outcome", "group", "when", c.baseline,
                         name_width, r.scenario, name_width, "difference", "95% interval");
    }
    if (!shown(r)) continue;
    const int dec = r.unit == "pct" ? 1 : r.unit == "per person" ? 3 : 0;
    out += fmt::format("  {:<27} {:<16} {:>9} {:>{}} {:>{}} {:>+11.{}f}  {}\n", label(r.measure), r.group, r.period,
                       fixed(r.diff.baseline_mean, dec), name_width, fixed(r.diff.alternative_mean, dec), name_width,
                       r.diff.mean, dec, difference_interval(r.diff, dec));
  }
  // Cost-effectiveness with Fieller intervals over replicates (ratio_stats.hpp):
  // the benefit-cost ratio of what the scenario spends more (programmes,
  // housing, hiring incentives) against what it saves (custody, supervision,
  // courts, victims) and the taxes it gains, and public cost per arrest averted.
  // A ratio whose denominator's interval reaches zero is "not defined".
  for (const auto& ce : c.cost_effectiveness) {
    const auto& bcr = ce.benefit_cost_ratio;
    const std::string savings = bcr.numerator_mean >= 0 ? fmt::format("saves {:.0f}", bcr.numerator_mean)
                                                        : fmt::format("costs {:.0f} more", -bcr.numerator_mean);
    out += fmt::format(
        "\n  {}: {} per person on programmes, housing and incentives, and {} USD in custody, "
        "supervision, courts, victims and taxes gained: ",
        ce.scenario, cost_change(bcr.denominator_mean), savings);
    if (ce.benefit_cost_ratio_defined()) {
      out += fmt::format("benefit-cost ratio {} ({})", fixed(bcr.estimate, 2), ratio_interval_text(bcr, 2));
    } else {
      out += "benefit-cost ratio not defined (no net saving or spend: the extra spending's interval reaches zero)";
    }
    if (std::isfinite(ce.chance_benefits_exceed_costs)) {
      const double p = 100 * ce.chance_benefits_exceed_costs;
      out += "; chance that benefits exceed costs " + (p > 99.5  ? std::string("over 99%")
                                                       : p < 0.5 ? std::string("under 1%")
                                                                 : fmt::format("{:.0f}%", p));
    }
    const auto& per = ce.public_cost_per_arrest_averted;
    if (ce.cost_per_arrest_averted_defined()) {
      const std::string interval = per.kind == RatioInterval::Kind::Bounded
                                       ? "95% interval: " + cost_change_interval(per.lo, per.hi)
                                       : ratio_interval_text(per, 0);
      out += fmt::format(
          "\n  {}: {} in public money per arrest averted (change in public cost per person / arrests averted "
          "per person; {})\n",
          ce.scenario, cost_change(per.estimate), interval);
    } else {
      out += fmt::format(
          "\n  {}: public cost per arrest averted not defined (no net saving or spend: the interval of arrests "
          "averted reaches zero)\n",
          ce.scenario);
    }
  }
  out += format_treated(c, periods, last_year);
  out +=
      "\n  * the 95% interval excludes zero by more than the rounding shown. Percent rows: percent of the\n"
      "    released cohort (differences in percentage points); cost rows: USD (2023 prices) per released person\n"
      "    over the follow-up; per-person rows: events per released person over the follow-up.\n"
      "    Every group, year and outcome: --csv FILE, or `pathways inspect FILE --json` (vs_baseline).\n";
  return out;
}

void write_comparison_csv(const Comparison& c, const std::filesystem::path& csv) {
  if (csv.has_parent_path()) std::filesystem::create_directories(csv.parent_path());
  std::ofstream out(csv);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the CSV", csv.string()));
  out << "scenario,baseline,measure,group,period,unit,replicates,common_random_numbers,baseline_mean,scenario_mean,"
         "difference,sd,lo,hi,significant,participants\n";
  const auto num = [](double x) { return std::isfinite(x) ? fmt::format("{:.10g}", x) : std::string(); };
  for (const auto& r : c.rows) {
    out << csv_field(r.scenario) << ',' << csv_field(c.baseline) << ',' << r.measure << ',' << r.group << ','
        << r.period << ',' << csv_field(r.unit) << ',' << r.diff.n << ',' << (c.common_random_numbers ? 1 : 0) << ','
        << num(r.diff.baseline_mean) << ',' << num(r.diff.alternative_mean) << ',' << num(r.diff.mean) << ','
        << num(r.diff.sd) << ',' << num(r.diff.lo) << ',' << num(r.diff.hi) << ',' << (r.diff.significant() ? 1 : 0)
        << ",\n";
  }
  const auto bound = [&](double x) { return std::isinf(x) ? std::string(x < 0 ? "-inf" : "inf") : num(x); };
  const auto ratio_row = [&](const std::string& scenario, const char* measure, const char* unit, const RatioInterval& r,
                             bool defined) {
    const bool significant = defined && r.kind == RatioInterval::Kind::Bounded && (r.lo > 0 || r.hi < 0);
    out << csv_field(scenario) << ',' << csv_field(c.baseline) << ',' << measure << ",all,follow-up," << csv_field(unit)
        << ',' << r.n << ',' << (c.common_random_numbers ? 1 : 0) << ",,," << (defined ? num(r.estimate) : "") << ",,"
        << (defined ? bound(r.lo) : "") << ',' << (defined ? bound(r.hi) : "") << ',' << (significant ? 1 : 0) << ",\n";
  };
  for (const auto& ce : c.cost_effectiveness) {
    ratio_row(ce.scenario, "benefit_cost_ratio", "ratio (Fieller interval)", ce.benefit_cost_ratio,
              ce.benefit_cost_ratio_defined());
    ratio_row(ce.scenario, "public_cost_per_arrest_averted", "USD 2023 per arrest averted (Fieller interval)",
              ce.public_cost_per_arrest_averted, ce.cost_per_arrest_averted_defined());
    out << csv_field(ce.scenario) << ',' << csv_field(c.baseline)
        << ",chance_benefits_exceed_costs,all,follow-up,probability," << ce.benefit_cost_ratio.n << ','
        << (c.common_random_numbers ? 1 : 0) << ",,," << num(ce.chance_benefits_exceed_costs) << ",,,,0,\n";
  }
  // The effect on the treated and the benefit-cost per participant.
  const std::string crn = c.common_random_numbers ? "1" : "0";
  for (const auto& t : c.treated) {
    const std::string head = csv_field(t.scenario) + ',' + csv_field(c.baseline) + ',';
    const std::string unit = csv_field(t.unit);
    const std::string n = num(t.mean_participants());
    const std::string reps = std::to_string(t.replicates_with_participants);
    for (const auto& r : t.rows) {
      out << head << "treated." << r.measure << ',' << unit << ',' << r.period << ',' << csv_field(r.unit) << ','
          << reps << ',' << crn << ',' << num(r.diff.baseline_mean) << ',' << num(r.diff.alternative_mean) << ','
          << num(r.diff.mean) << ',' << num(r.diff.sd) << ',' << num(r.diff.lo) << ',' << num(r.diff.hi) << ','
          << (r.diff.significant() ? 1 : 0) << ',' << n << '\n';
    }
    const auto [lo, hi] = t.participants.empty() ? std::pair<std::int64_t, std::int64_t>{0, 0}
                                                 : std::pair<std::int64_t, std::int64_t>{
                                                       *std::min_element(t.participants.begin(), t.participants.end()),
                                                       *std::max_element(t.participants.begin(), t.participants.end())};
    out << head << "treated.participants," << unit << ",per replicate,persons," << t.participants.size() << ',' << crn
        << ",,," << n << ",," << lo << ',' << hi << ",0," << n << '\n';
    if (t.replicates_with_participants == 0) continue;
    const auto money = [&](const char* measure, const PairedDifference& d) {
      out << head << "treated." << measure << ',' << unit << ",follow-up,USD " << kPriceBaseYear << " per participant,"
          << reps << ',' << crn << ",,," << num(d.mean) << ',' << num(d.sd) << ',' << num(d.lo) << ',' << num(d.hi)
          << ',' << (d.significant() ? 1 : 0) << ',' << n << '\n';
    };
    money("cost_per_participant", t.cost_per_participant);
    money("public_benefit", t.public_benefit);
    money("victim_benefit", t.victim_benefit);
    const auto& r = t.benefit_cost_ratio;
    const bool defined = t.benefit_cost_ratio_defined();
    const bool significant = defined && r.kind == RatioInterval::Kind::Bounded && (r.lo > 0 || r.hi < 0);
    out << head << "treated.benefit_cost_ratio," << unit << ",follow-up,ratio (Fieller interval)," << reps << ',' << crn
        << ",,," << (defined ? num(r.estimate) : "") << ",," << (defined ? bound(r.lo) : "") << ','
        << (defined ? bound(r.hi) : "") << ',' << (significant ? 1 : 0) << ',' << n << '\n';
    out << head << "treated.chance_benefits_exceed_costs," << unit << ",follow-up,probability," << reps << ',' << crn
        << ",,," << num(t.chance_benefits_exceed_costs) << ",,,,0," << n << '\n';
  }
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the CSV", csv.string()));
}

}  // namespace pw
