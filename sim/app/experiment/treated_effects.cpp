#include "sim/app/experiment/treated_effects.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/costs/costs.hpp"
#include "models/reporting/person_ledger.hpp"
#include "sim/app/io/h5_util.hpp"

namespace pw {

namespace {

constexpr const char* kGroup = "person_outcomes";

// One task's ledger as read back.
struct Ledger {
  std::size_t people = 0;
  std::vector<std::string> flag_names, unit_names;
  std::vector<std::uint8_t> flags, units;
  std::vector<float> costs;
  [[nodiscard]] const std::uint8_t* unit(const std::string& name) const {
    for (std::size_t u = 0; u < unit_names.size(); ++u) {
      if (unit_names[u] == name) return &units[u * people];
    }
    return nullptr;
  }
};

template <class T>
std::vector<T> read_all(const H5::Group& g, const std::string& name, const H5::PredType& mem, hsize_t& rows,
                        hsize_t& cols) {
  const auto ds = g.openDataSet(name);
  hsize_t dims[2] = {0, 0};
  ds.getSpace().getSimpleExtentDims(dims);
  rows = dims[0];
  cols = dims[1];
  std::vector<T> v(static_cast<std::size_t>(rows * cols));
  if (!v.empty()) ds.read(v.data(), mem);
  return v;
}

bool read_ledger(const std::filesystem::path& task_file, const std::string& scenario, Ledger& out) {
  const H5::H5File f(task_file.string(), H5F_ACC_RDONLY);
  const auto sg = f.openGroup("/scenarios/" + scenario);
  if (!sg.nameExists(kGroup)) return false;
  const auto g = sg.openGroup(kGroup);
  hsize_t rows = 0, cols = 0;
  out.flag_names = h5::read_strings(g, "flag_names");
  out.unit_names = h5::read_strings(g, "unit_names");
  out.flags = read_all<std::uint8_t>(g, "flags", H5::PredType::NATIVE_UINT8, rows, cols);
  out.people = static_cast<std::size_t>(cols);
  out.units = read_all<std::uint8_t>(g, "units", H5::PredType::NATIVE_UINT8, rows, cols);
  out.costs = read_all<float>(g, "costs", H5::PredType::NATIVE_FLOAT, rows, cols);
  if (rows != kCostCategories.size() || out.flags.size() != out.flag_names.size() * out.people ||
      out.units.size() != out.unit_names.size() * out.people) {
    throw std::runtime_error(
        fmt::format("{}: person_outcomes of {} have unexpected shapes", task_file.string(), scenario));
  }
  return true;
}

// The units reported for alternative `alt` (see the header), in ledger order.
std::vector<std::string> reported_units(const ModelParams& base, const ModelParams& alt, const Ledger& l) {
  std::vector<std::string> out;
  for (const auto& name : l.unit_names) {
    if (name.rfind("programme:", 0) == 0) out.push_back(name);
    if (name == "drug_court" && alt.justice.drug_court.places_per_1000 > 0) out.push_back(name);
    if (name == "mental_health_court" && alt.justice.mental_health_court.places_per_1000 > 0) out.push_back(name);
    if (name == "intensive_supervision" &&
        (alt.justice.supervision.intensive_share_high != base.justice.supervision.intensive_share_high ||
         alt.justice.supervision.intensive_share_very_high != base.justice.supervision.intensive_share_very_high)) {
      out.push_back(name);
    }
  }
  return out;
}

struct UnitTable {
  std::vector<std::int64_t> participants;
  std::vector<double> scenario, baseline;  // [replicate * M + m]
};

}  // namespace

void write_person_outcomes(H5::Group& scenario, const PersonLedger& ledger) {
  auto g = scenario.createGroup(kGroup);
  const auto n = static_cast<hsize_t>(ledger.people());
  const auto matrix = [&](const char* name, const H5::PredType& file, const H5::PredType& mem, const auto& v,
                          std::size_t rows) {
    auto ds = h5::create_matrix(g, name, file, static_cast<hsize_t>(rows), n);
    for (std::size_t r = 0; r < rows; ++r) h5::write_row(ds, r, v.data() + r * ledger.people(), mem, n);
  };
  const auto names = ledger.flag_names();
  h5::write_strings(g, "flag_names", names);
  matrix("flags", H5::PredType::STD_U8LE, H5::PredType::NATIVE_UINT8, ledger.flags(), names.size());
  std::vector<std::string> costs;
  for (const auto& c : kCostCategories) costs.emplace_back(c.name);
  h5::write_strings(g, "cost_names", costs);
  matrix("costs", H5::PredType::IEEE_F32LE, H5::PredType::NATIVE_FLOAT, ledger.costs(), costs.size());
  h5::write_strings(g, "unit_names", ledger.unit_names());
  matrix("units", H5::PredType::STD_U8LE, H5::PredType::NATIVE_UINT8, ledger.units(), ledger.unit_names().size());
}

void write_treated_effects(const ExperimentPlan& plan, const TaskJournal& journal, H5::Group& experiment) {
  if (plan.kind != "compare" || plan.scenarios.size() < 2) return;
  const int reps = plan.replicates;
  const auto task = [&](std::size_t k, int r) { return journal.task_path(static_cast<int>(k) * reps + r); };
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  {
    Ledger probe;
    if (!read_ledger(task(0, 0), plan.scenarios[0].name(), probe)) return;
  }
  auto top = experiment.createGroup("effect_on_treated");
  h5::write_attr(top, "description",
                 std::string("participants' means in each scenario against the same persons in the baseline "
                             "(sim/app/experiment/treated_effects.hpp; results/README.md)"));
  const auto& base_params = plan.scenarios[0].loaded.params;
  for (std::size_t k = 1; k < plan.scenarios.size(); ++k) {
    const auto& s = plan.scenarios[k];
    std::vector<std::string> units, measures, measure_units;
    std::vector<UnitTable> tables;
    for (int r = 0; r < reps; ++r) {
      Ledger base, alt;
      if (!read_ledger(task(0, r), plan.scenarios[0].name(), base) || !read_ledger(task(k, r), s.name(), alt)) {
        throw std::runtime_error(fmt::format("{}: the task files lack person outcomes", s.name()));
      }
      if (base.people != alt.people || base.flag_names != alt.flag_names) {
        throw std::runtime_error(fmt::format("{}: person outcomes do not match the baseline's", s.name()));
      }
      if (r == 0) {
        units = reported_units(base_params, s.loaded.params, alt);
        measures = alt.flag_names;
        measure_units.assign(measures.size(), "pct");
        for (const auto& c : kCostCategories) {
          measures.push_back(fmt::format("cost_{}", c.name));
          measure_units.push_back(fmt::format("USD {} per participant", kPriceBaseYear));
        }
        tables.resize(units.size());
        for (auto& t : tables) {
          t.participants.assign(static_cast<std::size_t>(reps), 0);
          t.scenario.assign(static_cast<std::size_t>(reps) * measures.size(), nan);
          t.baseline = t.scenario;
        }
      }
      const std::size_t n = alt.people, flag_rows = alt.flag_names.size(), m_count = measures.size();
      for (std::size_t u = 0; u < units.size(); ++u) {
        const auto* took_part = alt.unit(units[u]);
        const auto* also_base = units[u] == "intensive_supervision" ? base.unit(units[u]) : nullptr;
        std::vector<double> sum_alt(m_count, 0.0), sum_base(m_count, 0.0);
        std::int64_t count = 0;
        for (std::size_t i = 0; i < n; ++i) {
          if (took_part == nullptr || took_part[i] == 0 || (also_base != nullptr && also_base[i] != 0)) continue;
          ++count;
          for (std::size_t m = 0; m < flag_rows; ++m) {
            sum_alt[m] += alt.flags[m * n + i];
            sum_base[m] += base.flags[m * n + i];
          }
          for (std::size_t c = 0; c < kCostCategories.size(); ++c) {
            sum_alt[flag_rows + c] += alt.costs[c * n + i];
            sum_base[flag_rows + c] += base.costs[c * n + i];
          }
        }
        auto& t = tables[u];
        t.participants[static_cast<std::size_t>(r)] = count;
        if (count == 0) continue;
        for (std::size_t m = 0; m < m_count; ++m) {
          const double scale = (m < flag_rows ? 100.0 : 1.0) / static_cast<double>(count);
          t.scenario[static_cast<std::size_t>(r) * m_count + m] = sum_alt[m] * scale;
          t.baseline[static_cast<std::size_t>(r) * m_count + m] = sum_base[m] * scale;
        }
      }
    }
    auto sg = top.createGroup(s.name());
    for (std::size_t u = 0; u < units.size(); ++u) {
      auto ug = sg.createGroup(units[u]);
      const auto& t = tables[u];
      h5::write_attr(ug, "participants_are",
                     units[u] == "intensive_supervision"
                         ? std::string("released to intensive supervision in the scenario and not in the baseline")
                     : units[u].rfind("programme:", 0) == 0 ? std::string("started the programme in the scenario")
                                                            : std::string("admitted to the court in the scenario"));
      const hsize_t nr = static_cast<hsize_t>(reps);
      auto pd = ug.createDataSet("participants", H5::PredType::STD_I64LE, H5::DataSpace(1, &nr));
      pd.write(t.participants.data(), H5::PredType::NATIVE_INT64);
      h5::write_strings(ug, "measures", measures);
      h5::write_strings(ug, "units", measure_units);
      const hsize_t dims[2] = {nr, static_cast<hsize_t>(measures.size())};
      auto a = ug.createDataSet("scenario", H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims));
      a.write(t.scenario.data(), H5::PredType::NATIVE_DOUBLE);
      auto b = ug.createDataSet("baseline", H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims));
      b.write(t.baseline.data(), H5::PredType::NATIVE_DOUBLE);
    }
  }
}

}  // namespace pw
