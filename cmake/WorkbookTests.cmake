# SPDX-License-Identifier: MIT
# Helpers for the project's tests; every test gets a timeout, so none can hang.
include(GoogleTest)

set(WORKBOOK_TEST_TIMEOUT 120 CACHE STRING "Seconds before ctest kills one test")

# workbook_gtest(name LABEL label SOURCES files... [LIBRARIES libs...]
# [SERIAL]): a GoogleTest binary whose tests ctest lists one by one. SERIAL
# runs them with no other test beside them: for tests whose threads must
# take turns on the cores, which another test's threads would slow a
# hundredfold.
function(workbook_gtest name)
  cmake_parse_arguments(ARG "SERIAL" "LABEL" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE gort_test_support ${ARG_LIBRARIES})
  workbook_warnings(${name})
  set(serial FALSE)
  if(ARG_SERIAL)
    set(serial TRUE)
  endif()
  gtest_discover_tests(${name}
    DISCOVERY_MODE PRE_TEST
    NO_PRETTY_VALUES
    PROPERTIES TIMEOUT ${WORKBOOK_TEST_TIMEOUT} LABELS ${ARG_LABEL} RUN_SERIAL ${serial})
endfunction()

# workbook_test(name LABEL label COMMAND command...): a plain ctest command.
function(workbook_test name)
  cmake_parse_arguments(ARG "" "LABEL" "COMMAND" ${ARGN})
  add_test(NAME ${name} COMMAND ${ARG_COMMAND})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${WORKBOOK_TEST_TIMEOUT} LABELS ${ARG_LABEL})
endfunction()
