// One writer per output (issue 18, item 4): a second process writing the same
// -o is refused with exit 2 naming the holder, for run, compare, sweep and
// calibrate; two runs started together never corrupt the file; partial files
// are per process and those of killed writers are cleared.
#include <unistd.h>

#include <filesystem>

#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/output_lock.hpp"
#include "sim/app/io/results_check.hpp"
#include "tests/cli_support.hpp"

using Catch::Matchers::Contains;
using pwt::quote;
using pwt::run_cli;

namespace {
bool has_name_containing(const std::filesystem::path& dir, const std::string& part) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().find(part) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("output lock: a second holder is refused; the lock file goes with the holder; stale parts are cleared",
          "[io][faults][lock]") {
  pwt::TempDir dir("lock-unit");
  const auto out = dir / "sub" / "x.h5";
  {
    const pw::OutputLock held(out);
    CHECK(std::filesystem::exists(dir / "sub" / "x.h5.lock"));
    CHECK_THROWS_AS(pw::OutputLock(out), pw::InputProblem);
    CHECK_THROWS_WITH(pw::OutputLock(out), Contains("pid " + std::to_string(::getpid())) && Contains(out.string()));
    CHECK_NOTHROW(pw::OutputLock(dir / "sub" / "other.h5"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "sub" / "x.h5.lock"));
  dir.write("sub/x.h5.part.99999999", "left by a killed writer");
  dir.write("sub/x.h5.part", "left by an older version");
  dir.write("sub/x.h5.partial-notes.txt", "not ours");
  { const pw::OutputLock again(out); }
  CHECK_FALSE(std::filesystem::exists(dir / "sub" / "x.h5.part.99999999"));
  CHECK_FALSE(std::filesystem::exists(dir / "sub" / "x.h5.part"));
  CHECK(std::filesystem::exists(dir / "sub" / "x.h5.partial-notes.txt"));
  CHECK(pw::partial_file(out).string() == out.string() + ".part." + std::to_string(::getpid()));
}

TEST_CASE("output lock: run, compare, sweep and calibrate refuse an output another process is writing",
          "[io][faults][lock][cli]") {
  pwt::TempDir dir("lock-cli");
  const auto spec = dir.write(
      "cal.toml",
      "scenario = \"" + (pwt::kSourceDir / "scenarios/baseline.toml").string() +
          "\"\nparticles = 4\ngenerations = 1\npeople = 200\nweeks = 52\n"
          "[[targets]]\nfile = \"" +
          (pwt::kSourceDir / "data/calibration/other-targets.csv").string() +
          "\"\nrows = [\"employed_at_month_8\"]\n[[parameter]]\npath = \"labour.search.rate\"\nlo = 0.02\nhi = 0.9\n");
  const auto out = dir / "busy.h5";
  const std::string earlier = "an earlier file that must stay";
  dir.write("busy.h5", earlier);
  for (const std::string& cmd : std::vector<std::string>{
           "run scenarios/baseline.toml --people 200 --weeks 8",
           "compare scenarios/baseline.toml "
           "scenarios/housing-first.toml --people 200 --weeks 8",
           "sweep scenarios/sweeps/courts-grid.toml --people 200 --weeks 8", "calibrate " + quote(spec.string())}) {
    INFO(cmd);
    const pw::OutputLock held(out);                                          // as another process would hold it
    const std::string restart = cmd.starts_with("run") ? "" : " --restart";  // past the replace check, to the lock
    const auto r = run_cli(dir, cmd + " -q" + restart + " -o " + quote(out.string()));
    INFO(r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains(out.string()) && Contains("another pathways process (pid " +
                                                            std::to_string(::getpid()) + ") is writing this output"));
    CHECK(pwt::read_text(out) == earlier);
    CHECK_FALSE(std::filesystem::exists(dir / "busy.h5.tasks"));
  }
  const auto r = run_cli(dir, "run scenarios/baseline.toml --people 200 --weeks 8 -q -o " + quote(out.string()));
  CHECK(r.code == 0);
  CHECK_NOTHROW(pw::check_results_file(out, "run"));
  CHECK_FALSE(has_name_containing(dir.path(), ".lock"));
  CHECK_FALSE(has_name_containing(dir.path(), ".part"));
}

TEST_CASE("output lock: two runs started together on one -o: one file, complete, and no .part left",
          "[io][faults][lock][cli]") {
  pwt::TempDir dir("lock-race");
  const auto out = dir / "same.h5";
  const std::string run =
      quote(PATHWAYS_CLI) + " run scenarios/baseline.toml --people 4000 --weeks 52 -q -o " + quote(out.string());
  for (int trial = 0; trial < 3; ++trial) {
    INFO("trial " << trial);
    const std::string both = "(" + run + " > " + quote((dir / "a.txt").string()) + " 2>&1; echo $? > " +
                             quote((dir / "a.rc").string()) + ") & (" + run + " > " + quote((dir / "b.txt").string()) +
                             " 2>&1; echo $? > " + quote((dir / "b.rc").string()) + ") & wait";
    const auto r = pwt::run_command(dir, "", "--version > /dev/null; " + both);
    REQUIRE(r.code == 0);
    const int a = std::stoi(pwt::read_text(dir / "a.rc")), b = std::stoi(pwt::read_text(dir / "b.rc"));
    INFO(pwt::read_text(dir / "a.txt") << pwt::read_text(dir / "b.txt"));
    CHECK((a == 0 || a == 2));
    CHECK((b == 0 || b == 2));
    CHECK((a == 0 || b == 0));
    for (const auto& [rc, text] : {std::pair{a, dir / "a.txt"}, std::pair{b, dir / "b.txt"}}) {
      if (rc == 2) CHECK_THAT(pwt::read_text(text), Contains("another pathways process"));
    }
    CHECK_NOTHROW(pw::check_results_file(out, "run"));
    CHECK_FALSE(has_name_containing(dir.path(), ".part"));
    CHECK_FALSE(has_name_containing(dir.path(), ".lock"));
  }
}
