// sim/app/experiment: compare experiments (plan, resumable task journal, MPI
// distribution) and their statistics (paired differences, vs_baseline).
#include <H5Cpp.h>

#include <boost/math/distributions/students_t.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/experiment_runner.hpp"
#include "sim/app/experiment/task_journal.hpp"
#include "sim/app/io/comparison.hpp"
#include "sim/app/io/summary.hpp"
#include "sim/engine/stats/paired_stats.hpp"
#include "tests/cli_support.hpp"
#include "tests/h5_data.hpp"

using Catch::Matchers::Contains;
using pwt::quote;

namespace {

const std::string kBaseline = "scenarios/baseline.toml";
const std::string kTreatment = "scenarios/rnr-treatment.toml";

pw::CompareOptions small_compare(int people, int weeks, int reps) {
  pw::CompareOptions o;
  o.scenarios = {pwt::kSourceDir / kBaseline, pwt::kSourceDir / kTreatment};
  o.people = people;
  o.weeks = weeks;
  o.replicates = reps;
  o.persons = pw::PersonsOutput::FirstReplicate;
  return o;
}

// Runs a comparison in this process (no MPI) and returns its file.
std::filesystem::path run_compare(const pw::CompareOptions& o, const std::filesystem::path& out, int threads = 2) {
  pw::MpiSession mpi;
  pw::ExperimentRunOptions ro;
  ro.output = out;
  ro.threads = threads;
  ro.progress = false;
  pw::run_experiment(pw::plan_compare(o), ro, mpi);
  return out;
}

std::vector<float> float_column(const std::filesystem::path& file, const std::string& scenario,
                                const std::string& column) {
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  const auto ds = f.openDataSet("/scenarios/" + scenario + "/persons/replicate_0/" + column);
  std::vector<float> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  ds.read(v.data(), H5::PredType::NATIVE_FLOAT);
  return v;
}

std::vector<std::int32_t> int_column(const std::filesystem::path& file, const std::string& scenario,
                                     const std::string& column) {
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  const auto ds = f.openDataSet("/scenarios/" + scenario + "/persons/replicate_0/" + column);
  std::vector<std::int32_t> v(static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints()));
  ds.read(v.data(), H5::PredType::NATIVE_INT32);
  return v;
}

