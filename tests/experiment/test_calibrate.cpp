// sim/app/experiment: `pathways calibrate` (spec errors, recovery of a known
// parameter, resumption after a kill, thread- and rank-count independence,
// the scenario file written back, inspect --json of a calibration file).
#include <H5Cpp.h>
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "models/reporting/outcome_tables.hpp"
#include "models/simulation.hpp"
#include "sim/app/experiment/calibration_runner.hpp"
#include "sim/app/experiment/calibration_spec.hpp"
#include "sim/app/experiment/calibration_targets.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/calibration_results.hpp"
#include "sim/engine/core/parallel.hpp"
#include "tests/cli_support.hpp"
#include "tests/h5_data.hpp"

using Catch::Matchers::Contains;
using pwt::quote;

namespace {

const std::string kBaseline = (pwt::kSourceDir / "scenarios/baseline.toml").string();
const std::string kOtherTargets = (pwt::kSourceDir / "data/calibration/other-targets.csv").string();

// A small spec fitting the job-search rate to the two month-8 employment targets.
std::string small_spec(const std::string& extra = "") {
  return "scenario = \"" + kBaseline + "\"\nparticles = 8\ngenerations = 3\npeople = 500\nweeks = 52\nseed = 3\n" +
         "min_acceptance_rate = 0.1\n" + extra + "[[targets]]\nfile = \"" + kOtherTargets +
         "\"\nrows = [\"ever_employed_by_month_8\", \"employed_at_month_8\"]\n"
         "[[parameter]]\npath = \"labour.search.rate\"\nlo = 0.02\nhi = 0.9\nlog = true\n";
}

std::map<std::string, std::string> calibration_datasets(const std::filesystem::path& file) {
  auto all = pwt::dataset_bytes(file);
  std::map<std::string, std::string> out;
  for (auto& [k, v] : all) {
    if (k.starts_with("/experiment/calibration/")) out[k] = v;
  }
  return out;
}

}  // namespace

