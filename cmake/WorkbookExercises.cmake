# SPDX-License-Identifier: MIT
# Graded exercises. exercises/NN_name/ is what a learner edits, solutions/NN_name/
# its completed twin, tests/exercises/NN_name_test.cpp the graded tests.
#
# WORKBOOK_TRACK picks what the graded tests grade:
#   exercises  the learner's files (label `exercises`; `ctest -L exercises` is the score)
#   solutions  the reference solutions (label `solutions`)
#   both       the project's own check: every solution passes (label `solutions`) and
#              every test of every untouched stub fails (label `stubs`, inverted)
set(WORKBOOK_TRACK "exercises" CACHE STRING "What the graded tests grade: exercises, solutions or both")
set_property(CACHE WORKBOOK_TRACK PROPERTY STRINGS exercises solutions both)
if(NOT WORKBOOK_TRACK MATCHES "^(exercises|solutions|both)$")
  message(FATAL_ERROR "WORKBOOK_TRACK is '${WORKBOOK_TRACK}'; use exercises, solutions or both")
endif()
if(NOT WORKBOOK_TRACK STREQUAL "exercises" AND NOT EXISTS ${PROJECT_SOURCE_DIR}/solutions)
  message(FATAL_ERROR "WORKBOOK_TRACK is '${WORKBOOK_TRACK}', but this repository has no solutions/ "
    "(it is a student repository): configure with `cmake --preset learner`")
endif()
set(WORKBOOK_EXERCISE_TIMEOUT 30 CACHE STRING "Seconds before ctest kills one graded test")

# Exercises the manifest marks "race_check" are graded once more under
# ThreadSanitizer, as `go test -race` would: their tests run against gort::race
# and fail on the first data race. Not in a build that sanitizes everything
# already: TSan cannot join ASan, and under TSan every graded test is one.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
  set(WORKBOOK_RACE_CHECK OFF)
else()
  set(WORKBOOK_RACE_CHECK ON)
endif()
set(GORT_RACE ${WORKBOOK_RACE_CHECK})

# workbook_exercises_from(manifest): workbook_exercise() for every exercise the
# manifest lists; CMake configures again when the manifest changes.
function(workbook_exercises_from manifest)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${manifest})
  file(READ ${manifest} json)
  string(JSON count LENGTH "${json}" exercises)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON number GET "${json}" exercises ${i} number)
    string(JSON name GET "${json}" exercises ${i} name)
    string(JSON race_check ERROR_VARIABLE no_race_check GET "${json}" exercises ${i} race_check)
    if(no_race_check)
      set(race_check OFF)
    endif()
    # "nats": true, an exercise whose tasks come over NATS (gort::nats, and
    # a nats-server its tests start: tests/cluster/nats_server.hpp).
    string(JSON nats ERROR_VARIABLE no_nats GET "${json}" exercises ${i} nats)
    if(NOT no_nats AND nats)
      set_property(GLOBAL PROPERTY workbook_nats_${number}_${name} ON)
    endif()
    workbook_exercise(${number} ${name} ${race_check})
    # Another correct way to write it, graded by the same tests: grading must
    # not hold a learner to the reference solution's way.
    if(NOT WORKBOOK_TRACK STREQUAL "exercises"
       AND EXISTS ${PROJECT_SOURCE_DIR}/tests/exercises/alternatives/${number}_${name})
      workbook_exercise_track(${number} ${name} alternatives alternatives)
    endif()
  endforeach()
endfunction()

# workbook_exercise(NN name race_check): the exercise's graded tests, for the
# track(s) WORKBOOK_TRACK asks for, and their race check if race_check is on
# (not a ctest for the stubs: they fail without it).
function(workbook_exercise number name race_check)
  if(WORKBOOK_TRACK STREQUAL "exercises")
    set(track exercises)
    set(label exercises)
  else()
    set(track solutions)
    set(label solutions)
  endif()
  workbook_exercise_track(${number} ${name} ${track} ${label})
  if(race_check AND WORKBOOK_RACE_CHECK)
    workbook_exercise_race(${number} ${name} ${track} ${label})
  endif()
  if(WORKBOOK_TRACK STREQUAL "both")
    workbook_exercise_track(${number} ${name} exercises stubs)
    if(race_check AND WORKBOOK_RACE_CHECK)
      # Not a ctest (a stub fails without it), but `workbook check` builds it
      # when it grades the stub.
      workbook_exercise_binary(${number} ${name} exercises gort::race test)
      set_target_properties(${test} exercises_${number}_${name}_race PROPERTIES EXCLUDE_FROM_ALL ON)
    endif()
  endif()
