# SPDX-License-Identifier: MIT
# workbook_example(NN name): the example program chapters/<chapter>/NN_name/main.cpp,
# built as build/bin/NN_name. Its Go twin main.go sits beside it.
find_package(CLI11 CONFIG REQUIRED)

function(workbook_example number name)
  set(target ${number}_${name})
  add_executable(${target} ${target}/main.cpp)
  target_link_libraries(${target} PRIVATE gort::gort CLI11::CLI11 workbook_go_flags)
  workbook_warnings(${target})
  # ENABLE_EXPORTS: -rdynamic, so traces and dumps can name a goroutine's function.
  set_target_properties(${target} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin
    ENABLE_EXPORTS ON)
endfunction()

# workbook_chapter_test(chapterN source): the GoogleTest file that runs this
# chapter's examples; labelled chapterN and examples.
function(workbook_chapter_test label source)
  set_property(DIRECTORY PROPERTY LABELS ${label} examples)
  workbook_gtest(${label}_examples_test LABEL ${label} SOURCES ${source})
  target_compile_definitions(${label}_examples_test PRIVATE
    EXAMPLES_BIN_DIR="${PROJECT_BINARY_DIR}/bin"
    CHAPTERS_DIR="${PROJECT_SOURCE_DIR}/chapters")
endfunction()

# workbook_std_twin(NN name): chapters/<chapter>/NN_name/std.cpp, the same
# program on the C++ standard library's threads alone, without gort, built as
# build/bin/NN_name_std.
find_package(Threads REQUIRED)
function(workbook_std_twin number name)
  set(target ${number}_${name}_std)
  add_executable(${target} ${number}_${name}/std.cpp)
  target_link_libraries(${target} PRIVATE CLI11::CLI11 Threads::Threads)
  workbook_warnings(${target})
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
endfunction()