TEST_CASE("calibrate spec: every problem is reported at once with file, line, key and what is accepted",
          "[experiment][calibrate]") {
  pwt::TempDir dir("calibrate-spec");
  const auto spec = dir.write("bad.toml",
                              "scenario = \"" + kBaseline +
                                  "\"\n"                       // line 1
                                  "method = \"mcmc\"\n"        // 2
                                  "particles = \"many\"\n"     // 3
                                  "colour = 1\n"               // 4
                                  "tolerances = [2.0, 3.0]\n"  // 5
                                  "[[targets]]\n"              // 6
                                  "file = \"" +
                                  kOtherTargets +
                                  "\"\n"                                          // 7
                                  "rows = [\"employed_at_month_9\"]\n"            // 8
                                  "[[parameter]]\n"                               // 9
                                  "path = \"labour.search.rat\"\n"                // 10
                                  "lo = 0.1\nhi = 0.5\n"                          // 11-12
                                  "[[parameter]]\n"                               // 13
                                  "path = \"labour.employers.informal_share\"\n"  // 14
                                  "lo = 0.1\nhi = 1.5\n"                          // 15-16
                                  "[[parameter]]\n"                               // 17
                                  "path = \"programme[x].places_per_1000\"\nlo = 1\nhi = 2\n");
  try {
    (void)pw::read_calibration_spec(spec);
    FAIL("no error");
  } catch (const pw::ScenarioError& e) {
    const std::string m = e.what();
    INFO(m);
    const std::string f = spec.string();
    CHECK_THAT(m,
               Contains(f + ":2:10: method: \"mcmc\" is not a method; accepted: smc (default), smc-mcmc, rejection"));
    CHECK_THAT(m, Contains(f + ":3:13: particles: wrong type: expected an integer"));
    CHECK_THAT(m, Contains(f + ":4:10: colour: unknown key; accepted: alpha, common_random_numbers, description,"));
    CHECK_THAT(m, Contains(f + ":5:14: tolerances: must be RMSEs in percentage points, >= 0 and strictly decreasing"));
    CHECK_THAT(m, Contains(":6:1: targets: " + kOtherTargets +
                           ": no row \"employed_at_month_9\" in this file; rows: "
                           "any_formal_earnings_first_full_year, ever_employed_by_month_8"));
    CHECK_THAT(
        m, Contains("parameter.path: unknown parameter \"labour.search.rat\"; did you mean \"labour.search.rate\"?"));
    CHECK_THAT(
        m,
        Contains("parameter: labour.employers.informal_share: range [0.1, 1.5] leaves the parameter's range [0, 1]"));
    CHECK_THAT(m, Contains("\"programme[x].places_per_1000\": programme keys cannot be calibrated"));
    CHECK(e.issues().size() == 8);
  }
  // The CLI exits 2 and names the file.
  const auto r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -o " + quote((dir / "x.h5").string()));
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains(spec.string() + ":2:10: method"));

  // Missing scenario and parameters; rejection without a budget; targets beyond the horizon.
  const auto spec2 = dir.write("bad2.toml", "method = \"rejection\"\nweeks = 52\n");
  CHECK_THROWS_WITH(pw::read_calibration_spec(spec2),
                    Contains("scenario: missing: the base scenario file") &&
                        Contains("max_evaluations: missing: rejection draws max_evaluations proposals") &&
                        Contains("parameter: missing: at least one [[parameter]]"));
  const auto spec3 = dir.write("bad3.toml", "scenario = \"" + kBaseline +
                                                "\"\nweeks = 52\n"
                                                "[[parameter]]\npath = \"labour.search.rate\"\nlo = 0.02\nhi = 0.9\n");
  CHECK_THROWS_WITH(pw::read_calibration_spec(spec3),
                    Contains("weeks: target arrest.all.y2 (bjs-2008-24-states.csv) needs 104 weeks of follow-up; the "
                             "horizon is 52 weeks"));
  CHECK_THROWS_WITH(pw::read_calibration_spec(dir / "none.toml"), Contains("missing file: no such calibration spec"));

  // The perturbation kernel: olcm (default) or global, smc only.
  const std::string base = "scenario = \"" + kBaseline + "\"\n";
  const std::string param = "[[parameter]]\npath = \"labour.search.rate\"\nlo = 0.02\nhi = 0.9\n";
  CHECK(pw::read_calibration_spec(dir.write("k0.toml", base + param)).kernel == pw::methods::AbcKernel::Olcm);
  CHECK(pw::read_calibration_spec(dir.write("k1.toml", base + "kernel = \"global\"\n" + param)).kernel ==
        pw::methods::AbcKernel::Global);
  const auto k2 = dir.write("k2.toml", base + "kernel = \"local\"\n" + param);
  CHECK_THROWS_WITH(pw::read_calibration_spec(k2),
                    Contains(k2.string() + ":2:10: kernel: \"local\" is not a kernel; accepted: olcm (default"));
  CHECK_THROWS_WITH(pw::read_calibration_spec(dir.write("k3.toml", base +
                                                                       "method = \"rejection\"\n"
                                                                       "max_evaluations = 10\nkernel = \"olcm\"\n" +
                                                                       param)),
                    Contains("kernel: smc only"));
}

TEST_CASE("calibrate spec: the examples load, with the default targets and docs/calibration.md's ranges",
          "[experiment][calibrate]") {
  const auto j = pw::read_calibration_spec(pwt::kSourceDir / "scenarios/calibration/justice.toml");
  CHECK(j.dimensions.size() == 16);
  CHECK(pw::target_points(j.targets).size() == 145);
  {
    // Every fitted justice parameter has its row, with its prior, in docs/calibration.md's table.
    std::ifstream in(pwt::kSourceDir / "docs" / "calibration.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& d : j.dimensions) {
      INFO(d.path);
      CHECK(doc.find("| `" + d.path + "` |") != std::string::npos);
    }
  }
  const auto r = pw::read_calibration_spec(pwt::kSourceDir / "scenarios/calibration/reintegration.toml");
  CHECK(r.dimensions.size() == 6);
  CHECK(pw::target_points(r.targets).size() == 5);
  CHECK(r.dimensions[0].path == "labour.search.rate");
  CHECK(r.dimensions[0].lo == 0.02);
  CHECK(r.dimensions[0].hi == 0.9);
  // No [[targets]]: both files beside the base scenario's report.targets_file, every row.
  pwt::TempDir dir("calibrate-default");
  const auto spec = dir.write("d.toml", "scenario = \"" + kBaseline +
                                            "\"\n[[parameter]]\npath = "
                                            "\"labour.search.rate\"\nlo = 0.02\nhi = 0.9\n");
  const auto d = pw::read_calibration_spec(spec);
  CHECK(pw::target_points(d.targets).size() == 65);
  CHECK(d.method == pw::CalibrationMethod::Smc);
}

