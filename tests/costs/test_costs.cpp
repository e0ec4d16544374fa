// models/costs: weekly public and victim costs from the weekly counts, their
// Money parameters, the HDF5 series and the `inspect --json` costs object.
#include <H5Cpp.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "models/costs/costs.hpp"
#include "sim/app/experiment/run_scenario.hpp"
#include "sim/app/io/h5_util.hpp"
#include "sim/app/io/summary.hpp"
#include "sim/engine/params/param_values.hpp"
#include "tests/sim_support.hpp"

namespace {

// Round unit prices that make hand computation easy.
pw::CostParams round_prices() {
  pw::CostParams p;
  p.prison_bed_week = 800;
  p.jail_bed_week = 700;
  p.supervision_standard_week = 70;
  p.supervision_intensive_week = 200;
  p.courts_per_arrest = 3000;
  p.victim_violent = 100000;
  p.victim_property = 2000;
  p.victim_drug = 10;
  p.victim_public_order = 1;
  return p;
}

// Three weeks of a cohort of 10.
std::vector<pw::WeekCounts> tiny_weeks() {
  std::vector<pw::WeekCounts> w(3);
  w[0].in_community = 10;
  w[0].on_standard_supervision = 4;
  w[0].on_intensive_supervision = 1;
  w[0].offences = w[0].offences_property = 3;
  w[0].offences_undetected = 3;

  w[1].in_community = 8;
  w[1].in_jail = 1;
  w[1].in_prison = 1;
  w[1].on_standard_supervision = 3;
  w[1].on_intensive_supervision = 1;
  w[1].offences_violent = 1;
  w[1].offences_property = 2;
  w[1].offences_drug = 4;
  w[1].offences_public_order = 5;
  w[1].offences = 12;
  w[1].offences_undetected = 10;
  w[1].arrests = 2;

  w[2].in_community = 7;
  w[2].in_prison = 3;
  w[2].on_standard_supervision = 2;
  return w;
}

void check_identity(const pw::CostSeries& c, std::size_t weeks) {
  REQUIRE(c.weeks() == weeks);
  for (const auto& s : c.weekly) REQUIRE(s.size() == weeks);
  for (std::size_t t = 0; t < weeks; ++t) {
    double sum = 0;
    for (const auto& s : c.weekly) sum += s[t];
    INFO("week " << t);
    CHECK(c.total[t] == Approx(sum).epsilon(1e-14));
  }
  double sum_categories = 0;
  for (std::size_t k = 0; k < pw::kCostCategories.size(); ++k) sum_categories += c.sum(k);
  CHECK(c.sum_total() == Approx(sum_categories).epsilon(1e-12));
}

std::filesystem::path write_scenario(const pwt::TempDir& dir, const std::string& name, int people, int weeks,
                                     int reps) {
  return dir.write(name + ".toml", "name = \"" + name + "\"\ndescription = \"costs test\"\n[simulation]\npeople = " +
                                       std::to_string(people) + "\nhorizon = \"" + std::to_string(weeks) +
                                       "w\"\nreplicates = " + std::to_string(reps) +
                                       "\nseed = 777\n[population]\nprofile_file = \"" + pwt::kProfilePath + "\"\n");
}

}  // namespace

TEST_CASE("costs: hand-computed values for a tiny synthetic cohort", "[costs]") {
  const auto c = pw::compute_costs(tiny_weeks(), round_prices());
  check_identity(c, 3);
  using pw::kCostPrison, pw::kCostJail, pw::kCostSupervision, pw::kCostCourts, pw::kCostVictim, pw::kCostProgrammes;
  // Week 0: 4 standard + 1 intensive supervision; 3 property offences.
  CHECK(c.weekly[kCostPrison][0] == 0.0);
  CHECK(c.weekly[kCostSupervision][0] == Approx(4 * 70 + 1 * 200));
  CHECK(c.weekly[kCostVictim][0] == Approx(3 * 2000));
  CHECK(c.total[0] == Approx(480 + 6000));
  // Week 1: 1 in prison, 1 in jail, 3 + 1 supervised, 2 arrests, offences 1/2/4/5 by type.
  CHECK(c.weekly[kCostPrison][1] == Approx(800));
  CHECK(c.weekly[kCostJail][1] == Approx(700));
  CHECK(c.weekly[kCostSupervision][1] == Approx(3 * 70 + 200));
  CHECK(c.weekly[kCostCourts][1] == Approx(2 * 3000));
  CHECK(c.weekly[kCostVictim][1] == Approx(100000 + 2 * 2000 + 4 * 10 + 5 * 1));
  CHECK(c.total[1] == Approx(800 + 700 + 410 + 6000 + 104045));
  // Week 2: 3 in prison, 2 on standard supervision.
  CHECK(c.weekly[kCostPrison][2] == Approx(2400));
  CHECK(c.weekly[kCostSupervision][2] == Approx(140));
  CHECK(c.total[2] == Approx(2540));
  // No programme costs passed: the category is zero.
  CHECK(c.sum(kCostProgrammes) == 0.0);
  CHECK(c.sum_total() == Approx(6480 + 111955 + 2540));
}

