// Results files given as input (issue 18, item 3): inspect, report, compare's
// output and journal, and the viewer's replay on an empty file, a non-HDF5
// file, a truncated file, a file with one dataset deleted and a file of
// another kind: exit code 2 and a message naming the file and what is wrong,
// never a crash, an HDF5 exception or a Python traceback.
#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/results_check.hpp"
#include "tests/cli_support.hpp"
#include "tests/damaged_results.hpp"

using Catch::Matchers::Contains;
using pwt::quote;
using pwt::run_cli;

namespace {

using pwt::damaged_files;

const std::string kCompare =
    "compare scenarios/baseline.toml scenarios/rnr-treatment.toml --people 300 --weeks 26 "
    "--reps 2 -q";

}  // namespace

TEST_CASE("results input: inspect, inspect --json and report exit 2 naming the file and what is wrong",
          "[io][results][errors][cli]") {
  pwt::TempDir dir("results-input");
  for (const auto& d : damaged_files(dir)) {
    if (d.name == "a sweep") continue;  // a sweep is a valid input to inspect and report
    for (const std::string cmd : {"inspect", "inspect --json", "report"}) {
      INFO(cmd << " on " << d.name);
      const std::string out = cmd == "report" ? " -o " + quote((dir / "rep").string()) : "";
      const auto r = run_cli(dir, cmd + " " + quote(d.file.string()) + out);
      INFO(r.output);
      CHECK(r.code == 2);
      CHECK_THAT(r.output, Contains(d.file.string()) && Contains(d.what));
      CHECK_THAT(r.output, !Contains("Traceback") && !Contains("terminate") && !Contains("H5Dopen2 failed"));
    }
  }
}

TEST_CASE("results input: check_results_file names the problem and refuses a file of another kind",
          "[io][results][errors]") {
  pwt::TempDir dir("results-check");
  for (const auto& d : damaged_files(dir)) {
    INFO(d.name);
    if (d.name == "a sweep") {
      CHECK(pw::results_file_kind(d.file) == "sweep");
      CHECK_THROWS_WITH(pw::check_results_file(d.file, "compare"),
                        Contains(d.file.string()) && Contains("a sweep experiment file, not a compare"));
      continue;
    }
    CHECK_THROWS_AS(pw::check_results_file(d.file), pw::ResultsFileError);
    CHECK_THROWS_WITH(pw::check_results_file(d.file), Contains(d.file.string()) && Contains(d.what));
  }
  CHECK_THROWS_WITH(pw::check_results_file(dir / "nope.h5"), Contains("missing file"));
  CHECK_NOTHROW(pw::check_results_file(dir / "good.h5", "run"));
}

TEST_CASE("results input: compare refuses to replace a damaged or foreign output unless --restart",
          "[io][results][errors][compare]") {
  pwt::TempDir dir("results-compare-output");
  for (const auto& d : damaged_files(dir)) {
    INFO(d.name);
    const auto before = std::filesystem::file_size(d.file);
    auto r = run_cli(dir, kCompare + " -o " + quote(d.file.string()));
    INFO(r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Contains(d.file.string()) && Contains(d.what) && Contains("--restart"));
    CHECK(std::filesystem::file_size(d.file) == before);  // untouched
    r = run_cli(dir, kCompare + " --restart -o " + quote(d.file.string()));
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK(pw::results_file_kind(d.file) == "compare");
  }
}

TEST_CASE("results input: a damaged task file in a compare journal is named, and --restart recovers",
          "[io][results][errors][compare][resume]") {
  pwt::TempDir dir("results-journal");
  const auto out = dir / "c.h5";
  auto r = run_cli(dir, kCompare + " --stop-after 2 -o " + quote(out.string()));
  REQUIRE(r.code == 75);
  const auto task = dir / "c.h5.tasks" / "task_0.h5";
  REQUIRE(std::filesystem::exists(task));
  std::filesystem::resize_file(task, 1000);
  r = run_cli(dir, kCompare + " -o " + quote(out.string()));
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Contains(task.string()) && Contains("truncated") && Contains("--restart"));
  CHECK_FALSE(std::filesystem::exists(out));
  r = run_cli(dir, kCompare + " --restart -o " + quote(out.string()));
  INFO(r.output);
  CHECK(r.code == 0);
  CHECK(pw::results_file_kind(out) == "compare");
}