TEST_CASE("calibrate distance: weighted RMSE in percentage points", "[experiment][calibrate]") {
  std::vector<pw::TargetPoint> p(3);
  p[0].target = 10;
  p[1].target = 20;
  p[2].target = 30;
  p[2].weight = 2;
  // errors 1, -2, 3: (1 + 4 + 2 * 9) / 4 = 23 / 4
  CHECK(pw::target_distance(p, {11, 18, 33}) == Approx(std::sqrt(23.0 / 4.0)));
  p[2].weight = 1;
  CHECK(pw::target_distance(p, {11, 18, 33}) == Approx(std::sqrt(14.0 / 3.0)));
}

TEST_CASE("calibrate: ABC-SMC recovers a known offending rate from targets the model made", "[experiment][calibrate]") {
  // Targets: the model itself at base_rate = 0.05/w (the baseline's is 0.074), 4,000 people, two years.
  constexpr double kTruth = 0.05;
  pwt::TempDir dir("calibrate-recover");
  auto truth = pw::load_scenario(kBaseline, {"justice.offending.base_rate=0.05/w", "simulation.people=4000",
                                             "simulation.horizon=104w", "simulation.seed=99"});
  const auto profile = pw::read_profile(truth.params.population.profile_file);
  pw::Parallel par(0);
  pw::Simulation sim(truth.params, profile, 0, par);
  sim.run_to_end();
  const auto tables = pw::cumulative_tables(sim);
  std::string csv = "outcome,group,y1,y2\n";
  for (const std::string group : {"all", "male", "female"}) {
    const auto g =
        static_cast<std::size_t>(std::find(tables.groups.begin(), tables.groups.end(), group) - tables.groups.begin());
    for (std::size_t o = 0; o < pw::kOutcomes.size(); ++o) {
      csv += fmt::format("{},{},{},{}\n", pw::kOutcomes[o], group, tables.pct[g][o][11], tables.pct[g][o][23]);
    }
  }
  dir.write("synthetic.csv", csv);
  const auto spec = dir.write(
      "recover.toml", "scenario = \"" + kBaseline +
                          "\"\nparticles = 16\ngenerations = 4\npeople = 1500\n"
                          "weeks = 104\nseed = 5\nmin_acceptance_rate = 0.05\n"
                          "[[targets]]\nfile = \"synthetic.csv\"\n"
                          "[[parameter]]\npath = \"justice.offending.base_rate\"\nlo = 0.01\nhi = 0.25\nlog = true\n");
  pw::CalibrateOptions o;
  o.spec = spec;
  o.output = dir / "recover.h5";
  o.progress = false;
  pw::MpiSession mpi;
  const auto run = pw::run_calibration(o, mpi);
  const auto rec = pw::read_calibration(run.output);
  REQUIRE(rec.parameters.size() == 1);
  const auto& p = rec.parameters[0];
  // Prior: log-uniform on [0.01, 0.25]; its sd.
  const double a = 0.01, b = 0.25, l = std::log(b / a);
  const double prior_mean = (b - a) / l, prior_sd = std::sqrt((b * b - a * a) / (2 * l) - prior_mean * prior_mean);
  INFO("posterior mean " << p.mean << ", sd " << p.sd << "; prior sd " << prior_sd << "; RMSE " << rec.fit_rmse);
  CHECK(std::abs(p.mean - kTruth) <= 3.0 * p.sd);
  CHECK(p.sd < prior_sd / 4.0);
  CHECK(p.q05 < kTruth);
  CHECK(p.q95 > kTruth);
  CHECK(rec.fit.size() == 18);  // 3 outcomes x 3 groups x 2 years
  CHECK(rec.fit_rmse < 5.0);    // the fit run: 1,500 people under the base seed (women: about 3 to 4 pp sampling error)
  // Invariants of the posterior.
  double total = 0;
  for (std::size_t k = 0; k < rec.weights.size(); ++k) {
    total += rec.weights[k];
    CHECK(rec.distances[k] <= rec.generations.back().tolerance);
    CHECK(rec.samples[k][0] >= 0.01);
    CHECK(rec.samples[k][0] <= 0.25);
  }
  CHECK(total == Approx(1.0));
  for (std::size_t t = 1; t < rec.generations.size(); ++t)
    CHECK(rec.generations[t].tolerance < rec.generations[t - 1].tolerance);

  // The scenario written back loads, validates and holds the posterior point.
  const auto back = pw::load_scenario(run.scenario_out, {});
  CHECK(back.params.justice.offending.base_rate == p.point);
  CHECK(std::abs(p.point - p.mean) <= 1e-5 * p.mean);
  CHECK(back.params.run.people == 100000);  // the base scenario's people, not the evaluations'
  const auto v = pwt::run_cli(dir, "validate " + quote(run.scenario_out.string()));
  CHECK(v.code == 0);
}

