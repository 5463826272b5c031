// SPDX-License-Identifier: MIT
// Exercise 15: timeout_call. On the virtual clock, time moves only when every
// goroutine waits, straight to the next timer: the times checked are exact.
#include <chrono>

#include "exercise_test.hpp"
#include "timeout_call.hpp"

namespace {

using namespace std::chrono_literals;
using exercise::call_with_timeout;
using grading::graded_on_virtual_time;

// takes() is an f that sleeps for d, then returns result.
std::function<int()> takes(gort::clock::duration d, int result) {
  return [d, result] {
    gort::sleep(d);
    return result;
  };
}

TEST(TimeoutCall, ReturnsTheResultAsSoonAsFReturns) {
  for (int procs : {1, 2}) {
    graded_on_virtual_time(
        [] {
          const auto start = gort::now();
          EXPECT_EQ(call_with_timeout(takes(50ms, 7), 100ms), 7);
          EXPECT_EQ(gort::now() - start, 50ms) << "did not return when f returned";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(TimeoutCall, GivesUpWhenTheTimeoutPasses) {
  for (int procs : {1, 2}) {
    graded_on_virtual_time(
        [] {
          const auto start = gort::now();
          EXPECT_EQ(call_with_timeout(takes(200ms, 7), 100ms), std::nullopt);
          EXPECT_EQ(gort::now() - start, 100ms) << "did not return when the timeout passed";
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(TimeoutCall, AnImmediateResultTakesNoTime) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    EXPECT_EQ(call_with_timeout([] { return 3; }, 1h), 3);
    EXPECT_EQ(gort::now() - start, 0ms);
  });
}

TEST(TimeoutCall, ZeroIsAResultNotATimeout) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    EXPECT_EQ(call_with_timeout(takes(10ms, 0), 100ms), std::optional<int>(0));
    EXPECT_EQ(gort::now() - start, 10ms);
  });
}

TEST(TimeoutCall, AZeroTimeoutGivesUpAtOnce) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    EXPECT_EQ(call_with_timeout(takes(1s, 1), 0ms), std::nullopt);
    EXPECT_EQ(gort::now() - start, 0ms);
    gort::sleep(1s);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(TimeoutCall, FRunsInItsOwnGoroutine) {
  graded_on_virtual_time([] {
    auto running = gort::make_chan<int>(1);
    EXPECT_EQ(call_with_timeout(
                  [running] {
                    running << gort::num_goroutine();
                    return 1;
                  },
                  1s),
              1);
    EXPECT_EQ(running.recv(), 2) << "f ran without a goroutine of its own";
  });
}

TEST(TimeoutCall, AfterATimeoutFStillEndsAndLeavesNothing) {
  for (int procs : {1, 2}) {
    graded_on_virtual_time(
        [] {
          EXPECT_EQ(call_with_timeout(takes(200ms, 7), 100ms), std::nullopt);
          EXPECT_EQ(gort::num_goroutine(), 2) << "f should still be running after the timeout";
          gort::sleep(150ms);  // f returns 100 ms from now; nobody receives its result
          EXPECT_TRUE(grading::goroutines_settle_at(1))
              << "f's goroutine is stuck sending a result nobody receives";
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(TimeoutCall, AfterAResultNothingIsLeft) {
  graded_on_virtual_time([] {
    EXPECT_EQ(call_with_timeout(takes(30ms, 5), 100ms), 5);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(TimeoutCall, CallsInARowKeepExactTime) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    EXPECT_EQ(call_with_timeout(takes(20ms, 1), 50ms), 1);
    EXPECT_EQ(call_with_timeout(takes(80ms, 2), 50ms), std::nullopt);
    EXPECT_EQ(call_with_timeout(takes(49ms, 3), 50ms), 3);
    EXPECT_EQ(call_with_timeout(takes(51ms, 4), 50ms), std::nullopt);
    EXPECT_EQ(gort::now() - start, 20ms + 50ms + 49ms + 50ms);
    gort::sleep(1s);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

}  // namespace
