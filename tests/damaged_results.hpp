// Damaged and foreign results files for the tests of results files given as
// input (tests/io/test_results_input.cpp, tests/viz/test_replay_input.cpp):
// made in a test's folder from a small `pathways run` and a 3-point `pathways sweep`.
#pragma once

#include <H5Cpp.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/cli_support.hpp"

namespace pwt {

struct Damaged {
  std::string name;
  std::filesystem::path file;
  std::string what;  // in the message
};

// A good run file and a sweep in `dir`, and the damaged files made from them.
inline std::vector<Damaged> damaged_files(const pwt::TempDir& dir) {
  const auto good = dir / "good.h5";
  auto r = run_cli(dir, "run scenarios/baseline.toml --people 300 --weeks 26 --reps 2 -q -o " + quote(good.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  const auto sweep = dir / "sweep.h5";
  const auto spec =
      dir.write("sweep.toml", "name = \"tiny\"\nscenario = \"" + (kSourceDir / "scenarios/baseline.toml").string() +
                                  "\"\ndesign = \"grid\"\nreplicates = 1\npeople = 200\nweeks = 52\n"
                                  "outputs = [\"arrest.all.y1\"]\n[[parameter]]\n"
                                  "path = \"justice.courts.conviction_probability\"\nlo = 0.4\nhi = 0.7\n"
                                  "levels = 3\n");
  r = run_cli(dir, "sweep " + quote(spec.string()) + " -q -o " + quote(sweep.string()));
  INFO(r.output);
  REQUIRE(r.code == 0);
  std::vector<Damaged> out;
  out.push_back({"empty", dir.write("empty.h5", ""), "the file is empty"});
  out.push_back({"not HDF5", dir.write("text.h5", "name,value\nx,1\n"), "not an HDF5 file"});
  const auto truncated = dir / "truncated.h5";
  {
    std::ifstream in(good, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream o(truncated, std::ios::binary);
    o.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  out.push_back({"truncated", truncated, "truncated"});
  const auto deleted = dir / "deleted.h5";
  std::filesystem::copy_file(good, deleted);
  {
    const H5::H5File f(deleted.string(), H5F_ACC_RDWR);
    REQUIRE(H5Ldelete(f.getId(), "/scenarios/baseline/weekly/arrests", H5P_DEFAULT) >= 0);
  }
  out.push_back({"dataset deleted", deleted, "/scenarios/baseline/weekly/arrests is missing"});
  out.push_back({"a sweep", sweep, "sweep"});
  return out;
}

}  // namespace pwt