TEST_CASE("costs: programme costs are carried as given and enter the total", "[costs]") {
  const std::vector<double> prog = {10.0, 20.5, 0.0};
  const auto c = pw::compute_costs(tiny_weeks(), round_prices(), prog);
  check_identity(c, 3);
  for (std::size_t t = 0; t < 3; ++t) CHECK(c.weekly[pw::kCostProgrammes][t] == prog[t]);
  const auto without = pw::compute_costs(tiny_weeks(), round_prices());
  CHECK(c.sum_total() == Approx(without.sum_total() + 30.5));
  CHECK_THROWS_AS(pw::compute_costs(tiny_weeks(), round_prices(), {1.0}), std::invalid_argument);
}

TEST_CASE("costs: every category is named and described once", "[costs]") {
  std::set<std::string_view> names;
  for (const auto& c : pw::kCostCategories) {
    CHECK_FALSE(c.name.empty());
    CHECK_FALSE(c.description.empty());
    CHECK(names.insert(c.name).second);
  }
  CHECK_FALSE(names.count(pw::kCostTotalName));
  CHECK(pw::kCostCategories[pw::kCostPrison].name == "prison");
  CHECK(pw::kCostCategories[pw::kCostProgrammes].name == "programmes");
}

TEST_CASE("costs: a simulated cohort; total is the sum of the categories and prison is bed-weeks x price",
          "[costs][simulation]") {
  auto p = pwt::small_params(pwt::sized(4000, 1500), 104);
  pwt::Run run(p);
  run.run();
  const auto& weekly = run.sim.weekly();
  const auto c = pw::compute_costs(weekly, p.costs);
  check_identity(c, weekly.size());

  // Prison: bed-weeks x price, every week and in sum.
  const auto bed_weeks = run.total(&pw::WeekCounts::in_prison);
  REQUIRE(bed_weeks > 0);
  for (std::size_t t = 0; t < weekly.size(); ++t) {
    CHECK(c.weekly[pw::kCostPrison][t] == Approx(static_cast<double>(weekly[t].in_prison) * p.costs.prison_bed_week));
  }
  CHECK(c.sum(pw::kCostPrison) == Approx(static_cast<double>(bed_weeks) * p.costs.prison_bed_week).epsilon(1e-12));
  CHECK(c.sum(pw::kCostJail) ==
        Approx(static_cast<double>(run.total(&pw::WeekCounts::in_jail)) * p.costs.jail_bed_week).epsilon(1e-12));
  CHECK(c.sum(pw::kCostCourts) ==
        Approx(static_cast<double>(run.total(&pw::WeekCounts::arrests)) * p.costs.courts_per_arrest).epsilon(1e-12));
  // Victim costs price every offence, detected or not.
  REQUIRE(run.total(&pw::WeekCounts::offences_undetected) > 0);
  const auto n = [&](std::int64_t pw::WeekCounts::*f) { return static_cast<double>(run.total(f)); };
  CHECK(c.sum(pw::kCostVictim) == Approx(n(&pw::WeekCounts::offences_violent) * p.costs.victim_violent +
                                         n(&pw::WeekCounts::offences_property) * p.costs.victim_property +
                                         n(&pw::WeekCounts::offences_drug) * p.costs.victim_drug +
                                         n(&pw::WeekCounts::offences_public_order) * p.costs.victim_public_order)
                                      .epsilon(1e-12));
  // Every category is a cost except the taxes paid on earnings, which are entered as a negative cost.
  for (std::size_t k = 0; k < pw::kCostCategories.size(); ++k) {
    if (k == pw::kCostTaxes) {
      CHECK(c.sum(k) ==
            Approx(-p.costs.tax_rate_on_earnings * static_cast<double>(run.total(&pw::WeekCounts::formal_earnings_usd)))
                .epsilon(1e-12));
    } else {
      CHECK(c.sum(k) >= 0.0);
    }
  }

  // Doubling the prison price doubles the prison cost and nothing else.
  auto q = p.costs;
  q.prison_bed_week *= 2;
  const auto c2 = pw::compute_costs(weekly, q);
  CHECK(c2.sum(pw::kCostPrison) == Approx(2 * c.sum(pw::kCostPrison)));
  CHECK(c2.sum(pw::kCostVictim) == c.sum(pw::kCostVictim));
}