const pw::ComparisonRow& row(const pw::Comparison& c, const std::string& measure, const std::string& group,
                             const std::string& period) {
  for (const auto& r : c.rows) {
    if (r.measure == measure && r.group == group && r.period == period) return r;
  }
  FAIL("no row " << measure << " " << group << " " << period);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("paired_difference: mean, sd and the Student t interval of a known sample", "[experiment][stats]") {
  const auto d = pw::paired_difference({1, 2, 3, 4}, {2, 4, 6, 8});
  CHECK(d.n == 4);
  CHECK(d.mean == Approx(2.5));
  CHECK(d.sd == Approx(std::sqrt(5.0 / 3.0)));
  // t_{3, 0.975} = 3.182446305284263
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  CHECK(d.lo == Approx(2.5 - half));
  CHECK(d.hi == Approx(2.5 + half));
  CHECK(d.significant());
  const auto one = pw::paired_difference({1}, {3});
  CHECK(one.mean == 2);
  CHECK(std::isnan(one.lo));
  CHECK_FALSE(one.significant());
  CHECK_THROWS_AS(pw::paired_difference({1, 2}, {1}), std::invalid_argument);
}

TEST_CASE("paired_difference: the 95% interval covers the true difference 95% of the time", "[experiment][stats]") {
  std::mt19937_64 gen(20240611);
  std::normal_distribution<double> common(0.0, 3.0), noise(0.0, 1.0);
  const int trials = 4000, reps = 5;
  int covered = 0;
  for (int t = 0; t < trials; ++t) {
    std::vector<double> a, b;
    for (int r = 0; r < reps; ++r) {
      const double shared = common(gen);  // a common-random-number component, cancels in b - a
      a.push_back(10 + shared + noise(gen));
      b.push_back(10.7 + shared + noise(gen));
    }
    const auto d = pw::paired_difference(a, b);
    covered += (d.lo <= 0.7 && 0.7 <= d.hi) ? 1 : 0;
  }
  pwt::check_proportion("coverage", covered, trials, 0.95);
}

TEST_CASE("compare plan: common random numbers share one seed; --independent derives one per scenario",
          "[experiment][compare]") {
  auto o = small_compare(1000, 52, 2);
  o.seed = 12345;
  const auto crn = pw::plan_compare(o);
  REQUIRE(crn.scenarios.size() == 2);
  CHECK(crn.common_random_numbers);
  CHECK(crn.scenarios[0].seed() == 12345u);
  CHECK(crn.scenarios[1].seed() == 12345u);
  CHECK(crn.tasks() == 4);
  CHECK(crn.scenario_of(3) == 1);
  CHECK(crn.replicate_of(3) == 1);
  o.independent = true;
  const auto ind = pw::plan_compare(o);
  CHECK(ind.scenarios[0].seed() == 12345u);
  CHECK(ind.scenarios[1].seed() == pw::independent_seed(12345, 1));
  CHECK(ind.scenarios[1].seed() != 12345u);
  CHECK(ind.inputs_hash != crn.inputs_hash);
  // Every scenario runs the same cohort size, horizon and replicates.
  CHECK(ind.scenarios[1].loaded.params.run.people == 1000);
  CHECK(ind.scenarios[1].loaded.params.run.horizon_weeks() == 52);
  // The derived seeds are distinct and valid seeds.
  std::set<std::uint32_t> seen;
  for (int k = 0; k < 1000; ++k) {
    const auto s = pw::independent_seed(2147483647u, k);
    CHECK(s <= 2147483647u);
    seen.insert(s);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("compare plan: bad input names the file", "[experiment][compare]") {
  auto o = small_compare(1000, 52, 2);
  o.scenarios = {pwt::kSourceDir / kBaseline};
  CHECK_THROWS_AS(pw::plan_compare(o), pw::ScenarioError);
  o.scenarios = {pwt::kSourceDir / kBaseline, pwt::kSourceDir / kBaseline};
  CHECK_THROWS_WITH(pw::plan_compare(o), Contains("baseline") && Contains("its own name"));
}

TEST_CASE("compare: common random numbers give both scenarios the same cohort", "[experiment][compare]") {
  pwt::TempDir dir("compare-crn");
  const auto crn = run_compare(small_compare(2000, 26, 1), dir / "crn.h5");
  auto o = small_compare(2000, 26, 1);
  o.independent = true;
  const auto ind = run_compare(o, dir / "ind.h5");
  for (const std::string c : {"age_at_release", "age_first_arrest", "months_served", "frailty"}) {
    INFO(c);
    CHECK(float_column(crn, "baseline", c) == float_column(crn, "rnr-treatment", c));
    CHECK(float_column(ind, "baseline", c) != float_column(ind, "rnr-treatment", c));
  }
  for (const std::string c : {"sex", "group", "education", "commitment_offence", "admission", "prior_arrests"}) {
    INFO(c);
    CHECK(int_column(crn, "baseline", c) == int_column(crn, "rnr-treatment", c));
  }
  // The baseline of a comparison is the baseline's own run: the same seed and cohort.
  CHECK(float_column(crn, "baseline", "frailty") == float_column(ind, "baseline", "frailty"));
}

TEST_CASE("compare: common random numbers narrow the intervals of a real effect", "[experiment][compare]") {
  pwt::TempDir dir("compare-width");
  auto o = small_compare(2000, 156, 8);
  const auto crn = pw::read_comparison(run_compare(o, dir / "crn.h5"));
  o.independent = true;
  const auto ind = pw::read_comparison(run_compare(o, dir / "ind.h5"));
  double w_crn = 0, w_ind = 0;
  int n = 0;
  for (const std::string m : {"arrest", "conviction", "return_prison"}) {
    for (const std::string y : {"y1", "y2", "y3"}) {
      w_crn += row(crn, m, "all", y).diff.width();
      w_ind += row(ind, m, "all", y).diff.width();
      ++n;
    }
  }
  INFO("mean width, CRN " << w_crn / n << " pp, independent " << w_ind / n << " pp");
  CHECK(w_crn < 0.5 * w_ind);
  // The treatment's effect on return to prison is detected under CRN.
  const auto& r = row(crn, "return_prison", "all", "y3");
  CHECK(r.diff.hi < 0);
  CHECK(crn.common_random_numbers);
  CHECK_FALSE(ind.common_random_numbers);
}

TEST_CASE("compare: an interrupted experiment resumes to bit-identical data", "[experiment][compare][resume]") {
  pwt::TempDir dir("compare-resume");
  const std::string args = kBaseline + " " + kTreatment + " --people 1500 --weeks 78 --reps 3 --threads 2 -q ";
  const auto full = dir / "full.h5", resumed = dir / "resumed.h5";
  REQUIRE(pwt::run_cli(dir, "compare " + args + "-o " + quote(full.string())).code == 0);

  // Stop (as if killed) after 2 tasks, then after 2 more.
  auto r = pwt::run_cli(dir, "compare " + args + "-o " + quote(resumed.string()) + " --stop-after 2");
  REQUIRE(r.code == 75);
  CHECK_FALSE(std::filesystem::exists(resumed));
  const auto journal = std::filesystem::path(resumed.string() + ".tasks");
  CHECK(std::filesystem::exists(journal / "task_0.h5"));
  CHECK(std::filesystem::exists(journal / "task_1.h5"));
  CHECK_FALSE(std::filesystem::exists(journal / "task_2.h5"));
  r = pwt::run_cli(dir, "compare " + args + "-o " + quote(resumed.string()) + " --stop-after 2");
  REQUIRE(r.code == 75);
  CHECK(std::filesystem::exists(journal / "task_3.h5"));
  // A task killed while being written leaves a .part: it is discarded and redone.
  dir.write("resumed.h5.tasks/task_4.h5.part", "half a file");

  r = pwt::run_cli(dir, "compare " + args + "-o " + quote(resumed.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Contains("2 task(s) run, 4 resumed"));
  CHECK_FALSE(std::filesystem::exists(journal));
  CHECK(pwt::differing_datasets(full, resumed).empty());
  CHECK(pwt::dataset_bytes(full).size() > 100);

  // Running it again finds it complete and runs nothing.
  r = pwt::run_cli(dir, "compare " + args + "-o " + quote(resumed.string()));
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Contains("already holds this comparison"));
}

TEST_CASE("compare: a journal of other inputs is not resumed", "[experiment][compare][resume]") {
  pwt::TempDir dir("compare-changed");
  const auto out = dir / "c.h5";
  const std::string base =
      "compare " + kBaseline + " " + kTreatment + " --people 800 --weeks 26 -q -o " + quote(out.string());
  REQUIRE(pwt::run_cli(dir, base + " --reps 2 --stop-after 1").code == 75);
  auto r = pwt::run_cli(dir, base + " --reps 2 --set justice.courts.conviction_probability=0.5");
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("c.h5.tasks") && Contains("different inputs") && Contains("--restart"));
  r = pwt::run_cli(dir, base + " --reps 2 --set justice.courts.conviction_probability=0.5 --restart");
  CHECK(r.code == 0);
  CHECK(std::filesystem::exists(out));
}

TEST_CASE("compare: missing or invalid scenario files exit with 2 and name them", "[experiment][compare][cli]") {
  pwt::TempDir dir("compare-bad");
  auto r =
      pwt::run_cli(dir, "compare " + kBaseline + " scenarios/no-such-policy.toml -o " + quote((dir / "x.h5").string()));
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("no-such-policy.toml"));
  const auto bad = dir.write("bad_policy.toml", "extends = \"" + (pwt::kSourceDir / kBaseline).string() +
                                                    "\"\n[justice.courts]\nconviction_probabilty = 0.5\n");
  r = pwt::run_cli(dir, "compare " + kBaseline + " " + quote(bad.string()) + " -o " + quote((dir / "x.h5").string()));
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("bad_policy.toml:3"));
  CHECK_FALSE(std::filesystem::exists(dir / "x.h5"));
  r = pwt::run_cli(dir, "compare " + kBaseline + " -o " + quote((dir / "x.h5").string()));
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("at least two"));
}

