// models/reporting/person_table: the participation columns agree with the
// models' own weekly counts (programme enrolments and completions, court
// admissions, transitional-job, voucher and mentor weeks), and each person's
// start, end and completion are consistent with one another.
#include <map>
#include <string>

#include "models/reporting/person_table.hpp"
#include "tests/sim_support.hpp"

using pw::WeekCounts;
using pwt::Run;

namespace {
std::map<std::string, std::vector<std::int32_t>> int_columns(const pw::Simulation& sim) {
  std::map<std::string, std::vector<std::int32_t>> out;
  for (auto& c : pw::person_table(sim)) {
    if (const auto* v = std::get_if<std::vector<std::int32_t>>(&c.values)) out[c.name] = *v;
  }
  return out;
}
std::int64_t count_if_at_least(const std::vector<std::int32_t>& v, int lo) {
  std::int64_t n = 0;
  for (const auto x : v) n += x >= lo;
  return n;
}
}  // namespace

TEST_CASE("person table: participation columns match the weekly counts and are consistent per person",
          "[reporting][programmes]") {
  auto p = pwt::small_params(5000, 40, 4242);
  pw::ProgrammeSpec tj = pw::with_defaults<pw::ProgrammeSpec>();
  tj.name = "jobs";
  tj.kind = "transitional_jobs";
  tj.phase = "post_release";
  tj.places_per_1000 = pwt::per_1000(200, 5000);
  tj.duration = 8;
  tj.uptake = 0.8;
  p.programmes.push_back(tj);
  pw::ProgrammeSpec cbt = pw::with_defaults<pw::ProgrammeSpec>();
  cbt.name = "cbt";
  cbt.kind = "cbt";
  cbt.phase = "pre_release";
  cbt.places_per_1000 = pwt::per_1000(100, 5000);
  cbt.duration = 12;
  p.programmes.push_back(cbt);
  p.justice.drug_court.places_per_1000 = pwt::per_1000(150, 5000);
  p.housing.stocks.vouchers_per_1000 = 40;
  p.network.mentors.volunteers_per_1000 = 40;
  Run r(p);
  r.run();
  const auto& sim = r.sim;
  const auto col = int_columns(sim);

  // Post-release programme: starts and completions add up to the weekly counts.
  std::int64_t enrolled = 0, completed = 0, dropped = 0;
  for (const auto& w : sim.programme_weekly()) {
    enrolled += w.by_programme[0].enrolled;
    completed += w.by_programme[0].completed;
    dropped += w.by_programme[0].dropped;
  }
  const auto& start = col.at("programme[jobs].start_week");
  const auto& end = col.at("programme[jobs].end_week");
  const auto& done = col.at("programme[jobs].completed");
  const auto& status = col.at("programme[jobs].status");
  REQUIRE(enrolled > 100);
  // A place allocated in the last week starts after the horizon: counted as enrolled, not yet started.
  CHECK(count_if_at_least(start, 0) <= enrolled);
  CHECK(count_if_at_least(start, 0) >= enrolled - 200);
  CHECK(count_if_at_least(end, 0) == completed + dropped);
  CHECK(count_if_at_least(done, 1) == completed);
  for (std::size_t i = 0; i < start.size(); ++i) {
    if (end[i] >= 0) REQUIRE(end[i] >= start[i]);
    if (end[i] >= 0) REQUIRE(start[i] >= 0);
    REQUIRE((done[i] == 1) == (status[i] == static_cast<int>(pw::ProgrammeStatus::Completed)));
  }
  // Transitional jobs are worked exactly by the programme's participants.
  const auto& tj_first = col.at("first_transitional_job_week");
  const auto& tj_weeks = col.at("weeks_transitional_job");
  std::int64_t weeks = 0;
  for (std::size_t i = 0; i < tj_first.size(); ++i) {
    weeks += tj_weeks[i];
    if (tj_first[i] >= 0) REQUIRE(tj_first[i] >= start[i]);
    if (tj_first[i] >= 0) REQUIRE(start[i] >= 0);
  }
  CHECK(weeks == r.total(&WeekCounts::in_transitional_jobs));

  // Pre-release programme: dated before release, ending at release.
  std::int64_t pre = 0;
  const auto& pre_start = col.at("programme[cbt].start_week");
  const auto& pre_end = col.at("programme[cbt].end_week");
  for (std::size_t i = 0; i < pre_start.size(); ++i) {
    if (pre_end[i] == 0) {
      ++pre;
      REQUIRE(pre_start[i] == -12);
    }
  }
  CHECK(pre == sim.programmes().pre_release()[1].enrolled);

  // Drug court: a first admission for at most every admission; graduates have ended.
  const auto& dc_start = col.at("drug_court_start_week");
  const auto& dc_end = col.at("drug_court_end_week");
  const auto& dc_grad = col.at("drug_court_graduated");
  const auto admitted = count_if_at_least(dc_start, 0);
  CHECK(admitted > 20);
  CHECK(admitted <= r.total(&WeekCounts::drug_court_admissions));
  CHECK(count_if_at_least(dc_grad, 1) <= r.total(&WeekCounts::court_graduations));
  for (std::size_t i = 0; i < dc_start.size(); ++i) {
    if (dc_grad[i] == 1) REQUIRE(dc_end[i] >= 0);
    if (dc_end[i] >= 0) REQUIRE(dc_end[i] >= dc_start[i]);
  }

  // Vouchers and mentors: the first weeks count the people the models placed.
  CHECK(count_if_at_least(col.at("first_voucher_week"), 0) > 0);
  CHECK(count_if_at_least(col.at("first_voucher_week"), 0) <= r.total(&WeekCounts::vouchers_issued));
  CHECK(count_if_at_least(col.at("mentor_start_week"), 0) == r.total(&WeekCounts::mentor_matches));
  CHECK(count_if_at_least(col.at("mentor_start_week"), 0) == count_if_at_least(col.at("ever_mentored"), 1));
}
