// SPDX-License-Identifier: MIT
// Graded tests that make, on purpose, each mistake a learner makes, through
// the same grading helpers as the exercises: verdict_test runs each one and
// checks what workbook calls it.
#include <atomic>
#include <cstdlib>
#include <thread>

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

TEST(Verdicts, Skips) {
  graded([] { GTEST_SKIP() << "a solution that skips its own test"; });
}

TEST(Verdicts, Panics) {
  graded([] { gort::chan<int>{}.close(); });
}

// Run by verdict_cases_race, under ThreadSanitizer: two goroutines, on two
// threads at once, add to the same int. The atomic is relaxed, so it makes no
// order between them: it only keeps the first on its thread until the second
// has run on the other.
TEST(Verdicts, Races) {
  graded([] {
    int hits = 0;
    std::atomic<int> arrived = 0;
    gort::wait_group both;
    both.add(2);
    for (int i = 0; i < 2; ++i) {
      gort::go([&] {
        ++hits;
        arrived.fetch_add(1, std::memory_order_relaxed);
        while (arrived.load(std::memory_order_relaxed) < 2) std::this_thread::yield();
        both.done();
      });
    }
    both.wait();
    EXPECT_GE(hits, 1);
  });
}

}  // namespace
