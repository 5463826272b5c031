// SPDX-License-Identifier: MIT
// Graded tests that make, on purpose, each mistake a learner makes, through
// the same grading helpers as the exercises: verdict_test runs each one and
// checks what workbook calls it.
#include <atomic>
#include <cstdlib>

#include "exercise_test.hpp"

namespace {

using grading::graded;

TEST(Verdicts, Passes) {
  graded([] {
    auto done = gort::make_chan<int>(1);
    gort::go([done] { done << 1; });
    EXPECT_EQ(done.recv(), 1);
  });
}

TEST(Verdicts, WrongResult) {
  graded([] { EXPECT_EQ(6 * 7, 41) << "the answer is off by one"; });
}

TEST(Verdicts, LeaksAGoroutine) {
  graded([] {
    auto never = gort::make_chan<int>();
    gort::go([never] { never.recv(); });
  });
}

TEST(Verdicts, Deadlocks) {
  graded([] { gort::make_chan<int>().recv(); });
}

TEST(Verdicts, Spins) {
  graded([] {
    auto quit = gort::make_chan<gort::signal>();
    for (bool done = false; !done;) {
      gort::select(gort::recv_case(quit, [&done] { done = true; }), gort::default_case());
    }
  });
}

TEST(Verdicts, EndsTheProcess) {
  graded([] { std::_Exit(0); });
}

TEST(Verdicts, Panics) {
  graded([] { gort::chan<int>{}.close(); });
}

}  // namespace
