#include "sim/app/io/results_file.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "sim/app/io/h5_failure.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/network_results.hpp"
#include "sim/app/io/programme_results.hpp"
#include "sim/app/io/reintegration_results.hpp"

namespace pw {

std::string output_target_problem(const std::filesystem::path& path) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(st))
    return fmt::format("{}: the output is a directory; name a file", path.string());
  if (std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
    return fmt::format(
        "{}: the output is not a regular file (a device, FIFO or socket); it is not replaced: name a file",
        path.string());
  }
  // A missing folder is created: the nearest existing one must be a writable folder.
  auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  while (!std::filesystem::exists(folder, ec) && folder.has_parent_path() && folder.parent_path() != folder) {
    folder = folder.parent_path();
  }
  if (!std::filesystem::is_directory(folder, ec)) {
    return fmt::format("{}: {} is not a folder", path.string(), folder.string());
  }
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    return fmt::format("{}: the output folder {} is not writable", path.string(), folder.string());
  }
  return {};
}

ResultsWriter::ResultsWriter(std::filesystem::path final_path, bool compact, bool lock_output)
    : final_path_(std::move(final_path)), part_path_(partial_file(final_path_)) {
  if (const std::string why = output_target_problem(final_path_); !why.empty()) throw InputProblem(why);
  if (final_path_.has_parent_path()) std::filesystem::create_directories(final_path_.parent_path());
  if (lock_output) lock_ = std::make_unique<OutputLock>(final_path_);
  H5::Exception::dontPrint();
  guarded("creating it", [&] {
    H5::FileAccPropList fapl;
    if (compact) H5Pset_libver_bounds(fapl.getId(), H5F_LIBVER_V110, H5F_LIBVER_V110);
    file_ = std::make_unique<H5::H5File>(part_path_.string(), H5F_ACC_TRUNC, H5::FileCreatPropList::DEFAULT, fapl);
    h5::write_attr(*file_, "format", std::string("pathways-results"));
    h5::write_attr(*file_, "format_version", std::int64_t{1});
    h5::write_attr(*file_, "program_version", program_version());
    h5::write_attr(*file_, "git_commit", git_commit());
    file_->createGroup("/scenarios");
  });
}

ResultsWriter::~ResultsWriter() {
  if (!committed_) {
    const h5::H5FailureCapture quiet;
    close_and_remove();
  }
}

void ResultsWriter::close_and_remove() {
  // Objects before the file that holds them.
  scenario_.reset();
  file_.reset();
  std::error_code ec;
  std::filesystem::remove(part_path_, ec);
}

template <class Body>
void ResultsWriter::guarded(const std::string& doing, Body&& body) {
  const h5::H5FailureCapture capture;
  try {
    body();
  } catch (const H5::Exception& e) {
    fail(doing, capture.reason_or(e.getFuncName() + ": " + e.getDetailMsg()));
  } catch (const std::filesystem::filesystem_error& e) {
    fail(doing, e.code().message());
  }
}

void ResultsWriter::fail(const std::string& doing, const std::string& reason) {
  close_and_remove();
  std::error_code ec;
  const std::string left = std::filesystem::exists(final_path_, ec)
                               ? fmt::format("the earlier {} is intact (not replaced)", final_path_.string())
                               : fmt::format("no file was written under {}", final_path_.string());
  throw WriteFailure(
      fmt::format("{}: writing the results file failed while {}: {}; {}, and the partial file {} was "
                  "removed",
                  final_path_.string(), doing, reason, left, part_path_.string()));
}

namespace {
void write_parameter_table(H5::Group& g, const ParamTable& params) {
  auto pg = g.createGroup("parameters");
  std::vector<std::string> path, value, unit, def, description, source;
  for (const auto& s : params.slots()) {
    path.push_back(s.info.path);
    value.push_back(s.get());
    unit.emplace_back(unit_name(s.info.unit));
    def.push_back(s.info.default_text);
    description.push_back(s.info.description);
    source.push_back(s.info.source);
  }
  h5::write_strings(pg, "path", path);
  h5::write_strings(pg, "value", value);
  h5::write_strings(pg, "unit", unit);
  h5::write_strings(pg, "default", def);
  h5::write_strings(pg, "description", description);
  h5::write_strings(pg, "source", source);
}
}  // namespace

