// sim/app/experiment/treated_effects + sim/app/io/comparison: the effect on
// the treated (participants against the same persons in the baseline) and the
// benefit-cost per participant of `pathways compare`.
#include <H5Cpp.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "sim/app/experiment/experiment_plan.hpp"
#include "sim/app/experiment/experiment_runner.hpp"
#include "sim/app/io/comparison.hpp"
#include "sim/app/io/h5_util.hpp"
#include "tests/cli_support.hpp"

namespace {

std::filesystem::path run_compare(const std::vector<std::filesystem::path>& scenarios, int people, int weeks, int reps,
                                  const std::filesystem::path& out, const std::vector<std::string>& sets = {}) {
  pw::CompareOptions o;
  o.scenarios = scenarios;
  o.people = people;
  o.weeks = weeks;
  o.replicates = reps;
  o.sets = sets;
  o.persons = pw::PersonsOutput::None;
  pw::MpiSession mpi;
  pw::ExperimentRunOptions ro;
  ro.output = out;
  ro.threads = 2;
  ro.progress = false;
  pw::run_experiment(pw::plan_compare(o), ro, mpi);
  return out;
}

const pw::TreatedUnit& unit(const pw::Comparison& c, const std::string& scenario, const std::string& name) {
  for (const auto& t : c.treated) {
    if (t.scenario == scenario && t.unit == name) return t;
  }
  FAIL("no effect on the treated for " << scenario << " / " << name);
  throw std::logic_error("unreachable");
}

const pw::ComparisonRow& cohort_row(const pw::Comparison& c, const std::string& scenario, const std::string& measure,
                                    const std::string& period) {
  for (const auto& r : c.rows) {
    if (r.scenario == scenario && r.measure == measure && r.group == "all" && r.period == period) return r;
  }
  FAIL("no row " << measure << " " << period);
  throw std::logic_error("unreachable");
}

std::string baseline_path() { return (pwt::kSourceDir / "scenarios/baseline.toml").string(); }

}  // namespace

TEST_CASE("effect on the treated: a programme whose kind changes nothing is within a few SE of zero",
          "[experiment][treated]") {
  pwt::TempDir dir("treated-zero");
  // case_management changes no need; without peer contagion, taking part changes nothing but the spending.
  const auto scenario = dir.write("null.toml", "extends = " + pwt::quote(baseline_path()) +
                                                   "\nname = \"null-programme\"\n"
                                                   "[[programme]]\nname = \"talk\"\nkind = \"case_management\"\n"
                                                   "phase = \"pre_release\"\nplaces_per_1000 = 100\nduration = \"8w\"\n"
                                                   "uptake = 0.8\ncost_per_participant_week = \"100 USD 2023\"\n");
  const auto c = pw::read_comparison(
      run_compare({baseline_path(), scenario}, 3000, 104, 4, dir / "c.h5", {"programmes.peer_contagion=0"}));
  const auto& t = unit(c, "null-programme", "programme:talk");
  REQUIRE(t.replicates_with_participants == 4);
  CHECK(t.mean_participants() > 100);
  int checked = 0;
  for (const auto& r : t.rows) {
    if (r.unit != "pct") continue;
    INFO(r.measure << " " << r.period << ": " << r.diff.mean << " [" << r.diff.lo << ", " << r.diff.hi << "]");
    const double se = r.diff.sd / std::sqrt(static_cast<double>(r.diff.n));
    CHECK(std::abs(r.diff.mean) <= 3 * se + 1e-9);
    ++checked;
  }
  CHECK(checked == 10);  // 5 outcomes x 2 years
  // It costs money and saves none: no benefits, a cost of about 8 weeks x 100 USD per participant.
  CHECK(std::abs(t.public_benefit.mean) < 1e-6);
  CHECK(std::abs(t.victim_benefit.mean) < 1e-6);
  CHECK(t.cost_per_participant.mean > 400);
  CHECK(t.cost_per_participant.mean <= 800 + 1e-6);
  CHECK(t.chance_benefits_exceed_costs < 0.01);
}

TEST_CASE("effect on the treated: rnr-treatment's CBT cuts its participants' 1-year arrest more than the cohort's",
          "[experiment][treated]") {
  pwt::TempDir dir("treated-rnr");
  const auto c = pw::read_comparison(
      run_compare({baseline_path(), pwt::kSourceDir / "scenarios/rnr-treatment.toml"}, 5000, 52, 3, dir / "c.h5"));
  const auto& cbt = unit(c, "rnr-treatment", "programme:cbt-in-prison");
  const auto* arrest = cbt.find("arrest", "y1");
  REQUIRE(arrest != nullptr);
  const auto& cohort = cohort_row(c, "rnr-treatment", "arrest", "y1");
  INFO("treated " << arrest->diff.mean << " [" << arrest->diff.lo << ", " << arrest->diff.hi << "], cohort "
                  << cohort.diff.mean << " [" << cohort.diff.lo << ", " << cohort.diff.hi << "], participants "
                  << cbt.mean_participants());
  CHECK(arrest->diff.hi < 0);
  // Diluted by the non-participants: the cohort's effect is smaller in magnitude, beyond its own interval.
  CHECK(arrest->diff.mean < cohort.diff.lo);
  CHECK(cbt.mean_participants() < 0.5 * c.people);
}

