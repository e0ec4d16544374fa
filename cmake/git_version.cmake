# Runs at every build (cmake -P, from the pathways_git_version target in
# sim/CMakeLists.txt): writes OUT, a header defining PATHWAYS_GIT_COMMIT as the
# commit the sources were built from. When the code (sim, models, viz, bench,
# CMake files) differs from that commit, "-dirty-" and a hash of the difference
# are appended, so results files and experiment journals never claim a commit
# their program was not built from. OUT is rewritten only when its text
# changes, so an unchanged tree recompiles nothing.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY "${SRC}" OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE rc ERROR_QUIET)
if(NOT rc EQUAL 0 OR NOT commit)
  set(commit "unknown")
else()
  execute_process(COMMAND git diff HEAD --no-ext-diff -- sim models viz bench cmake CMakeLists.txt CMakePresets.json
    WORKING_DIRECTORY "${SRC}" OUTPUT_VARIABLE diff ERROR_QUIET)
  if(diff)
    string(SHA1 digest "${diff}")
    string(SUBSTRING "${digest}" 0 8 digest)
    set(commit "${commit}-dirty-${digest}")
  endif()
endif()
set(text "// Generated at build time by cmake/git_version.cmake; do not edit.\n#pragma once\n#define PATHWAYS_GIT_COMMIT \"${commit}\"\n")
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
