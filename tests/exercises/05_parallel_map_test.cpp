// SPDX-License-Identifier: MIT
// Exercise 05: parallel_map.
#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

#include "exercise_test.hpp"
#include "parallel_map.hpp"

namespace {

using exercise::parallel_map;

// numbers() is 0, 1.5, 3, … (n values).
std::vector<double> numbers(std::size_t n) {
  std::vector<double> data(n);
  for (std::size_t i = 0; i < n; ++i) data[i] = 1.5 * static_cast<double>(i);
  return data;
}

// Every test runs on one thread and on two.
class ParallelMap : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, ParallelMap, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(ParallelMap, ReturnsTheResultsInTheOrderOfTheInput) {
  grading::graded(
      [] {
        const std::vector<double> data = numbers(50);
        // Later elements finish first: the order must come from the index, not the finish.
        auto f = [](std::size_t i, double x) {
          for (std::size_t k = i; k < 50; ++k) gort::gosched();
          return x * x + static_cast<double>(i);
        };
        const std::vector<double> results = parallel_map(data, f);
        ASSERT_EQ(results.size(), data.size());
        for (std::size_t i = 0; i < data.size(); ++i) {
          EXPECT_EQ(results[i], data[i] * data[i] + static_cast<double>(i)) << "element " << i;
        }
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(ParallelMap, CallsFOnceForEachElementWithItsOwnIndexAndValue) {
  grading::graded(
      [] {
        const std::vector<double> data = numbers(64);
        std::mutex mutex;
        std::vector<int> calls(data.size());
        std::vector<double> seen(data.size());
        parallel_map(data, [&](std::size_t i, double x) {
          gort::gosched();  // the caller's loop moves on meanwhile
          std::lock_guard lock(mutex);
          if (i < calls.size()) {
            ++calls[i];
            seen[i] = x;
          }
          return x;
        });
        for (std::size_t i = 0; i < data.size(); ++i) {
          EXPECT_EQ(calls[i], 1) << "calls of f with index " << i;
          EXPECT_EQ(seen[i], data[i]) << "the value passed with index " << i;
        }
      },
      GetParam());
}

TEST_P(ParallelMap, EmptyInputCallsNothing) {
  grading::graded(
      [] {
        std::atomic<int> calls{0};
        EXPECT_TRUE(parallel_map({}, [&](std::size_t, double x) {
                      ++calls;
                      return x;
                    }).empty());
        EXPECT_EQ(calls.load(), 0);
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(ParallelMap, OneElement) {
  grading::graded(
      [] {
        EXPECT_EQ(parallel_map({2.5}, [](std::size_t i,
                                         double x) { return x * 2 + 1 + static_cast<double>(i); }),
                  std::vector<double>{6.0});
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(ParallelMap, RunsEveryCallAtTheSameTime) {
  // Each call waits until all 16 are running together: only one goroutine per
  // element, started before any is waited on, gets there.
  grading::graded(
      [] {
        constexpr int kCalls = 16;
        std::atomic<int> running{0};
        std::atomic<bool> gave_up{false};
        auto f = [&](std::size_t, double x) {
          ++running;
          if (!grading::soon([&] { return running.load() == kCalls || gave_up.load(); })) {
            gave_up = true;
          }
          return x;
        };
        EXPECT_EQ(parallel_map(numbers(kCalls), f), numbers(kCalls));
        EXPECT_FALSE(gave_up.load()) << "the " << kCalls << " calls never ran at the same time";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(ParallelMap, ReturnsOnlyWhenEveryCallHasFinished) {
  grading::graded(
      [] {
        std::atomic<int> finished{0};
        auto f = [&](std::size_t i, double x) {
          for (std::size_t k = 0; k < i * 7 % 13; ++k) gort::gosched();
          ++finished;
          return x;
        };
        parallel_map(numbers(40), f);
        EXPECT_EQ(finished.load(), 40) << "returned before every call had finished";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

}  // namespace