TEST_CASE("effect on the treated: the baseline against itself is exactly zero; a unit without participants is said so",
          "[experiment][treated][cli]") {
  pwt::TempDir dir("treated-self");
  // The baseline under another name, with a programme nobody is eligible for.
  const auto scenario =
      dir.write("same.toml", "extends = " + pwt::quote(baseline_path()) +
                                 "\nname = \"baseline-again\"\njustice.drug_court.places_per_1000 = 0\n"
                                 "[[programme]]\nname = \"nobody\"\nkind = \"cbt\"\nphase = \"pre_release\"\n"
                                 "places_per_1000 = 10\nduration = \"8w\"\neligibility.min_age = 90\n");
  const auto file = run_compare({baseline_path(), scenario}, 1500, 52, 2, dir / "c.h5");
  const auto c = pw::read_comparison(file);
  for (const auto& r : c.rows) {
    INFO(r.measure << " " << r.group << " " << r.period);
    CHECK(r.diff.mean == 0);
  }
  const auto& t = unit(c, "baseline-again", "programme:nobody");
  CHECK(t.participants == std::vector<std::int64_t>{0, 0});
  CHECK(t.replicates_with_participants == 0);
  CHECK(t.rows.empty());
  CHECK_FALSE(t.benefit_cost_ratio_defined());
  const auto text = pw::format_comparison(c);
  CHECK_THAT(text, Catch::Matchers::Contains("programme:nobody") &&
                       Catch::Matchers::Contains("no participants in any replicate"));
  const auto csv = dir / "c.csv";
  pw::write_comparison_csv(c, csv);
  CHECK_THAT(pwt::read_text(csv),
             Catch::Matchers::Contains("baseline-again,baseline,treated.participants,programme:nobody,per replicate,"
                                       "persons,2,1,,,0,,0,0,0,0"));
  // The baseline's own replicate against itself: the same persons, exactly zero. A court the
  // scenario gives no places is not reported.
  for (const auto& u : c.treated) CHECK(u.unit != "drug_court");
}

TEST_CASE("benefit-cost per participant: the Fieller ratio and the chance agree with the replicate values",
          "[experiment][treated][stats]") {
  pwt::TempDir dir("treated-bcr");
  const int reps = 4;
  const auto file = run_compare({baseline_path(), pwt::kSourceDir / "scenarios/problem-solving-courts.toml"}, 4000, 104,
                                reps, dir / "c.h5");
  const auto c = pw::read_comparison(file);
  const auto& t = unit(c, "problem-solving-courts", "drug_court");
  REQUIRE(t.replicates_with_participants == reps);
  // Recompute from the stored participant means, independently of comparison.cpp.
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  const auto g = f.openGroup("/experiment/effect_on_treated/problem-solving-courts/drug_court");
  const auto measures = pw::h5::read_strings(g, "measures");
  hsize_t dims[2];
  g.openDataSet("scenario").getSpace().getSimpleExtentDims(dims);
  std::vector<double> alt(dims[0] * dims[1]), base(dims[0] * dims[1]);
  g.openDataSet("scenario").read(alt.data(), H5::PredType::NATIVE_DOUBLE);
  g.openDataSet("baseline").read(base.data(), H5::PredType::NATIVE_DOUBLE);
  std::vector<double> cost(reps, 0.0), benefit(reps, 0.0);
  for (std::size_t m = 0; m < measures.size(); ++m) {
    const auto& name = measures[m];
    const bool spend = name == "cost_programmes" || name == "cost_housing" || name == "cost_employment_incentives";
    const bool saving = name.rfind("cost_", 0) == 0 && !spend;
    for (int r = 0; r < reps; ++r) {
      const double d = alt[r * dims[1] + m] - base[r * dims[1] + m];
      if (spend) cost[r] += d;
      if (saving) benefit[r] -= d;
    }
  }
  double mc = 0, mb = 0;
  for (int r = 0; r < reps; ++r) {
    mc += cost[r] / reps;
    mb += benefit[r] / reps;
  }
  CHECK(t.cost_per_participant.mean == Approx(mc).epsilon(1e-9));
  CHECK(t.public_benefit.mean + t.victim_benefit.mean == Approx(mb).epsilon(1e-9));
  REQUIRE(t.benefit_cost_ratio_defined());
  CHECK(t.benefit_cost_ratio.estimate == Approx(mb / mc).epsilon(1e-9));
  // The chance that benefits exceed costs is the t distribution of the net benefit's mean.
  std::vector<double> net(reps);
  double mean = 0, ss = 0;
  for (int r = 0; r < reps; ++r) mean += (net[r] = benefit[r] - cost[r]) / reps;
  for (int r = 0; r < reps; ++r) ss += (net[r] - mean) * (net[r] - mean);
  const double se = std::sqrt(ss / (reps - 1) / reps);
  const double p = boost::math::cdf(boost::math::students_t(reps - 1), mean / se);
  CHECK(t.chance_benefits_exceed_costs == Approx(p).epsilon(1e-9));
  // A bounded ratio interval above 1 means benefits exceed costs with a chance over 97.5%, and below 1 under 2.5%.
  if (t.benefit_cost_ratio.kind == pw::RatioInterval::Kind::Bounded) {
    if (t.benefit_cost_ratio.lo > 1) CHECK(t.chance_benefits_exceed_costs > 0.975);
    if (t.benefit_cost_ratio.hi < 1) CHECK(t.chance_benefits_exceed_costs < 0.025);
    CHECK(t.benefit_cost_ratio.lo <= t.benefit_cost_ratio.estimate);
    CHECK(t.benefit_cost_ratio.estimate <= t.benefit_cost_ratio.hi);
  }
  // The court's spending per participant is its weekly price times the weeks in it: between one week and
  // the court's full term (graduates; failures leave earlier).
  const auto loaded = pw::load_scenario(pwt::kSourceDir / "scenarios/problem-solving-courts.toml", {});
  const auto& court = loaded.params.justice.drug_court;
  CHECK(t.cost_per_participant.mean > court.cost_per_participant_week);
  CHECK(t.cost_per_participant.mean < court.cost_per_participant_week * (court.duration + 4));
}
