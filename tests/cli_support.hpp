// Runs the `pathways` binary (or mpirun around it) from the source directory
// and captures its exit code and output, for tests of the command line.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "tests/test_support.hpp"

#ifndef PATHWAYS_CLI
#error "PATHWAYS_CLI must be defined by tests/CMakeLists.txt"
#endif

namespace pwt {

struct CliResult {
  int code = -1;
  std::string output;  // stdout and stderr
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// `prefix` goes before the binary (e.g. "mpirun -n 2").
// Under the sanitizers, OpenMPI's own allocations (its dlopened components
// never free them) would fail every run under mpirun as leaks, so leak
// detection is off for those runs only; every other test still checks leaks.
inline CliResult run_command(const TempDir& dir, const std::string& prefix, const std::string& args) {
  const auto out = dir / "cli-output.txt";
  const bool mpi = prefix.rfind("mpirun", 0) == 0;
  const std::string env = kSanitize && mpi ? "ASAN_OPTIONS=detect_leaks=0 " : "";
  const std::string cmd = "cd " + quote(kSourceDir.string()) + " && " + env + prefix + (prefix.empty() ? "" : " ") +
                          quote(PATHWAYS_CLI) + " " + args + " > " + quote(out.string()) + " 2>&1";
  const int status = std::system(cmd.c_str());
  CliResult r;
  REQUIRE(status != -1);
  REQUIRE(WIFEXITED(status));
  r.code = WEXITSTATUS(status);
  r.output = read_text(out);
  return r;
}

inline CliResult run_cli(const TempDir& dir, const std::string& args) { return run_command(dir, "", args); }

}  // namespace pwt
