// SPDX-License-Identifier: MIT
// Building an exercise's graded tests in the learner's build and running them
// one by one, so that a deadlock, a panic, a crash or a hang fails only its
// own test, and saying in plain words what went wrong.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "exercises.hpp"

namespace workbook {

struct test_outcome {
  std::string name;     // Suite.Test
  bool passed = false;
  std::string verdict;  // "passed", "wrong result", "leaked goroutine", "deadlock", "data race", …
  std::string detail;   // the lines that show why
};

struct graded_exercise {
  bool built = false;
  std::string build_errors;  // the compiler's complaint when it did not build
  std::vector<test_outcome> tests;  // the tests run, in order
  int listed = 0;                   // how many tests the exercise has
  int passed() const;
};

// judge() names how one graded test ended: passed, wrong result, leaked
// goroutine, deadlock, too slow, panicked, crashed, the solution ended the
// process, data race, and so on, from its exit and its output. For a data
// race, it shows each access at the first line of its stack in a file whose
// path holds own_code ("/21_web_crawler/"). The verdict is the English name
// (verdict_text() says it in the learner's language); the detail explains in
// the current language (messages.hpp) around the program's lines as printed.
test_outcome judge(const std::string& name, const gort_test::child_result& run,
                   const std::string& own_code = {});

// ensure_configured() configures the learner's build (exercises track) if it
// is not yet; false, after printing why, if that fails.
bool ensure_configured(const project& p);

// grade() builds exercise e's tests and runs them one by one, then, for an
// exercise with a race check, all of them at once under ThreadSanitizer (the
// "race detector" test, run once the others pass), calling
// on_outcome (if given) as each ends; with stop_at_first_failure it runs no
// test after the first that fails.
graded_exercise grade(const project& p, const exercise& e,
                      const std::function<void(const test_outcome&)>& on_outcome = {},
                      bool stop_at_first_failure = false);

}  // namespace workbook
