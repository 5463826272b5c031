// SPDX-License-Identifier: MIT
// run_child(): run a program, capture its stdout and stderr, and kill it if it
// outlives a timeout — for tests of how a gort program ends.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace gort_test {

struct child_result {
  int exit_code = -1;  // valid when neither killed by a signal nor timed out
  int signal = 0;      // the signal that ended it, if any
  bool timed_out = false;
  std::string out;
  std::string err;
  std::chrono::steady_clock::time_point ended;  // when the parent saw the child end
};

// run_child() runs program (a path, or a name looked up in PATH) with args; if
// signal_on_output is not 0, it sends that signal to the child once the child
// has written to stdout.
child_result run_child(const std::string& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout, int signal_on_output = 0);

}  // namespace gort_test
