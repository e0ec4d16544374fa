// sim/app/io: the HDF5 results file, its summary and its atomic commit.
#include <sys/stat.h>

#include <H5Cpp.h>

#include <nlohmann/json.hpp>

#include "models/reporting/outcome_tables.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/report_table.hpp"
#include "sim/app/io/results_file.hpp"
#include "sim/app/io/summary.hpp"
#include "tests/sim_support.hpp"

using Catch::Matchers::Contains;

namespace {

const std::vector<std::string> kRequiredGroups = {"all",
                                                  "male",
                                                  "female",
                                                  "age_le24",
                                                  "age_25to39",
                                                  "age_40to54",
                                                  "age_55to64",
                                                  "age_65plus",
                                                  "prior_arrests_le4",
                                                  "prior_arrests_5to9",
                                                  "prior_arrests_10plus"};

std::filesystem::path write_scenario(const pwt::TempDir& dir, const std::string& name, int people, int weeks, int reps,
                                     int seed) {
  return dir.write(
      name + ".toml",
      "name = \"" + name + "\"\ndescription = \"results-file test\"\n[simulation]\npeople = " + std::to_string(people) +
          "\nhorizon = \"" + std::to_string(weeks) + "w\"\nreplicates = " + std::to_string(reps) +
          "\nseed = " + std::to_string(seed) + "\n[population]\nprofile_file = \"" + pwt::kProfilePath + "\"\n");
}

bool has_part_files(const std::filesystem::path& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().find(".part") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("results: run_scenario writes the documented file and summary", "[io][results]") {
  pwt::TempDir dir("results");
  const int people = 4000, weeks = 104, reps = 2, seed = 4711;
  pw::RunOptions o;
  o.scenario = write_scenario(dir, "summ", people, weeks, reps, seed);
  o.sets = {"justice.courts.conviction_probability=50%"};
  o.output = dir / "out" / "summ.h5";  // a folder that does not exist yet
  o.threads = 2;
  o.persons = pw::PersonsOutput::FirstReplicate;
  REQUIRE(pw::run_scenario(o) == o.output);
  REQUIRE(std::filesystem::is_regular_file(o.output));
  CHECK_FALSE(std::filesystem::exists(o.output.string() + ".part"));
  CHECK_FALSE(has_part_files(o.output.parent_path()));

  const auto j = pw::summarise_results(o.output);
  CHECK(j.at("program_version") == pw::program_version());
  CHECK(j.at("git_commit") == pw::git_commit());
  REQUIRE(j.at("scenarios").contains("summ"));
  const auto& s = j.at("scenarios").at("summ");
  CHECK(s.at("people") == people);
  CHECK(s.at("weeks") == weeks);
  CHECK(s.at("reps") == reps);
  CHECK(s.at("seed") == seed);
  CHECK(s.at("description") == "results-file test");
  const auto& cum = s.at("cumulative_pct");
  for (const auto& g : kRequiredGroups) {
    INFO("group " << g);
    REQUIRE(cum.contains(g));
    for (const char* outcome : {"arrest", "conviction", "return_prison"}) {
      INFO(outcome);
      const auto& v = cum.at(g).at(outcome);
      REQUIRE(v.is_array());
      REQUIRE(v.size() == static_cast<std::size_t>(weeks / 52));
      for (std::size_t y = 0; y < v.size(); ++y) {
        CHECK(v[y].get<double>() >= 0.0);
        CHECK(v[y].get<double>() <= 100.0);
        if (y > 0) CHECK(v[y].get<double>() >= v[y - 1].get<double>());
      }
    }
    for (std::size_t y = 0; y < cum.at(g).at("arrest").size(); ++y) {
      CHECK(cum.at(g).at("conviction")[y].get<double>() <= cum.at(g).at("arrest")[y].get<double>());
    }
  }
  CHECK(s.at("group_size_mean").at("all").get<double>() == people);

  // The summary is the mean over replicates of what the simulations produce.
  auto params = pw::load_scenario(o.scenario, o.sets).params;
  std::array<double, 3> mean_y1{};
  for (int r = 0; r < reps; ++r) {
    pwt::Run run(params, static_cast<std::uint32_t>(r));
    run.run();
    const auto t = pw::cumulative_tables(run.sim);
    for (std::size_t k = 0; k < 3; ++k) mean_y1[k] += t.pct[0][k][11] / reps;
  }
  CHECK(cum.at("all").at("arrest")[0].get<double>() == Approx(mean_y1[0]).epsilon(1e-12));
  CHECK(cum.at("all").at("conviction")[0].get<double>() == Approx(mean_y1[1]).epsilon(1e-12));
  CHECK(cum.at("all").at("return_prison")[0].get<double>() == Approx(mean_y1[2]).epsilon(1e-12));

  // The terminal table prints every headline group.
  const std::string table = pw::format_recidivism_table(j, {});
  CHECK_THAT(table, Contains("Scenario summ: 4000 people, 104 weeks, 2 replicate(s), seed 4711"));
  CHECK_THAT(table, Contains("prior_arrests_10plus"));

  // File attributes and layout.
  H5::Exception::dontPrint();
  const H5::H5File f(o.output.string(), H5F_ACC_RDONLY);
  CHECK(pw::h5::read_string_attr(f, "format") == "pathways-results");
  CHECK(pw::h5::read_string_attr(f, "git_commit") == pw::git_commit());
  CHECK(!pw::h5::read_string_attr(f, "git_commit").empty());
  CHECK(pw::h5::read_string_attr(f, "program_version") == pw::program_version());
  CHECK(pw::program_version() != "unknown");
  const auto g = f.openGroup("/scenarios/summ");
  CHECK(pw::h5::read_int_attr(g, "replicates_written") == reps);
  CHECK(pw::h5::read_int_attr(g, "months") == 24);
  {
    const auto ds = g.openDataSet("weekly/in_community");
    hsize_t dims[2] = {0, 0};
    ds.getSpace().getSimpleExtentDims(dims);
    CHECK(dims[0] == static_cast<hsize_t>(reps));
    CHECK(dims[1] == static_cast<hsize_t>(weeks));
  }
  // Persons: only replicate 0 with PersonsOutput::FirstReplicate, one row per person.
  const auto persons = g.openGroup("persons");
  CHECK(persons.nameExists("replicate_0"));
  CHECK_FALSE(persons.nameExists("replicate_1"));
  {
    const auto ds = persons.openGroup("replicate_0").openDataSet("prior_arrests");
    CHECK(ds.getSpace().getSimpleExtentNpoints() == people);
  }

  // The resolved scenario re-loads to the same parameters.
  const std::string resolved = pw::h5::read_string_attr(g, "resolved_scenario");
  CHECK_THAT(resolved, Contains("# --set justice.courts.conviction_probability=50%"));
  const auto reloaded = pw::load_scenario(dir.write("resolved.toml", resolved), {});
  CHECK(reloaded.meta.name == "summ");
  auto pa = params, pb = reloaded.params;
  const pw::ParamTable ta(pa), tb(pb);
  REQUIRE(ta.slots().size() == tb.slots().size());
  for (std::size_t k = 0; k < ta.slots().size(); ++k) {
    INFO(ta.slots()[k].info.path);
    CHECK(ta.slots()[k].get() == tb.slots()[k].get());
  }
  CHECK(pb.justice.courts.conviction_probability == 0.5);

  // The parameter metadata lists every parameter.
  CHECK(g.openGroup("parameters").openDataSet("path").getSpace().getSimpleExtentNpoints() ==
        static_cast<hssize_t>(ta.slots().size()));
}

TEST_CASE("summary: group_size_mean is each group's mean size over replicates", "[io][results]") {
  pwt::TempDir dir("sizes");
  const int reps = 3;
  pw::RunOptions o;
  o.scenario = write_scenario(dir, "sizes", 3000, 156, reps, 99);
  o.output = dir / "sizes.h5";
  o.threads = 2;
  o.persons = pw::PersonsOutput::None;
  pw::run_scenario(o);
  const auto params = pw::load_scenario(o.scenario, {}).params;
  std::vector<double> mean_size;
  std::vector<std::string> groups;
  for (int r = 0; r < reps; ++r) {
    pwt::Run run(params, static_cast<std::uint32_t>(r), 1);
    run.run();
    const auto t = pw::cumulative_tables(run.sim);
    groups = t.groups;
    mean_size.resize(t.groups.size(), 0.0);
    for (std::size_t k = 0; k < t.groups.size(); ++k) mean_size[k] += static_cast<double>(t.group_size[k]) / reps;
  }
  const auto j = pw::summarise_results(o.output);
  const auto& sizes = j.at("scenarios").at("sizes").at("group_size_mean");
  REQUIRE(sizes.size() == groups.size());
  for (std::size_t k = 0; k < groups.size(); ++k) {
    INFO("group " << groups[k]);
    CHECK(sizes.at(groups[k]).get<double>() == Approx(mean_size[k]).epsilon(1e-12));
  }
}

TEST_CASE("results: persons output all / none", "[io][results]") {
  pwt::TempDir dir("persons");
  pw::RunOptions o;
  o.scenario = write_scenario(dir, "pers", 1500, 53, 2, 5);
  o.threads = 1;
  SECTION("all") {
    o.persons = pw::PersonsOutput::All;
    o.output = dir / "all.h5";
    pw::run_scenario(o);
    const H5::H5File f(o.output.string(), H5F_ACC_RDONLY);
    const auto persons = f.openGroup("/scenarios/pers/persons");
    CHECK(persons.getNumObjs() == 2);
    CHECK(persons.nameExists("replicate_1"));
    // One year of follow-up: arrays of one value.
    CHECK(
        pw::summarise_results(o.output).at("scenarios").at("pers").at("cumulative_pct").at("all").at("arrest").size() ==
        1);
  }
  SECTION("none") {
    o.persons = pw::PersonsOutput::None;
    o.output = dir / "none.h5";
    pw::run_scenario(o);
    const H5::H5File f(o.output.string(), H5F_ACC_RDONLY);
    CHECK(f.openGroup("/scenarios/pers/persons").getNumObjs() == 0);
  }
}

TEST_CASE("results: a writer destroyed without commit leaves no file", "[io][results]") {
  pwt::TempDir dir("nocommit");
  const auto final_path = dir / "never.h5";
  {
    pw::ResultsWriter w(final_path);
    CHECK(w.part_path() == pw::partial_file(final_path));
    CHECK(std::filesystem::exists(w.part_path()));
    CHECK_FALSE(std::filesystem::exists(final_path));
    // Partly written, as if a run failed between replicates.
    auto p = pwt::small_params(500, 10, 1);
    pw::ParamTable table(p);
    pw::ScenarioHeader h;
    h.name = "never";
    h.people = 500;
    h.weeks = 10;
    h.replicates = 2;
    h.groups = pw::standard_group_names();
    w.begin_scenario(h, table);
    pwt::Run r(p);
    r.run();
    w.write_replicate(0, r.sim.weekly(), pw::cumulative_tables(r.sim));
  }
  CHECK_FALSE(std::filesystem::exists(final_path));
  CHECK_FALSE(has_part_files(dir.path()));
  CHECK(std::filesystem::is_empty(dir.path()));

  SECTION("a failing run leaves no file either") {
    pw::RunOptions o;
    o.scenario = dir.write("bad.toml", "[population]\nprofile_file = \"missing.csv\"\n");
    o.output = dir / "bad.h5";
    CHECK_THROWS_AS(pw::run_scenario(o), pw::ScenarioError);  // missing.csv is refused at load
    CHECK_FALSE(std::filesystem::exists(o.output));
    CHECK_FALSE(has_part_files(dir.path()));
  }
}

TEST_CASE("results: committing replaces an existing file atomically", "[io][results]") {
  pwt::TempDir dir("replace");
  const auto path = dir.write("old.h5", "not an hdf5 file");
  CHECK_THROWS_WITH(pw::summarise_results(path), Contains(path.string()));
  pw::RunOptions o;
  o.scenario = write_scenario(dir, "rep", 800, 52, 1, 3);
  o.output = path;
  o.threads = 1;
  pw::run_scenario(o);
  CHECK(pw::summarise_results(path).at("scenarios").contains("rep"));
  CHECK_FALSE(has_part_files(dir.path()));
}

TEST_CASE("summary: missing and foreign files are errors naming the file", "[io][results][errors]") {
  pwt::TempDir dir("summary");
  const auto missing = dir / "nope.h5";
  CHECK_THROWS_WITH(pw::summarise_results(missing), Contains("nope.h5") && Contains("missing file"));
  // An HDF5 file that is not a results file.
  const auto foreign = dir / "foreign.h5";
  { H5::H5File f(foreign.string(), H5F_ACC_TRUNC); }
  CHECK_THROWS_WITH(pw::summarise_results(foreign), Contains("foreign.h5") && Contains("not a Pathways results file"));
}

TEST_CASE("results: an output that is a directory, device or FIFO is refused before anything is written, and kept",
          "[io][results][faults]") {
  pwt::TempDir dir("target");
  std::filesystem::create_directories(dir.path() / "folder");
  const auto fifo = dir.path() / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const auto& target : {dir.path() / "folder", std::filesystem::path("/dev/null"), fifo}) {
    INFO(target.string());
    CHECK_THAT(pw::output_target_problem(target), Catch::Contains(target.string()));
    CHECK_THROWS_WITH(pw::ResultsWriter(target), Catch::Contains("name a file"));
    CHECK_FALSE(std::filesystem::exists(pw::partial_file(target)));
  }
  CHECK(std::filesystem::is_directory(dir.path() / "folder"));
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(std::filesystem::is_character_file("/dev/null"));
  // A missing folder is created, so it is no problem; a file in the way of one is.
  CHECK(pw::output_target_problem(dir.path() / "new/sub/x.h5").empty());
  dir.write("plain", "x");
  CHECK_THAT(pw::output_target_problem(dir.path() / "plain/x.h5"), Catch::Contains("is not a folder"));
}
