// SPDX-License-Identifier: MIT
// Exercise 07: generator.
#include <atomic>
#include <cstddef>
#include <vector>

#include "exercise_test.hpp"
#include "generator.hpp"

namespace {

using exercise::count_from;
using exercise::generate;
using exercise::take;

// let_others_run() yields many times, so a generator that wants to run ahead
// of its consumer has every chance to.
void let_others_run() {
  for (int i = 0; i < 2000; ++i) gort::gosched();
}

// drain() receives until ch is closed and returns how many values came, or
// gives up after `most` values (the generator did not stop).
int drain(const gort::recv_chan<long>& ch, int most) {
  int received = 0;
  while (received <= most && ch.recv_ok().ok) ++received;
  return received;
}

// Every test runs on one thread and on two.
class Generator : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, Generator, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(Generator, CountFromCountsUpFromStart) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        auto numbers = count_from(5, quit);
        EXPECT_EQ(take(numbers, 4), (std::vector<long>{5, 6, 7, 8}));
        EXPECT_EQ(take(numbers, 3), (std::vector<long>{9, 10, 11})) << "taking more goes on";
        EXPECT_EQ(take(count_from(-2, quit), 3), (std::vector<long>{-2, -1, 0}));
        quit.close();
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a generator never ended after quit";
      },
      GetParam());
}

TEST_P(Generator, GenerateYieldsWhatNextComputes) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        long a = 0;
        long b = 1;
        auto fibonacci = generate(
            [&] {
              const long value = a;
              a = b;
              b += value;
              return value;
            },
            quit);
        EXPECT_EQ(take(fibonacci, 10), (std::vector<long>{0, 1, 1, 2, 3, 5, 8, 13, 21, 34}));
        quit.close();
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the generator never ended after quit";
      },
      GetParam());
}

TEST_P(Generator, ComputesAtMostOneValueAhead) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        std::atomic<long> calls{0};
        auto values = generate([&] { return calls++; }, quit);
        let_others_run();
        EXPECT_LE(calls.load(), 1) << "computed values before any was taken";
        EXPECT_EQ(take(values, 5), (std::vector<long>{0, 1, 2, 3, 4}));
        let_others_run();
        EXPECT_GE(calls.load(), 5);
        EXPECT_LE(calls.load(), 6) << "computed more than one value ahead of the consumer";
        quit.close();
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the generator never ended after quit";
      },
      GetParam());
}

TEST_P(Generator, TakeZeroTakesNothing) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        EXPECT_TRUE(take(count_from(1, quit), 0).empty());
        quit.close();
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the generator never ended after quit";
      },
      GetParam());
}

TEST_P(Generator, TakeStopsAtAClosedChannel) {
  grading::graded(
      [] {
        auto two = gort::make_chan<long>(2);
        two << 1 << 2;
        two.close();
        EXPECT_EQ(take(two, 5), (std::vector<long>{1, 2}));
        EXPECT_TRUE(take(two, 3).empty()) << "a closed, drained channel has nothing to take";
      },
      GetParam());
}

TEST_P(Generator, QuitClosesTheChannelAndEndsTheGoroutine) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        auto numbers = count_from(0, quit);
        EXPECT_EQ(take(numbers, 2), (std::vector<long>{0, 1}));
        EXPECT_EQ(gort::num_goroutine(), 2) << "expected one goroutine for the generator";
        quit.close();
        // After quit the generator may still hand over a value or two (select
        // picks at random among ready cases), but then it must close.
        EXPECT_LT(drain(numbers, 100), 100) << "the generator went on after quit was closed";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the generator never ended after quit";
      },
      GetParam());
}

TEST_P(Generator, OneQuitStopsEveryGeneratorEvenWhenNobodyReads) {
  grading::graded(
      [] {
        auto quit = gort::make_chan<gort::signal>();
        auto a = count_from(0, quit);
        auto b = count_from(100, quit);
        auto c = count_from(200, quit);
        EXPECT_EQ(take(b, 1), std::vector<long>{100});
        EXPECT_EQ(gort::num_goroutine(), 4) << "expected one goroutine per generator";
        quit.close();  // a and c were never read: their goroutines wait to send
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a generator never ended after quit";
        EXPECT_LT(drain(a, 5), 5);
        EXPECT_LT(drain(c, 5), 5);
      },
      GetParam());
}

}  // namespace
