// sim/app/experiment: `pathways sweep` (spec, designs applied through --set,
// resumption, Sobol indices read back from the experiment file).
#include <H5Cpp.h>

#include <nlohmann/json.hpp>

#include "sim/app/experiment/sweep_spec.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/outcome_measures.hpp"
#include "sim/app/io/sweep_results.hpp"
#include "tests/cli_support.hpp"
#include "tests/h5_data.hpp"

using Catch::Matchers::Contains;
using pwt::quote;

namespace {

std::string spec_text(const std::string& design, const std::string& extra_top, const std::string& parameters) {
  return "scenario = \"" + (pwt::kSourceDir / "scenarios/baseline.toml").string() + "\"\n" + "design = \"" + design +
         "\"\npeople = 400\nweeks = 52\nbootstrap = 200\n" + extra_top +
         "outputs = [\"return_prison.all.y1\", \"cost_victim_per_person.all.follow-up\"]\n" + parameters;
}

const std::string kTwoParameters =
    "[[parameter]]\npath = \"justice.supervision.revocation_probability\"\nlo = 0.1\nhi = 0.7\nlevels = 3\n"
    "[[parameter]]\npath = \"costs.victim_violent\"\nlo = 10000\nhi = 40000\nlevels = 2\n";

std::string parameter_value(const std::filesystem::path& file, const std::string& point, const std::string& path) {
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  const auto g = f.openGroup("/scenarios/" + point + "/parameters");
  const auto paths = pw::h5::read_strings(g, "path");
  const auto values = pw::h5::read_strings(g, "value");
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths[i] == path) return values[i];
  }
  return "";
}

}  // namespace

TEST_CASE("sweep: a grid applies every level combination through the scenario overrides", "[experiment][sweep]") {
  pwt::TempDir dir("sweep-grid");
  const auto spec = dir.write("grid.toml", spec_text("grid", "", kTwoParameters));
  const auto plan = pw::plan_sweep({spec});
  REQUIRE(plan.scenarios.size() == 6);  // 3 x 2 levels
  CHECK(plan.sweep->values[0] == std::vector<double>{0.1, 10000});
  CHECK(plan.sweep->values[5] == std::vector<double>{0.7, 40000});
  CHECK(plan.scenarios[2].loaded.params.justice.supervision.revocation_probability == Approx(0.4));
  CHECK(plan.scenarios[3].name() == "point_0003");
  CHECK(plan.scenarios[0].loaded.params.run.horizon_weeks() == 52);
  // --weeks and --seed override the spec for every point, as for compare.
  pw::SweepOptions o{spec};
  o.weeks = 30;
  o.seed = 4242;
  const auto overridden = pw::plan_sweep(o);
  for (const auto& s : overridden.scenarios) {
    CHECK(s.loaded.params.run.horizon_weeks() == 30);
    CHECK(s.seed() == 4242u);
  }
  // Common random numbers: one seed for every point.
  for (const auto& s : plan.scenarios) CHECK(s.seed() == plan.scenarios[0].seed());

  const auto out = dir / "grid.h5";
  const auto r = pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q -o " + quote(out.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(parameter_value(out, "point_0005", "justice.supervision.revocation_probability") == "0.7");
  const auto res = pw::read_sweep(out);
  REQUIRE(res.outputs.size() == 2);
  // Victim costs per violent offence change costs but not a single justice event.
  CHECK(res.outputs[0].values[0] == res.outputs[0].values[1]);
  CHECK(res.outputs[1].values[0] < res.outputs[1].values[1]);
  // More revocations, more returns to prison.
  CHECK(res.outputs[0].values[0] < res.outputs[0].values[4]);
}

TEST_CASE("sweep: Sobol indices find the parameter that matters and give exactly 0 to one that cannot",
          "[experiment][sweep]") {
  pwt::TempDir dir("sweep-sobol");
  const auto spec = dir.write("sobol.toml", spec_text("sobol", "points = 16\n", kTwoParameters));
  const auto out = dir / "sobol.h5";
  const auto r = pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q -o " + quote(out.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto res = pw::read_sweep(out);
  REQUIRE(res.points.size() == 16 * 4);
  const auto& rp = *res.outputs[0].sobol;  // return to prison
  // Under common random numbers a cost price changes no event: its indices are 0.
  CHECK(rp.total[1].estimate == 0.0);
  CHECK(rp.first[1].estimate == 0.0);
  CHECK(rp.total[0].estimate > 0.8);
  CHECK(rp.first[0].estimate > 0.8);
  CHECK(rp.total[0].lo > 0.5);
  INFO("S1 " << rp.first[0].estimate << " [" << rp.first[0].lo << ", " << rp.first[0].hi << "], ST "
             << rp.total[0].estimate << " [" << rp.total[0].lo << ", " << rp.total[0].hi << "]");
  CHECK(rp.first[0].lo > 0.3);
  const auto& cv = *res.outputs[1].sobol;  // victim cost: mostly the price
  CHECK(cv.total[1].estimate > 0.5);
  // inspect --json carries the indices.
  const auto j = pwt::run_cli(dir, "inspect --json " + quote(out.string()));
  REQUIRE(j.code == 0);
  const auto json = nlohmann::json::parse(j.output);
  CHECK(json.at("sweep").at("design") == "sobol");
  CHECK(json.at("sweep").at("outputs").at("return_prison.all.y1").at("sobol").contains("costs.victim_violent"));
  CHECK(json.at("scenarios").size() == 64);
  // pathways report draws the indices it computed.
  const auto report = dir / "report";
  const auto rr =
      pwt::run_command(dir, "MPLBACKEND=Agg", "report " + quote(out.string()) + " -o " + quote(report.string()));
  INFO(rr.output);
  REQUIRE(rr.code == 0);
  CHECK(std::filesystem::file_size(report / "sobol.png") > 1000);
  CHECK(std::filesystem::file_size(report / "outputs.png") > 1000);
  CHECK_THAT(pwt::read_text(report / "summary.md"),
             Contains("| return_prison.all.y1 | `costs.victim_violent` | 0.000"));
}