void ResultsWriter::begin_scenario(const ScenarioHeader& h, const ParamTable& params) {
  guarded(fmt::format("starting scenario {}", h.name), [&] {
    header_ = h;
    scenario_ = std::make_unique<H5::Group>(file_->createGroup("/scenarios/" + h.name));
    auto& g = *scenario_;
    h5::write_attr(g, "description", h.description);
    h5::write_attr(g, "scenario_file", h.scenario_file);
    h5::write_attr(g, "resolved_scenario", h.resolved_toml);
    h5::write_attr(g, "seed", static_cast<std::int64_t>(h.seed));
    h5::write_attr(g, "people", std::int64_t{h.people});
    h5::write_attr(g, "weeks", std::int64_t{h.weeks});
    h5::write_attr(g, "replicates", std::int64_t{h.replicates});
    h5::write_attr(g, "months", std::int64_t{months_in_horizon(h.weeks)});
    h5::write_attr(g, "replicates_written", std::int64_t{0});
    h5::write_strings(g, "groups", h.groups);

    // Parameter metadata from the schema: one row per parameter.
    if (h.parameter_table) write_parameter_table(g, params);

    const auto reps = static_cast<hsize_t>(h.replicates);
    auto wg = g.createGroup("weekly");
    for (const auto& f : WeekCounts::kFields) {
      auto ds =
          h5::create_matrix(wg, std::string(f.name), H5::PredType::STD_I64LE, reps, static_cast<hsize_t>(h.weeks));
      h5::write_attr(ds, "description", std::string(f.description));
    }
    auto cg = g.createGroup("cumulative_pct");
    const auto months = static_cast<hsize_t>(months_in_horizon(h.weeks));
    for (const auto& group : h.groups) {
      auto gg = cg.createGroup(group);
      for (const auto outcome : kOutcomes) {
        h5::create_matrix(gg, std::string(outcome), H5::PredType::IEEE_F64LE, reps, months);
      }
    }
    h5::create_matrix(g, "group_size", H5::PredType::STD_I64LE, reps, static_cast<hsize_t>(h.groups.size()));
    auto costs = g.createGroup("costs");
    h5::write_attr(costs, "currency", std::string("USD"));
    h5::write_attr(costs, "price_year", std::int64_t{kPriceBaseYear});
    const std::string cost_unit = fmt::format("USD ({} prices) per week", kPriceBaseYear);
    const auto add_cost = [&](std::string_view name, std::string_view description) {
      auto ds =
          h5::create_matrix(costs, std::string(name), H5::PredType::IEEE_F64LE, reps, static_cast<hsize_t>(h.weeks));
      h5::write_attr(ds, "description", std::string(description));
      h5::write_attr(ds, "unit", cost_unit);
    };
    for (const auto& c : kCostCategories) add_cost(c.name, c.description);
    add_cost(kCostTotalName, kCostTotalDescription);
    g.createGroup("persons");
    create_programme_datasets(g, h.programmes, h.replicates, h.weeks, h.people);
    create_reintegration_datasets(g, h.groups, h.replicates, months_in_horizon(h.weeks));
    create_network_datasets(g, h.replicates, months_in_horizon(h.weeks));
  });
}

void ResultsWriter::write_replicate(int replicate, const std::vector<WeekCounts>& weekly, const CumulativeTables& t) {
  guarded(fmt::format("writing replicate {}", replicate), [&] {
    auto& g = *scenario_;
    const auto r = static_cast<hsize_t>(replicate);
    auto wg = g.openGroup("weekly");
    std::vector<std::int64_t> series(weekly.size());
    for (const auto& f : WeekCounts::kFields) {
      for (std::size_t w = 0; w < weekly.size(); ++w) series[w] = weekly[w].*(f.member);
      auto ds = wg.openDataSet(std::string(f.name));
      h5::write_row(ds, r, series.data(), H5::PredType::NATIVE_INT64, series.size());
    }
    auto cg = g.openGroup("cumulative_pct");
    for (std::size_t k = 0; k < t.groups.size(); ++k) {
      auto gg = cg.openGroup(t.groups[k]);
      for (std::size_t o = 0; o < kOutcomes.size(); ++o) {
        auto ds = gg.openDataSet(std::string(kOutcomes[o]));
        h5::write_row(ds, r, t.pct[k][o].data(), H5::PredType::NATIVE_DOUBLE, t.pct[k][o].size());
      }
    }
    auto sizes = g.openDataSet("group_size");
    h5::write_row(sizes, r, t.group_size.data(), H5::PredType::NATIVE_INT64, t.group_size.size());
    g.removeAttr("replicates_written");
    h5::write_attr(g, "replicates_written", static_cast<std::int64_t>(replicate + 1));
  });
}

