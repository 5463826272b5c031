// SPDX-License-Identifier: MIT
// Exercise 08: lazy_evaluator.
#include <atomic>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "exercise_test.hpp"
#include "lazy_evaluator.hpp"

namespace {

using exercise::build_lazy_evaluator;

// let_others_run() yields many times, so an evaluator that wants to run
// ahead has every chance to.
void let_others_run() {
  for (int i = 0; i < 2000; ++i) gort::gosched();
}

// first() calls next n times and returns what it yielded.
template <class T>
std::vector<T> first(std::size_t n, const std::function<T()>& next) {
  std::vector<T> values;
  for (std::size_t i = 0; i < n; ++i) values.push_back(next());
  return values;
}

// Every test runs on one thread and on two.
class LazyEvaluator : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, LazyEvaluator, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(LazyEvaluator, EvensYieldsTheEvenNumbers) {
  grading::graded(
      [] {
        EXPECT_EQ(first(6, exercise::evens()), (std::vector<long>{0, 2, 4, 6, 8, 10}));
      },
      GetParam());
}

TEST_P(LazyEvaluator, FibonacciYieldsTheFibonacciNumbers) {
  grading::graded(
      [] {
        EXPECT_EQ(first(12, exercise::fibonacci()),
                  (std::vector<long>{0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89}));
      },
      GetParam());
}

TEST_P(LazyEvaluator, WorksForAnyStateAndValueTypes) {
  grading::graded(
      [] {
        auto stars = build_lazy_evaluator(
            [](std::size_t n) {
              return std::pair{std::string(n, '*'), n + 1};
            },
            std::size_t{0});
        EXPECT_EQ(first(4, stars), (std::vector<std::string>{"", "*", "**", "***"}));
        auto halves = build_lazy_evaluator([](double x) { return std::pair{x, x / 2}; }, 1.0);
        EXPECT_EQ(first(4, halves), (std::vector<double>{1.0, 0.5, 0.25, 0.125}));
      },
      GetParam());
}

TEST_P(LazyEvaluator, ComputesExactlyOneValueAheadInItsOwnGoroutine) {
  grading::graded(
      [] {
        std::atomic<int> evals{0};
        auto next = build_lazy_evaluator(
            [&](int n) {
              ++evals;
              return std::pair{n, n + 1};
            },
            0);
        EXPECT_EQ(gort::num_goroutine(), 2) << "expected one goroutine for the evaluator";
        EXPECT_TRUE(grading::soon([&] { return evals.load() == 1; }))
            << "the first value was not computed ahead of the first call";
        let_others_run();
        EXPECT_EQ(evals.load(), 1) << "computed more than one value before any was asked for";
        for (int k = 1; k <= 5; ++k) {
          EXPECT_EQ(next(), k - 1);
          EXPECT_TRUE(grading::soon([&] { return evals.load() == k + 1; }))
              << "the next value was not computed once value " << k - 1 << " was taken";
          let_others_run();
          EXPECT_EQ(evals.load(), k + 1) << "computed more than one value ahead";
        }
      },
      GetParam());
}

TEST_P(LazyEvaluator, TwoEvaluatorsAreIndependent) {
  grading::graded(
      [] {
        auto a = exercise::evens();
        auto b = exercise::evens();
        EXPECT_EQ(gort::num_goroutine(), 3) << "expected one goroutine per evaluator";
        EXPECT_EQ(a(), 0);
        EXPECT_EQ(a(), 2);
        EXPECT_EQ(b(), 0) << "the second evaluator shares the first one's state";
        EXPECT_EQ(a(), 4);
        EXPECT_EQ(b(), 2);
        auto from_ten = build_lazy_evaluator([](long n) { return std::pair{n, n + 2}; }, 10L);
        EXPECT_EQ(from_ten(), 10);
        EXPECT_EQ(a(), 6);
      },
      GetParam());
}

TEST_P(LazyEvaluator, TheGoroutineEndsWithTheLastCopyOfTheFunction) {
  grading::graded(
      [] {
        auto next = exercise::evens();
        EXPECT_EQ(next(), 0);
        auto copy = next;
        next = nullptr;
        let_others_run();
        EXPECT_EQ(gort::num_goroutine(), 2) << "the goroutine ended while a copy was still alive";
        EXPECT_EQ(copy(), 2) << "a copy goes on where the original stopped";
        copy = nullptr;
        EXPECT_TRUE(grading::goroutines_settle_at(1))
            << "the goroutine lived on after the last copy was destroyed";
      },
      GetParam());
}

}  // namespace