endfunction()

# workbook_exercise_binary(NN name track runtime variable): the library built
# from <track>/NN_name/name.cpp (track exercises, solutions, or alternatives in
# tests/exercises/) on `runtime` (gort::gort or gort::race) and the graded
# test binary linked against it; its target's name goes in `variable`.
function(workbook_exercise_binary number name track runtime variable)
  set(exercise ${number}_${name})
  set(folder ${PROJECT_SOURCE_DIR}/${track}/${exercise})
  if(track STREQUAL "alternatives")
    set(folder ${PROJECT_SOURCE_DIR}/tests/exercises/alternatives/${exercise})
  endif()
  set(suffix "")
  set(support gort_test_support)
  if(runtime STREQUAL "gort::race")
    set(suffix _race)
    set(support gort_test_support_race)
  endif()
  set(library ${track}_${exercise}${suffix})
  add_library(${library} STATIC ${folder}/${name}.cpp)
  # One header per exercise, in exercises/, for the stub and the solution; a
  # solution's own folder comes first for the one exercise (08) whose header
  # is the learner's to write.
  target_include_directories(${library} PUBLIC ${folder} ${PROJECT_SOURCE_DIR}/exercises/${exercise})
  target_link_libraries(${library} PUBLIC ${runtime} workbook_todo)
  if(NOT track STREQUAL "exercises")
    workbook_warnings(${library})
  else()
    # A learner's work in progress warns but never fails the build.
    target_compile_options(${library} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  endif()

  set(test ${exercise}_${track}${suffix}_test)
  add_executable(${test} ${PROJECT_SOURCE_DIR}/tests/exercises/${exercise}_test.cpp)
  target_link_libraries(${test} PRIVATE ${library} ${support})
  target_include_directories(${test} PRIVATE ${PROJECT_SOURCE_DIR}/tests/exercises)
  get_property(nats GLOBAL PROPERTY workbook_nats_${exercise})
  if(nats)
    target_link_libraries(${library} PUBLIC gort::nats)
    target_include_directories(${test} PRIVATE ${PROJECT_SOURCE_DIR}/tests/cluster)
  endif()
  workbook_warnings(${test})
  # ENABLE_EXPORTS: -rdynamic, so leak reports name a goroutine's function (walk).
  set_target_properties(${test} PROPERTIES ENABLE_EXPORTS ON)
  set(${variable} ${test} PARENT_SCOPE)
endfunction()

# workbook_exercise_track(NN name exercises|solutions|alternatives label): the exercise's
# graded tests, one ctest each. Under the label `stubs`, each passes only if it fails.
function(workbook_exercise_track number name track label)
  set(exercise ${number}_${name})
  workbook_exercise_binary(${number} ${name} ${track} gort::gort test)
  set(will_fail FALSE)
  if(label STREQUAL "stubs")
    set(will_fail TRUE)  # an untouched stub must fail every graded test
  endif()
  gtest_discover_tests(${test}
    DISCOVERY_MODE PRE_TEST
    NO_PRETTY_VALUES
    TEST_PREFIX "${label}.${exercise}."
    PROPERTIES TIMEOUT ${WORKBOOK_EXERCISE_TIMEOUT} WILL_FAIL ${will_fail} LABELS ${label}
               # Passing needs GoogleTest's own word that the test ran and passed:
               # a solution that ends the process early (exit(0)) does not pass.
               PASS_REGULAR_EXPRESSION "\\[  PASSED  \\] 1 test\\.")
endfunction()

# workbook_exercise_race(NN name exercises|solutions label): one ctest,
# <label>.NN_name.race_detector, that runs all the exercise's graded tests under
# ThreadSanitizer and fails at the first data race, with TSan's report of the
# two accesses.
function(workbook_exercise_race number name track label)
  set(exercise ${number}_${name})
  workbook_exercise_binary(${number} ${name} ${track} gort::race test)
  set(ctest ${label}.${exercise}.race_detector)
  add_test(NAME ${ctest} COMMAND ${test})
  set_tests_properties(${ctest} PROPERTIES
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1"
    TIMEOUT ${WORKBOOK_EXERCISE_TIMEOUT}
    LABELS ${label}
    PASS_REGULAR_EXPRESSION "\\[  PASSED  \\] [1-9][0-9]* tests?\\."
    FAIL_REGULAR_EXPRESSION "ThreadSanitizer|\\[  FAILED  \\]|\\[  SKIPPED \\]")
endfunction()