TEST_CASE("costs: offences with every victim cost at 0 cost victims nothing", "[costs][simulation]") {
  auto p = pwt::small_params(pwt::sized(3000, 1000), 52);
  pwt::set(p, {"costs.victim_violent=\"0 USD 2023\"", "costs.victim_property=\"0 USD 2010\"",
               "costs.victim_drug=\"0 USD 2023\"", "costs.victim_public_order=\"0 USD 2023\""});
  pwt::Run run(p);
  run.run();
  REQUIRE(run.total(&pw::WeekCounts::offences) > 0);
  REQUIRE(run.total(&pw::WeekCounts::offences_violent) > 0);
  const auto c = pw::compute_costs(run.sim.weekly(), p.costs);
  for (const double v : c.weekly[pw::kCostVictim]) CHECK(v == 0.0);
  CHECK(c.sum(pw::kCostVictim) == 0.0);
  CHECK(c.sum(pw::kCostPrison) > 0.0);
}

TEST_CASE("costs: Money defaults are written \"N USD 2023\" and read back to the default", "[costs][params]") {
  auto p = pw::with_defaults<pw::ModelParams>();
  const pw::ParamTable table(p);
  const pw::CostParams defaults = pw::with_defaults<pw::CostParams>();
  int money = 0;
  for (const auto& s : table.slots()) {
    if (!s.info.path.starts_with("costs.")) continue;
    INFO(s.info.path << " default " << s.info.default_text);
    if (s.info.path == "costs.tax_rate_on_earnings") continue;  // the one rate among the prices
    CHECK(s.info.unit == pw::Unit::Money);
    CHECK_FALSE(s.info.source.empty());
    ++money;
    const auto& d = s.info.default_text;
    REQUIRE(d.size() > 2);
    REQUIRE(d.front() == '"');
    REQUIRE(d.back() == '"');
    const std::string text = d.substr(1, d.size() - 2);
    CHECK(text.ends_with(" USD 2023"));
    double v = -1;
    std::string err;
    REQUIRE(pw::parse_money(text, v, err));
    // Setting the default text as an override reproduces the default exactly.
    auto q = pw::with_defaults<pw::ModelParams>();
    q.costs = pw::CostParams{};
    pwt::set(q, {s.info.path + "=" + d});
    const pw::ParamTable tq(q);
    CHECK(tq.find(s.info.path)->get() == d);
    CHECK(s.get() == d);
  }
  CHECK(money == 18);  // every price in CostParams
  CHECK(defaults.prison_bed_week == p.costs.prison_bed_week);
  double v = 0;
  std::string err;
  REQUIRE(pw::parse_money("820.36 USD 2023", v, err));
  CHECK(v == defaults.prison_bed_week);

  // A price in another year is converted with the CPI-U: the cited Vera figure per week.
  auto q = pw::with_defaults<pw::ModelParams>();
  pwt::set(q, {"costs.prison_bed_week=\"638.12 USD 2015\""});
  CHECK(q.costs.prison_bed_week == Approx(638.12 * 304.702 / 237.017));
  CHECK(q.costs.prison_bed_week == Approx(33274.0 / 365 * 7 * 304.702 / 237.017).epsilon(1e-4));
  CHECK_THROWS_AS(pwt::set(q, {"costs.prison_bed_week=820"}), pw::ScenarioError);
}