TEST_CASE("sweep: an interrupted Latin hypercube sweep resumes to bit-identical data, also over MPI",
          "[experiment][sweep][resume][mpi]") {
  pwt::TempDir dir("sweep-resume");
  const auto spec = dir.write("lhs.toml", spec_text("lhs", "points = 5\nreplicates = 2\n", kTwoParameters));
  const auto full = dir / "full.h5", resumed = dir / "resumed.h5";
  REQUIRE(pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q -o " + quote(full.string())).code == 0);
  REQUIRE(
      pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q --stop-after 4 -o " + quote(resumed.string())).code ==
      75);
  const auto r = pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q --threads 1 -o " + quote(resumed.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Contains("6 task(s) run, 4 resumed"));
  CHECK(pwt::differing_datasets(full, resumed).empty());
  // And over 2 MPI ranks.
  const auto two = dir / "two.h5";
  const auto m = pwt::run_command(dir, "mpirun --allow-run-as-root --oversubscribe -n 2",
                                  "sweep " + quote(spec.string()) + " -q --threads 1 -o " + quote(two.string()));
  INFO(m.output);
  REQUIRE(m.code == 0);
  CHECK(pwt::differing_datasets(full, two).empty());
}

TEST_CASE("sweep: a bad spec exits with 2 and names file, line and key", "[experiment][sweep][cli]") {
  pwt::TempDir dir("sweep-bad");
  const auto bad =
      dir.write("bad_sweep.toml",
                spec_text("sobol", "points = 8\nreplicate = 2\n",
                          "[[parameter]]\npath = \"justice.supervision.revocation_probabilty\"\nlo = 0.1\nhi = 0.7\n"
                          "[[parameter]]\npath = \"justice.supervision.revocation_on_arrest\"\nlo = 0.1\nhi = 1.7\n"));
  const auto r = pwt::run_cli(dir, "sweep " + quote(bad.string()) + " -o " + quote((dir / "x.h5").string()));
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("bad_sweep.toml:7:") && Contains("replicate") && Contains("accepted"));
  CHECK_THAT(r.output, Contains("did you mean \"justice.supervision.revocation_probability\""));
  CHECK_THAT(r.output, Contains("revocation_on_arrest: range [0.1, 1.7] leaves the parameter's range [0, 1]"));
  const auto bad_design = dir.write("bad_design.toml", spec_text("random", "", kTwoParameters));
  CHECK_THAT(pwt::run_cli(dir, "sweep " + quote(bad_design.string())).output, Contains("accepted: grid, lhs, sobol"));
  const auto missing = pwt::run_cli(dir, "sweep " + quote((dir / "absent_spec.toml").string()));
  CHECK(missing.code == 2);
  CHECK_THAT(missing.output, Contains("absent_spec.toml"));
  CHECK_FALSE(std::filesystem::exists(dir / "x.h5"));
}

namespace {

// A period every output of `measure` has (sim/app/io/outcome_measures.hpp).
std::string period_of(const std::string& m) {
  if (m == "arrest" || m == "conviction" || m == "return_prison" || m == "employed_pct" || m == "ever_employed_pct" ||
      m == "homeless_pct")
    return "y1";
  if (m == "has_id_pct" || m == "benefits_pct" || m == "enrolled_pct" || m == "formally_employed_pct") return "m3";
  return "follow-up";
}

}  // namespace

TEST_CASE("sweep: report works with every accepted output measure, and docs/sweeps.md lists them all",
          "[experiment][sweep][report][docs]") {
  const auto measures = pw::known_measures();
  const auto docs = pwt::read_text(pwt::kSourceDir / "docs/sweeps.md");
  for (const auto& m : measures) {
    INFO(m);
    CHECK_THAT(docs, Contains("`" + m + "`"));
  }
  pwt::TempDir dir("sweep-report");
  std::string outputs;
  for (const auto& m : measures) outputs += (outputs.empty() ? "\"" : ", \"") + m + ".all." + period_of(m) + "\"";
  const auto spec = dir.write("all.toml", "scenario = \"" + (pwt::kSourceDir / "scenarios/baseline.toml").string() +
                                              "\"\ndesign = \"grid\"\npeople = 300\nweeks = 52\noutputs = [" + outputs +
                                              "]\n[[parameter]]\npath = \"costs.victim_violent\"\n"
                                              "lo = 10000\nhi = 40000\nlevels = 2\n");
  const auto out = dir / "all.h5";
  auto r = pwt::run_cli(dir, "sweep " + quote(spec.string()) + " -q --seed 3 -o " + quote(out.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  r = pwt::run_command(dir, "MPLBACKEND=Agg", "report " + quote(out.string()) + " -o " + quote((dir / "rep").string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto md = pwt::read_text(dir / "rep" / "summary.md");
  for (const auto& m : measures) {
    INFO(m);
    CHECK_THAT(md, Contains("| " + m + ".all." + period_of(m) + " |"));
  }
  // The Python loader reads every output too, and agrees with the C++ sweep.
  const std::string py =
      "import sys; sys.path.insert(0, 'results'); import pathways_results as pr; o = pr.sweep_outputs(sys.argv[1]); "
      "print('outputs', o.output.nunique())";
  r = pwt::run_command(dir, "", "--version >/dev/null && /usr/bin/python3 -c " + quote(py) + " " + quote(out.string()));
  INFO(r.output);
  CHECK_THAT(r.output, Contains("outputs " + std::to_string(measures.size())));
}