void ResultsWriter::write_programmes(int replicate, const Simulation& sim) {
  guarded(fmt::format("writing the programmes of replicate {}", replicate),
          [&] { write_programme_replicate(*scenario_, replicate, sim); });
}

void ResultsWriter::write_reintegration(int replicate, const Simulation& sim) {
  guarded(fmt::format("writing work, housing and networks of replicate {}", replicate), [&] {
    write_reintegration_replicate(*scenario_, replicate, sim);
    write_network_replicate(*scenario_, replicate, sim);
  });
}

void ResultsWriter::write_network_snapshot(const Simulation& sim) {
  guarded(std::string("writing a network snapshot"), [&] { pw::write_network_snapshot(*scenario_, sim); });
}

void ResultsWriter::write_costs(int replicate, const CostSeries& c) {
  guarded(fmt::format("writing the costs of replicate {}", replicate), [&] {
    if (c.weeks() != static_cast<std::size_t>(header_.weeks)) {
      throw std::logic_error(fmt::format("write_costs: {} weeks of costs for a {}-week run", c.weeks(), header_.weeks));
    }
    auto cg = scenario_->openGroup("costs");
    const auto r = static_cast<hsize_t>(replicate);
    const auto write = [&](std::string_view name, const std::vector<double>& series) {
      auto ds = cg.openDataSet(std::string(name));
      h5::write_row(ds, r, series.data(), H5::PredType::NATIVE_DOUBLE, series.size());
    };
    for (std::size_t k = 0; k < kCostCategories.size(); ++k) write(kCostCategories[k].name, c.weekly[k]);
    write(kCostTotalName, c.total);
  });
}

void ResultsWriter::write_persons(int replicate, const Simulation& sim) {
  guarded(fmt::format("writing the persons of replicate {}", replicate), [&] {
    auto pg = scenario_->openGroup("persons").createGroup(fmt::format("replicate_{}", replicate));
    for_each_person_column(sim, [&](const PersonColumn& c) {
      if (const auto* iv = std::get_if<std::vector<std::int32_t>>(&c.values)) {
        h5::write_vector(pg, c.name, H5::PredType::STD_I32LE, H5::PredType::NATIVE_INT32, iv->data(), iv->size(),
                         c.description);
      } else {
        const auto& fv = std::get<std::vector<float>>(c.values);
        h5::write_vector(pg, c.name, H5::PredType::IEEE_F32LE, H5::PredType::NATIVE_FLOAT, fv.data(), fv.size(),
                         c.description);
      }
    });
  });
}