TEST_CASE("costs: the results file holds costs/<category> and the summary has the costs object", "[costs][io]") {
  pwt::TempDir dir("costs");
  const int people = pwt::sized(3000, 1000), weeks = 104, reps = 2;
  pw::RunOptions o;
  o.scenario = write_scenario(dir, "cost", people, weeks, reps);
  o.output = dir / "cost.h5";
  o.threads = 2;
  o.persons = pw::PersonsOutput::None;
  pw::run_scenario(o);

  // HDF5: one float64 [replicates x weeks] dataset per category and the total, with description and unit.
  H5::Exception::dontPrint();
  std::map<std::string, double> file_mean;  // mean over replicates of the sum over weeks
  {
    const H5::H5File f(o.output.string(), H5F_ACC_RDONLY);
    const auto cg = f.openGroup("/scenarios/cost/costs");
    CHECK(pw::h5::read_string_attr(cg, "currency") == "USD");
    CHECK(pw::h5::read_int_attr(cg, "price_year") == 2023);
    std::vector<std::string> names;
    for (const auto& c : pw::kCostCategories) names.emplace_back(c.name);
    names.emplace_back(pw::kCostTotalName);
    CHECK(cg.getNumObjs() == names.size());
    for (const auto& n : names) {
      INFO(n);
      REQUIRE(cg.nameExists(n));
      const auto ds = cg.openDataSet(n);
      CHECK(ds.getDataType() == H5::PredType::IEEE_F64LE);
      CHECK_FALSE(pw::h5::read_string_attr(ds, "description").empty());
      CHECK(pw::h5::read_string_attr(ds, "unit") == "USD (2023 prices) per week");
      hsize_t rows = 0, cols = 0;
      const auto m = pw::h5::read_matrix_double(ds, rows, cols);
      CHECK(rows == static_cast<hsize_t>(reps));
      CHECK(cols == static_cast<hsize_t>(weeks));
      double s = 0;
      for (const double x : m) s += x;
      file_mean[n] = s / reps;
    }
  }
  // The file holds what compute_costs gives for each replicate.
  const auto params = pw::load_scenario(o.scenario, {}).params;
  double prison_mean = 0;
  for (int r = 0; r < reps; ++r) {
    pwt::Run run(params, static_cast<std::uint32_t>(r));
    run.run();
    prison_mean += pw::compute_costs(run.sim.weekly(), params.costs).sum(pw::kCostPrison) / reps;
  }
  CHECK(file_mean.at("prison") == Approx(prison_mean).epsilon(1e-12));

  // inspect --json: "costs" with every category and the total, currency and price year.
  const auto j = pw::summarise_results(o.output);
  const auto& s = j.at("scenarios").at("cost");
  for (const char* key : {"cumulative_pct", "description", "group_size_mean", "people", "reps", "seed", "weeks"}) {
    CHECK(s.contains(key));  // every earlier key stays
  }
  REQUIRE(s.contains("costs"));
  const auto& costs = s.at("costs");
  CHECK(costs.at("currency") == "USD");
  CHECK(costs.at("price_year") == 2023);
  CHECK(costs.size() == pw::kCostCategories.size() + 3);
  double sum = 0;
  for (const auto& c : pw::kCostCategories) {
    const std::string n(c.name);
    INFO(n);
    REQUIRE(costs.contains(n));
    const auto& e = costs.at(n);
    CHECK(e.size() == 2);
    CHECK(e.at("total_usd").get<double>() == Approx(file_mean.at(n)).epsilon(1e-12));
    CHECK(e.at("per_person_usd").get<double>() == Approx(file_mean.at(n) / people).epsilon(1e-12));
    sum += e.at("total_usd").get<double>();
  }
  const auto& total = costs.at("total");
  CHECK(total.at("total_usd").get<double>() == Approx(sum).epsilon(1e-12));
  CHECK(total.at("per_person_usd").get<double>() == Approx(sum / people).epsilon(1e-12));
  CHECK(costs.at("prison").at("total_usd").get<double>() > 0.0);
  CHECK(costs.at("programmes").at("total_usd").get<double>() == 0.0);
}