TEST_CASE("calibrate: common random numbers give every evaluation the same seed", "[experiment][calibrate]") {
  // A prior so narrow that the parameter cannot change any outcome of 500 people: with common
  // random numbers every evaluation is the same simulation, so every distance is the same; with
  // a seed per evaluation the distances differ by sampling noise alone.
  pwt::TempDir dir("calibrate-crn");
  const auto narrow = [](const std::string& extra) {
    return "scenario = \"" + kBaseline +
           "\"\nmethod = \"rejection\"\nparticles = 12\nmax_evaluations = 12\n"
           "people = 500\nweeks = 52\nseed = 9\n" +
           extra + "[[targets]]\nfile = \"" + kOtherTargets +
           "\"\nrows = [\"ever_employed_by_month_8\", \"employed_at_month_8\"]\n"
           "[[parameter]]\npath = \"labour.search.rate\"\nlo = 0.2\nhi = 0.2000000001\n";
  };
  std::size_t distinct[2] = {0, 0};
  for (const bool crn : {true, false}) {
    const auto spec = dir.write(crn ? "crn.toml" : "own.toml", narrow(crn ? "common_random_numbers = true\n" : ""));
    const auto out = dir / (crn ? "crn.h5" : "own.h5");
    const auto r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -q -o " + quote(out.string()));
    INFO(r.output);
    REQUIRE(r.code == 0);
    const auto rec = pw::read_calibration(out);
    REQUIRE(rec.distances.size() == 12);
    distinct[crn ? 0 : 1] = std::set<double>(rec.distances.begin(), rec.distances.end()).size();
  }
  CHECK(distinct[0] == 1);
  CHECK(distinct[1] > 6);
}