namespace {

// Row copy of every 2-D dataset under `from` (one row) into row `row` of the
// dataset of the same relative path under `to`; the persons, network_snapshots
// and person_outcomes groups are skipped.
void copy_rows(const H5::Group& from, H5::Group& to, const std::string& prefix, hsize_t row,
               const std::string& task_file) {
  for (hsize_t i = 0; i < from.getNumObjs(); ++i) {
    const std::string name = from.getObjnameByIdx(i);
    const std::string path = prefix + name;
    if (path == "persons" || path == "network_snapshots" || path == "person_outcomes") continue;
    const auto type = from.childObjType(name);
    if (type == H5O_TYPE_GROUP) {
      auto child_to = to.openGroup(name);
      copy_rows(from.openGroup(name), child_to, path + "/", row, task_file);
      continue;
    }
    if (type != H5O_TYPE_DATASET) continue;
    const auto src = from.openDataSet(name);
    const auto space = src.getSpace();
    if (space.getSimpleExtentNdims() != 2) continue;  // groups, parameters: per scenario, not per replicate
    hsize_t dims[2] = {0, 0};
    space.getSimpleExtentDims(dims);
    auto dst = to.openDataSet(name);
    hsize_t ddims[2] = {0, 0};
    dst.getSpace().getSimpleExtentDims(ddims);
    if (dims[0] != 1 || ddims[1] != dims[1] || row >= ddims[0]) {
      throw std::runtime_error(fmt::format("{}: dataset {} has shape {}x{}, the experiment expects 1x{} (row {} of {})",
                                           task_file, path, dims[0], dims[1], ddims[1], row, ddims[0]));
    }
    const H5::DataType mem = src.getDataType();
    std::vector<unsigned char> buffer(dims[1] * mem.getSize());
    src.read(buffer.data(), mem);
    auto dspace = dst.getSpace();
    const hsize_t start[2] = {row, 0}, count[2] = {1, dims[1]};
    dspace.selectHyperslab(H5S_SELECT_SET, count, start);
    dst.write(buffer.data(), mem, H5::DataSpace(2, count), dspace);
  }
}

}  // namespace

void ResultsWriter::copy_replicate(const std::filesystem::path& task_file, int replicate) {
  guarded(fmt::format("copying {} into replicate {}", task_file.string(), replicate), [&] {
    const H5::H5File task(task_file.string(), H5F_ACC_RDONLY);
    const auto src = task.openGroup("/scenarios/" + header_.name);
    if (h5::read_int_attr(src, "replicates_written") != 1) {
      throw ResultsFileError(fmt::format("{}: not a finished one-replicate task file", task_file.string()));
    }
    copy_rows(src, *scenario_, "", static_cast<hsize_t>(replicate), task_file.string());
    if (src.nameExists("persons/replicate_0")) {
      const auto dest = fmt::format("persons/replicate_{}", replicate);
      if (H5Ocopy(src.getId(), "persons/replicate_0", scenario_->getId(), dest.c_str(), H5P_DEFAULT, H5P_DEFAULT) < 0) {
        throw H5::GroupIException("H5Ocopy", fmt::format("cannot copy the persons table of {}", task_file.string()));
      }
    }
  });
}

void ResultsWriter::set_replicates_written(int n) {
  guarded(std::string("writing the replicate count"), [&] {
    scenario_->removeAttr("replicates_written");
    h5::write_attr(*scenario_, "replicates_written", static_cast<std::int64_t>(n));
  });
}

void ResultsWriter::write_experiment(const ExperimentInfo& info) {
  guarded(std::string("writing the experiment group"), [&] {
    auto g = file_->createGroup("/experiment");
    h5::write_attr(g, "kind", info.kind);
    h5::write_attr(g, "baseline", info.baseline);
    h5::write_attr(g, "common_random_numbers", std::int64_t{info.common_random_numbers ? 1 : 0});
    h5::write_attr(g, "inputs_hash", info.inputs_hash);
    h5::write_attr(g, "replicates", std::int64_t{info.replicates});
    h5::write_attr(g, "tasks", static_cast<std::int64_t>(info.scenarios.size()) * info.replicates);
    h5::write_strings(g, "scenarios", info.scenarios);
    const hsize_t n = info.seeds.size();
    auto ds = g.createDataSet("seeds", H5::PredType::STD_I64LE, H5::DataSpace(1, &n));
    if (n > 0) ds.write(info.seeds.data(), H5::PredType::NATIVE_INT64);
  });
}

void ResultsWriter::write_experiment_section(const std::string& doing, const std::function<void(H5::Group&)>& body) {
  guarded(doing, [&] {
    auto g = file_->openGroup("/experiment");
    body(g);
  });
}

void ResultsWriter::commit() {
  guarded("closing it", [&] {
    scenario_.reset();
    file_->flush(H5F_SCOPE_GLOBAL);
    file_->close();
    file_.reset();
  });
  // Durable before it becomes visible under the final name.
  const int fd = ::open(part_path_.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    fail("syncing it to disk", why);
  }
  ::close(fd);
  guarded("renaming it into place", [&] { std::filesystem::rename(part_path_, final_path_); });
  committed_ = true;
}

}  // namespace pw
