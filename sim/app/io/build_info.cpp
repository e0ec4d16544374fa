// program_version() and git_commit() (declared in results_file.hpp): what built
// this program, recorded in every results file and experiment journal. The
// commit comes from a header generated at each build (cmake/git_version.cmake),
// so only this file recompiles when it changes.
#include <string>

#include "pathways_git_version.hpp"
#include "sim/app/io/results_file.hpp"

#ifndef PATHWAYS_VERSION
#define PATHWAYS_VERSION "unknown"
#endif

namespace pw {

std::string program_version() { return PATHWAYS_VERSION; }
std::string git_commit() { return PATHWAYS_GIT_COMMIT; }

}  // namespace pw
