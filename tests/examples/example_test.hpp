// SPDX-License-Identifier: MIT
// Helpers for the example programs' tests: run an example binary, read its
// expected output, and find Go for the Go twins.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace gort_test {

// run_example() runs build/bin/<binary> with args; a hung example fails
// after the timeout instead of hanging the suite.
inline child_result run_example(const std::string& binary, const std::vector<std::string>& args = {},
                                std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
  return run_child(std::string(EXAMPLES_BIN_DIR) + "/" + binary, args, timeout);
}

// expected_output() reads chapters/<example_dir>/expected.
inline std::string expected_output(const std::string& example_dir) {
  std::ifstream in(std::string(CHAPTERS_DIR) + "/" + example_dir + "/expected");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace gort_test
