# The architecture's layers, checked from the include graph (CTest layers.include_graph):
#   sim/engine  (RNG, parallel ranges, parameter schema, numerical methods) includes only sim/engine;
#   models/     (behaviour) includes sim/engine and models;
#   sim/app     (runners, results files, command line) may include all three; nothing below includes it.
# Run: cmake -DSRC=<source dir> -P cmake/check_layers.cmake
set(violations "")
function(check_folder folder forbidden_regex)
  file(GLOB_RECURSE files "${SRC}/${folder}/*.hpp" "${SRC}/${folder}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
      if(line MATCHES "\"(${forbidden_regex})")
        file(RELATIVE_PATH rel "${SRC}" "${f}")
        list(APPEND violations "${rel}: ${line}")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()
check_folder(sim/engine "models/|sim/app/|viz/")
check_folder(models "sim/app/|viz/")
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "include graph breaks the layers (sim/engine < models < sim/app):\n  ${text}")
endif()
message(STATUS "include graph: sim/engine < models < sim/app holds")