TEST_CASE("compare: inspect --json adds vs_baseline and keeps the scenarios contract", "[experiment][compare][cli]") {
  pwt::TempDir dir("compare-json");
  const auto out = dir / "c.h5";
  const auto csv = dir / "c.csv";
  auto r = pwt::run_cli(dir, "compare " + kBaseline + " " + kTreatment + " --people 1500 --weeks 104 --reps 2 -o " +
                                 quote(out.string()) + " --csv " + quote(csv.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output,
             Contains("rnr-treatment vs baseline") && Contains("return to prison") && Contains("95% interval"));
  r = pwt::run_cli(dir, "inspect --json " + quote(out.string()));
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.output);
  for (const std::string s : {"baseline", "rnr-treatment"}) {
    INFO(s);
    const auto& sc = j.at("scenarios").at(s);
    for (const std::string k : {"people", "weeks", "reps", "seed", "cumulative_pct", "costs"}) CHECK(sc.contains(k));
    CHECK(sc.at("cumulative_pct").at("all").at("return_prison").size() == 2);
  }
  CHECK(j.at("experiment").at("kind") == "compare");
  CHECK(j.at("experiment").at("baseline") == "baseline");
  const auto& vs = j.at("vs_baseline");
  CHECK_FALSE(vs.contains("baseline"));
  const auto& g = vs.at("rnr-treatment");
  for (const std::string group : {"all", "male", "female", "risk_high"}) {
    for (const std::string outcome : {"arrest", "conviction", "return_prison"}) {
      INFO(group << " " << outcome);
      const auto& years = g.at(group).at(outcome);
      REQUIRE(years.size() == 2);
      for (const auto& y : years) {
        CHECK(y.at("lo").get<double>() <= y.at("mean").get<double>());
        CHECK(y.at("mean").get<double>() <= y.at("hi").get<double>());
      }
    }
  }
  CHECK(g.at("all").contains("cost_total_per_person"));
  // The CSV has every row: 2 years x 3 outcomes x 35 groups; 3 cost rows and one per other cost
  // category (8); 4 event rows; per group, 2 years x 3 work and housing rows and 2 follow-up rows,
  // and earnings per person; 4 coordination series at months 1, 3, 8 and 12; the benefit-cost ratio,
  // the public cost per arrest averted and the chance that benefits exceed costs; then the effect on the
  // treated of rnr-treatment's 2 programmes: 5 outcomes x 2 years and 9 cost categories, the participants,
  // 3 per-participant money rows, the benefit-cost ratio and its chance.
  const auto text = pwt::read_text(csv);
  CHECK(std::count(text.begin(), text.end(), '\n') ==
        1 + 2 * 3 * 35 + 3 + 8 + 4 + 35 * (2 * 3 + 2) + 1 + 4 * 4 + 3 + 2 * (5 * 2 + 9 + 1 + 3 + 2));
  CHECK_THAT(text, Contains("rnr-treatment,baseline,benefit_cost_ratio,all,follow-up,"));
  const auto& bcr = g.at("all").at("benefit_cost_ratio").at(0);
  CHECK(bcr.at("method") == "fieller");
  const auto kind = bcr.at("interval").get<std::string>();
  CHECK((kind == "bounded" || kind == "unbounded"));
  if (kind == "bounded") {
    CHECK(bcr.at("lo").get<double>() <= bcr.at("mean").get<double>());
    CHECK(bcr.at("mean").get<double>() <= bcr.at("hi").get<double>());
  } else {
    CHECK(bcr.at("lo").is_null());
  }
  CHECK(g.at("all").contains("public_cost_per_arrest_averted"));
  CHECK(g.at("all").at("formally_employed_pct").size() == 4);
  CHECK(g.at("all").contains("arrests_per_person"));
}