TEST_CASE("calibrate: a run killed halfway resumes to the same posterior, and 1 or 2 threads give the same bits",
          "[experiment][calibrate]") {
  pwt::TempDir dir("calibrate-resume");
  const auto spec = dir.write("small.toml", small_spec());
  const auto one = dir / "one.h5", two = dir / "two.h5";
  auto r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -q --threads 1 -o " + quote(one.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  // Killed (as if by kill -9) after 7 evaluations: no file under the final name, a journal left behind.
  r = pwt::run_cli(dir,
                   "calibrate " + quote(spec.string()) + " -q --threads 2 --stop-after 7 -o " + quote(two.string()));
  REQUIRE(r.code == 75);
  CHECK(!std::filesystem::exists(two));
  CHECK(std::filesystem::exists(two.string() + ".tasks"));
  r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -q --threads 2 -o " + quote(two.string()));
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Contains("resumed from the journal"));
  CHECK(!std::filesystem::exists(two.string() + ".tasks"));
  const auto a = calibration_datasets(one), b = calibration_datasets(two);
  REQUIRE(a.count("/experiment/calibration/samples") == 1);
  for (const auto& [name, bytes] : a) {
    if (name.ends_with("scenario_toml")) continue;  // names its own output file
    INFO(name);
    CHECK(b.at(name) == bytes);
  }
  // The fit run's results match too.
  CHECK(pwt::dataset_bytes(one).at("/scenarios/small-calibrated/cumulative_pct/all/arrest") ==
        pwt::dataset_bytes(two).at("/scenarios/small-calibrated/cumulative_pct/all/arrest"));
  // A finished calibration is not run again.
  r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -q -o " + quote(two.string()));
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Contains("already holds this calibration"));

  // The journal's inputs hash ignores the base scenario's values of the fitted parameters (every
  // evaluation overrides them; a staged refit writes them between runs) and how the spec's path is
  // spelled; any other change to the base scenario runs the calibration again.
  const auto base = dir.write("base.toml", "extends = \"" + kBaseline + "\"\nlabour.search.rate = \"0.5/w\"\n");
  std::string based = small_spec();
  based.replace(based.find(kBaseline), kBaseline.size(), base.string());
  const auto bspec = dir.write("based.toml", based);
  const auto three = dir / "three.h5";
  r = pwt::run_cli(dir, "calibrate " + quote(bspec.string()) + " -q -o " + quote(three.string()));
  REQUIRE(r.code == 0);
  dir.write("base.toml", "extends = \"" + kBaseline + "\"\nlabour.search.rate = \"0.3/w\"\n");
  const auto respelled = (dir / "." / "based.toml").string();
  r = pwt::run_cli(dir, "calibrate " + quote(respelled) + " -q -o " + quote(three.string()));
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Contains("already holds this calibration"));
  dir.write("base.toml", "extends = \"" + kBaseline + "\"\nlabour.employers.informal_share = 0.2\n");
  r = pwt::run_cli(dir, "calibrate " + quote(bspec.string()) + " -q -o " + quote(three.string()));
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Contains("evaluation(s) run") && !Contains("already holds this calibration"));

  // inspect: the table prints the fit, --json has the posterior and the fit.
  r = pwt::run_cli(dir, "inspect " + quote(one.string()));
  CHECK_THAT(r.output, Contains("fit of the calibrated scenario") && Contains("RMSE"));
  r = pwt::run_cli(dir, "inspect --json " + quote(one.string()));
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.output);
  CHECK(j.at("experiment").at("kind") == "calibrate");
  CHECK(j.at("calibration").at("parameters").at(0).at("path") == "labour.search.rate");
  CHECK(j.at("calibration").at("fit").at("rows").size() == 2);
  CHECK(j.at("scenarios").contains("small-calibrated"));

  // Rejection: the nearest `particles` of max_evaluations prior draws, equal weights.
  const auto rspec = dir.write("rej.toml", small_spec("method = \"rejection\"\nmax_evaluations = 16\n"));
  r = pwt::run_cli(dir, "calibrate " + quote(rspec.string()) + " -q -o " + quote((dir / "rej.h5").string()));
  REQUIRE(r.code == 0);
  const auto rej = pw::read_calibration(dir / "rej.h5");
  CHECK(rej.samples.size() == 8);
  CHECK(rej.evaluations == 16);
  CHECK(rej.weights[0] == Approx(1.0 / 8));
}

TEST_CASE("calibrate: 2 MPI ranks give the posterior of 1", "[experiment][calibrate][mpi]") {
  pwt::TempDir dir("calibrate-mpi");
  const auto spec = dir.write("small.toml", small_spec());
  const auto one = dir / "one.h5", two = dir / "two.h5";
  auto r = pwt::run_cli(dir, "calibrate " + quote(spec.string()) + " -q --threads 2 -o " + quote(one.string()));
  REQUIRE(r.code == 0);
  r = pwt::run_command(dir, "mpirun --allow-run-as-root --oversubscribe -n 2",
                       "calibrate " + quote(spec.string()) + " -q --threads 1 -o " + quote(two.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Contains("on 2 rank(s)"));
  const auto a = calibration_datasets(one), b = calibration_datasets(two);
  for (const auto& [name, bytes] : a) {
    if (name.ends_with("scenario_toml")) continue;
    INFO(name);
    CHECK(b.at(name) == bytes);
  }
}
