// SPDX-License-Identifier: MIT
// Exercise 01: sum_in_background.
#include "exercise_test.hpp"
#include "sum_in_background.hpp"

#include <numeric>

namespace {

using exercise::sum_in_background;
using grading::graded;

TEST(SumInBackground, AddsUpManyNumbers) {
  graded([] {
    std::vector<int> numbers(100'000);
    std::iota(numbers.begin(), numbers.end(), 1);
    EXPECT_EQ(sum_in_background(numbers).recv(), 100'000LL * 100'001 / 2);
  });
}

TEST(SumInBackground, NegativeNumbersAndOneElement) {
  graded([] {
    EXPECT_EQ(sum_in_background({-5, 2, -7}).recv(), -10);
    EXPECT_EQ(sum_in_background({42}).recv(), 42);
  });
}

TEST(SumInBackground, EmptyInputSumsToZero) {
  graded([] { EXPECT_EQ(sum_in_background({}).recv(), 0); });
}

TEST(SumInBackground, ReturnsBeforeSummingInAGoroutine) {
  // On one thread, a goroutine cannot run before the caller blocks: if the
  // sum is not in the channel yet when the call returns, a goroutine does it.
  graded(
      [] {
        auto total = sum_in_background({1, 2, 3});
        EXPECT_EQ(total.try_recv(), std::nullopt) << "summed in the caller, not in the background";
        EXPECT_GE(gort::num_goroutine(), 2) << "expected a goroutine doing the sum";
        EXPECT_EQ(total.recv(), 6);
      },
      1);
}

TEST(SumInBackground, DeliversOnceAndLeavesNoGoroutine) {
  graded([] {
    auto total = sum_in_background({1, 2, 3, 4});
    EXPECT_EQ(total.recv(), 10);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the summing goroutine never ended";
    EXPECT_EQ(total.try_recv(), std::nullopt) << "the total was delivered twice";
  });
}

}  // namespace
