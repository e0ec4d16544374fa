// The viewer's replay on damaged and foreign results files (issue 18, item 3):
// read_results_file throws a message naming the file and what is wrong (the
// viewer prints it and exits 2), never a crash or an HDF5 exception.
#include <catch2/catch.hpp>

#include "tests/damaged_results.hpp"
#include "viz/replay_reader.hpp"

TEST_CASE("viewer replay: a damaged results file is an error naming the file and the problem", "[viz][errors]") {
  pwt::TempDir dir("replay-input");
  for (const auto& d : pwt::damaged_files(dir)) {
    INFO(d.name);
    if (d.name == "a sweep") {
      CHECK(pw::viz::read_results_file(d.file).size() == 3);  // 3 points, one run each
      continue;
    }
    CHECK_THROWS_WITH(pw::viz::read_results_file(d.file), Catch::Contains(d.file.string()) && Catch::Contains(d.what));
  }
}