TEST_CASE("compare: 2 MPI ranks and any thread count give the data of 1 rank", "[experiment][compare][mpi]") {
  pwt::TempDir dir("compare-mpi");
  const std::string args = "compare " + kBaseline + " " + kTreatment + " --people 1200 --weeks 52 --reps 3 -q ";
  const auto one = dir / "one.h5", two = dir / "two.h5", threads = dir / "threads.h5";
  auto r = pwt::run_cli(dir, args + "--threads 2 -o " + quote(one.string()));
  REQUIRE(r.code == 0);
  r = pwt::run_cli(dir, args + "--threads 1 -o " + quote(threads.string()));
  REQUIRE(r.code == 0);
  r = pwt::run_command(dir, "mpirun --allow-run-as-root --oversubscribe -n 2",
                       args + "--threads 1 -o " + quote(two.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.output, Contains("on 2 rank(s)"));
  CHECK(pwt::differing_datasets(one, two).empty());
  CHECK(pwt::differing_datasets(one, threads).empty());
  const auto four = dir / "four.h5";
  r = pwt::run_command(dir, "mpirun --allow-run-as-root --oversubscribe -n 4",
                       args + "--threads 1 -o " + quote(four.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  CHECK(pwt::differing_datasets(one, four).empty());
}

TEST_CASE("report: figures and a Markdown summary of a compare file", "[experiment][compare][report]") {
  pwt::TempDir dir("compare-report");
  const auto out = dir / "c.h5";
  auto r = pwt::run_cli(dir, "compare " + kBaseline + " " + kTreatment + " --people 800 --weeks 104 --reps 2 -q -o " +
                                 quote(out.string()));
  REQUIRE(r.code == 0);
  const auto report = dir / "report";
  r = pwt::run_command(dir, "MPLBACKEND=Agg", "report " + quote(out.string()) + " -o " + quote(report.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  for (const std::string f : {"cumulative.png", "differences.png", "groups.png", "costs.png", "summary.md"}) {
    INFO(f);
    CHECK(std::filesystem::file_size(report / f) > 1000);
  }
  const auto md = pwt::read_text(report / "summary.md");
  CHECK_THAT(md, Contains("rnr-treatment") && Contains("return to prison by y2") && Contains("![Costs](costs.png)"));
  // The brief comes first, with its figure; then the groups and every outcome family.
  CHECK(md.find("## The brief") < md.find("## Cumulative percent"));
  CHECK(std::filesystem::file_size(report / "brief.png") > 1000);
  CHECK_THAT(md, Contains("ranked by public cost per arrest averted") && Contains("chance benefits exceed costs"));
  // The brief's effect on the treated (issue 15): each programme's participants, then its own sections.
  CHECK_THAT(md, Contains("| cbt-in-prison: ") && Contains("drug-treatment-in-prison: "));
  CHECK_THAT(md, Contains("## Effect on the treated: the participants against the same persons in the baseline") &&
                     Contains("## Benefit-cost per participant (WSIPP style)") &&
                     Contains("| rnr-treatment | cbt-in-prison | "));
  CHECK(std::filesystem::file_size(report / "treated.png") > 1000);
  CHECK_THAT(md, Contains("## Effect by group") && Contains("| risk_high |") && Contains("| offence_drug |"));
  for (const std::string family : {"justice", "work", "housing", "coordination", "costs", "network"}) {
    INFO(family);
    CHECK_THAT(md, Contains("### " + family + "\n"));
  }
  // The stacked public-cost parts add up to the public total drawn, which is compare's public cost.
  {
    const auto stacked = pwt::read_text(report / "costs_stacked.csv");
    std::map<std::string, double> parts, total;
    std::istringstream in(stacked);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto a = line.find(','), b = line.find(',', a + 1);
      const std::string scenario = line.substr(0, a), category = line.substr(a + 1, b - a - 1);
      const double v = std::stod(line.substr(b + 1));
      if (category == "public")
        total[scenario] = v;
      else if (category != "victim")
        parts[scenario] += v;
    }
    REQUIRE(total.size() == 2);
    const auto cmp = pw::read_comparison(out);
    for (const auto& [scenario, t] : total) {
      INFO(scenario);
      CHECK(parts[scenario] == Approx(t).epsilon(1e-9));
    }
    CHECK(total["rnr-treatment"] ==
          Approx(row(cmp, "cost_public_per_person", "all", "follow-up").diff.alternative_mean));
  }
  r = pwt::run_command(
      dir, "MPLBACKEND=Agg",
      "report " + quote(out.string()) + " -o " + quote(report.string()) + " --rank-by benefit_cost_ratio");
  CHECK(r.code == 0);
  CHECK_THAT(pwt::read_text(report / "summary.md"), Contains("ranked by benefit-cost ratio (largest first"));
  CHECK_THAT(md, Contains("| scenario | benefit-cost ratio | public cost per arrest averted (USD) |"));
  // The Python loader's paired differences are the C++ ones (the CSV of compare).
  const auto csv = dir / "c.csv";
  REQUIRE(pwt::run_cli(dir, "compare " + kBaseline + " " + kTreatment + " --people 800 --weeks 104 --reps 2 -q -o " +
                                quote(out.string()) + " --csv " + quote(csv.string()))
              .code == 0);
  const std::string py =
      "import sys; sys.path.insert(0, 'results'); import pandas as pd, pathways_results as pr; "
      "ex = pr.load_experiment(sys.argv[1]); c = pd.read_csv(sys.argv[2]); "
      "t = c[c.measure.str.startswith('treated.')]; c = c[~c.measure.str.startswith('treated.')]; "
      "errs = []\n"
      "for d, c in ((ex['differences'], c), (ex['treated'], t)):\n"
      "    m = c.merge(d, on=['scenario', 'measure', 'group', 'period'])\n"
      "    assert len(m) == len(c) == len(d) > 0, (len(m), len(c), len(d))\n"
      "    err = ((m.difference - m['mean']).abs() / (1 + m['mean'].abs())).max()\n"
      "    err2 = ((m.lo_x - m.lo_y).abs() / (1 + m.lo_x.abs())).max()\n"
      "    assert err < 1e-8 and err2 < 1e-8, (err, err2); errs.append(len(m))\n"
      "print('python matches', *errs)";
  r = pwt::run_command(dir, "",
                       "--version >/dev/null && /usr/bin/python3 -c " + quote(py) + " " + quote(out.string()) + " " +
                           quote(csv.string()));
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK_THAT(r.output, Contains("python matches 525 50"));
  r = pwt::run_cli(dir, "report " + quote((dir / "absent.h5").string()));
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains("absent.h5"));
}

TEST_CASE(
    "compare table: sign-correct wording, ratios with a zero-reaching denominator not defined, no star for "
    "an interval that rounds to zero",
    "[experiment][compare]") {
  pw::Comparison c;
  c.baseline = "baseline";
  c.replicates = 4;
  c.people = 1000;
  c.scenarios = {"baseline", "a-rather-long-scenario-name"};
  const std::string alt = c.scenarios[1];
  // A percent row whose interval is above zero only by floating-point noise: shown as [0.0, 0.0], not starred.
  c.rows.push_back({alt, "arrest", "all", "y1", "pct",
                    pw::paired_difference({50, 50, 50, 50}, {50 + 1e-12, 50 + 2e-12, 50 + 1e-12, 50 + 2e-12})});
  // A percent row clearly below zero: starred.
  c.rows.push_back({alt, "conviction", "all", "y1", "pct", pw::paired_difference({30, 31, 32, 33}, {28, 29, 30, 31})});
  pw::CostEffectiveness ce;
  ce.scenario = alt;
  // Spending about zero (its interval reaches zero): no benefit-cost ratio, however large saved / spent is.
  ce.benefit_cost_ratio = pw::fieller_ratio({2000, 2100, 1900, 2050}, {0.2, -0.1, 0.3, 0.0});
  // Public cost falls (negative) while arrests are averted: "saves", with both ends worded as savings.
  ce.public_cost_per_arrest_averted = pw::fieller_ratio({-1100, -1000, -1200, -1100}, {0.2, 0.19, 0.21, 0.2});
  ce.chance_benefits_exceed_costs = 0.97;
  c.cost_effectiveness.push_back(ce);
  const auto text = pw::format_comparison(c);
  INFO(text);
  CHECK_THAT(text, Contains(alt));  // full names in the header, not cut
  const auto line_of = [&](const std::string& label) {
    const auto at = text.find(label);
    REQUIRE(at != std::string::npos);
    return text.substr(at, text.find('\n', at) - at);
  };
  CHECK_THAT(line_of("first arrest"), Contains("[0.0, 0.0]"));
  CHECK(line_of("first arrest").find('*') == std::string::npos);
  CHECK_THAT(line_of("first conviction"), Contains(" *"));
  CHECK_THAT(text, Contains("benefit-cost ratio not defined (no net saving or spend"));
  CHECK(text.find("benefit-cost ratio 1") == std::string::npos);
  CHECK_THAT(text, Contains("saves 5500 USD in public money per arrest averted"));
  CHECK_THAT(text, Contains("95% interval: saves "));
  CHECK_THAT(text, Contains("chance that benefits exceed costs 97%"));
  CHECK_FALSE(ce.benefit_cost_ratio_defined());
  CHECK(ce.cost_per_arrest_averted_defined());
}
