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
    workbook_exercise(${number} ${name})
  endforeach()
endfunction()

# workbook_exercise(NN name): the exercise's graded tests, for the track(s)
# WORKBOOK_TRACK asks for.
function(workbook_exercise number name)
  if(WORKBOOK_TRACK STREQUAL "exercises")
    workbook_exercise_track(${number} ${name} exercises exercises)
  elseif(WORKBOOK_TRACK STREQUAL "solutions")
    workbook_exercise_track(${number} ${name} solutions solutions)
  else()
    workbook_exercise_track(${number} ${name} solutions solutions)
    workbook_exercise_track(${number} ${name} exercises stubs)
  endif()
endfunction()

# workbook_exercise_track(NN name exercises|solutions label): the library built
# from <track>/NN_name/name.cpp and the graded test binary linked against it.
# Under the label `stubs`, each test passes only if it fails.
function(workbook_exercise_track number name track label)
  set(exercise ${number}_${name})
  set(library ${track}_${exercise})
  add_library(${library} STATIC ${PROJECT_SOURCE_DIR}/${track}/${exercise}/${name}.cpp)
  # One header per exercise, in exercises/, for the stub and the solution; a
  # solution's own folder comes first for the one exercise (08) whose header
  # is the learner's to write.
  target_include_directories(${library} PUBLIC ${PROJECT_SOURCE_DIR}/${track}/${exercise}
                                               ${PROJECT_SOURCE_DIR}/exercises/${exercise})
  target_link_libraries(${library} PUBLIC gort::gort workbook_todo)
  if(track STREQUAL "solutions")
    workbook_warnings(${library})
  else()
    # A learner's work in progress warns but never fails the build.
    target_compile_options(${library} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  endif()

  set(test ${exercise}_${track}_test)
  add_executable(${test} ${PROJECT_SOURCE_DIR}/tests/exercises/${exercise}_test.cpp)
  target_link_libraries(${test} PRIVATE ${library} gort_test_support)
  target_include_directories(${test} PRIVATE ${PROJECT_SOURCE_DIR}/tests/exercises)
  workbook_warnings(${test})
  # ENABLE_EXPORTS: -rdynamic, so leak reports name a goroutine's function (walk).
  set_target_properties(${test} PROPERTIES ENABLE_EXPORTS ON)
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
