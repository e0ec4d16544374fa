#include "sim/io/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "sim/io/h5_util.hpp"

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
        throw std::runtime_error(fmt::format("scenario {}: measure {}/{}/{} does not match the baseline's {}/{}/{}", name,
                                             b.measure, b.group, b.period, a.measure, a.group, a.period));
      }
      c.rows.push_back({name, a.measure, a.group, a.period, a.unit, paired_difference(a.per_replicate, b.per_replicate)});
    }
  }
  return c;
}

Comparison read_comparison(const std::filesystem::path& file) {
  H5::Exception::dontPrint();
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    return read_comparison(f);
  } catch (const H5::Exception& e) {
    throw std::runtime_error(fmt::format("{}: cannot read the comparison: {}", file.string(), e.getDetailMsg()));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", file.string(), e.what()));
  }
}

nlohmann::json vs_baseline_json(const Comparison& c) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& r : c.rows) {
    out[r.scenario][r.group][r.measure].push_back(
        {{"mean", number(r.diff.mean)}, {"lo", number(r.diff.lo)}, {"hi", number(r.diff.hi)}});
  }
  return out;
}

std::string format_comparison(const Comparison& c) {
  std::string out;
  // The outcome rows shown: group "all" at years 1, 3 and the last; return to
  // prison in the last year by the main groups; every cost row.
  std::set<std::string> periods;
  std::string last_year;
  for (const auto& r : c.rows) {
    if (!r.period.empty() && r.period[0] == 'y') last_year = r.period;
  }
  for (const auto& p : {std::string("y1"), std::string("y3"), last_year}) periods.insert(p);
  const std::vector<std::string> breakdown = {"male",        "female",   "age_le24",      "age_25to39",   "age_40to54",
                                              "age_55to64",  "risk_low", "risk_moderate", "risk_high",    "risk_very_high"};
  const auto shown = [&](const ComparisonRow& r) {
    if (r.period == "follow-up") return r.group == "all";
    if (r.group == "all") return periods.count(r.period) > 0;
    return r.measure == "return_prison" && r.period == last_year &&
           std::find(breakdown.begin(), breakdown.end(), r.group) != breakdown.end();
  };
  std::string current;
  for (const auto& r : c.rows) {
    if (r.scenario != current) {
      current = r.scenario;
      out += fmt::format("\n{} vs {}: {} replicates of {} people, {}; difference = {} minus {}, 95% interval\n",
                         r.scenario, c.baseline, c.replicates, c.people,
                         c.common_random_numbers ? "common random numbers" : "independent seeds", r.scenario,
                         c.baseline);
      out += fmt::format("  {:<27} {:<16} {:>9} {:>13} {:>13} {:>11}  {}\n", "outcome", "group", "when", c.baseline.substr(0, 13),
                         r.scenario.substr(0, 13), "difference", "95% interval");
    }
    if (!shown(r)) continue;
    const int dec = r.unit == "pct" ? 1 : r.unit == "per person" ? 3 : 0;
    const auto interval = std::isfinite(r.diff.lo)
                              ? fmt::format("[{}, {}]{}", fixed(r.diff.lo, dec), fixed(r.diff.hi, dec),
                                            r.diff.significant() ? " *" : "")
                              : std::string("(needs 2+ replicates)");
    out += fmt::format("  {:<27} {:<16} {:>9} {:>13} {:>13} {:>+11.{}f}  {}\n", label(r.measure), r.group, r.period,
                       fixed(r.diff.baseline_mean, dec), fixed(r.diff.alternative_mean, dec), r.diff.mean, dec,
                       interval);
  }
  // Cost-effectiveness, as point estimates: public cost per arrest averted, and
  // the benefit-cost ratio of what the scenario spends more (programmes,
  // housing, hiring incentives) against what it saves (custody, supervision,
  // courts, victims) and the taxes it gains.
  for (const auto& name : c.scenarios) {
    const ComparisonRow* cost = nullptr;
    const ComparisonRow* arrests = nullptr;
    std::map<std::string, double> delta;
    for (const auto& r : c.rows) {
      if (r.scenario != name || r.group != "all") continue;
      if (r.measure == "cost_public_per_person") cost = &r;
      if (r.measure == "arrests_per_person") arrests = &r;
      delta[r.measure] = r.diff.mean;
    }
    if (cost == nullptr || arrests == nullptr) continue;
    double spent = 0, saved = 0;
    for (const auto* m : {"cost_programmes_per_person", "cost_housing_per_person",
                          "cost_employment_incentives_per_person"}) {
      spent += delta[m];
    }
    for (const auto* m : {"cost_prison_per_person", "cost_jail_per_person", "cost_supervision_per_person",
                          "cost_courts_per_person", "cost_victim_per_person", "cost_taxes_on_earnings_per_person"}) {
      saved -= delta[m];
    }
    if (spent > 0) {
      out += fmt::format("\n  {}: spends {:.0f} USD more per person (programmes, housing, incentives) and saves {:.0f} "
                         "(custody, supervision, courts, victims, taxes gained): benefit-cost ratio {:.2f} (point "
                         "estimate)",
                         name, spent, saved, saved / spent);
    }
    if (arrests->diff.mean < 0 && arrests->diff.significant()) {
      const double per_arrest = cost->diff.mean / -arrests->diff.mean;
      out += fmt::format("\n  {}: {} {:.0f} USD of public spending per arrest averted (change in public cost per "
                         "person / arrests averted per person; point estimate)\n",
                         name, per_arrest >= 0 ? "costs" : "saves", std::abs(per_arrest));
    } else {
      out += fmt::format("\n  {}: arrests are not reduced with 95% confidence, so no cost per arrest averted\n", name);
    }
  }
  out += "\n  * the 95% interval excludes zero. Percent rows: percent of the released cohort (differences in\n"
         "    percentage points); cost rows: USD (2023 prices) per released person over the follow-up;\n"
         "    per-person rows: events per released person over the follow-up.\n"
         "    Every group, year and outcome: --csv FILE, or `pathways inspect FILE --json` (vs_baseline).\n";
  return out;
}

void write_comparison_csv(const Comparison& c, const std::filesystem::path& csv) {
  if (csv.has_parent_path()) std::filesystem::create_directories(csv.parent_path());
  std::ofstream out(csv);
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the CSV", csv.string()));
  out << "scenario,baseline,measure,group,period,unit,replicates,common_random_numbers,baseline_mean,scenario_mean,"
         "difference,sd,lo,hi,significant\n";
  const auto num = [](double x) { return std::isfinite(x) ? fmt::format("{:.10g}", x) : std::string(); };
  for (const auto& r : c.rows) {
    out << csv_field(r.scenario) << ',' << csv_field(c.baseline) << ',' << r.measure << ',' << r.group << ','
        << r.period << ',' << csv_field(r.unit) << ',' << r.diff.n << ',' << (c.common_random_numbers ? 1 : 0) << ','
        << num(r.diff.baseline_mean) << ',' << num(r.diff.alternative_mean) << ',' << num(r.diff.mean) << ','
        << num(r.diff.sd) << ',' << num(r.diff.lo) << ',' << num(r.diff.hi) << ',' << (r.diff.significant() ? 1 : 0)
        << '\n';
  }
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the CSV", csv.string()));
}

}  // namespace pw
