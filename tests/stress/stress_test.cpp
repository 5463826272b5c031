// SPDX-License-Identifier: MIT
// The stress suite: many producers and consumers over unbuffered and buffered
// channels, with select, close and timers mixed in, at maxprocs 1, 2, 4 and
// 8. Every value is accounted for (a count and a checksum), every goroutine
// started ends (num_goroutine comes back to 1), and no deadlock is reported
// (a false report would end this process with status 2).
//
// GORT_STRESS_SCALE multiplies the work: 1 (the default) is ctest's short run,
// `GORT_STRESS_SCALE=100 ctest -L stress` the long one. The Chaos tests run
// the same programs under GORT_CHAOS with a range of seeds, and name the
// seed that failed: rerun it with GORT_CHAOS=<seed> and that maxprocs.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime_test.hpp"

namespace {

using namespace std::chrono_literals;
using gort_test::eventually;

// tally: what consumers received, summed where they all meet.
struct tally {
  std::atomic<std::int64_t> count{0};
  std::atomic<std::int64_t> sum{0};
  void add(std::int64_t n, std::int64_t s) {
    count += n;
    sum += s;
  }
};

// Values 1..producers*per_producer, each sent once.
std::int64_t expected_sum(std::int64_t n) { return n * (n + 1) / 2; }

// pipe(): producers send their share of 1..n on ch, then the last one to
// finish closes it; consumers range over ch. Returns when all have ended.
void pipe(std::size_t capacity, int producers, int consumers, int per_producer, tally& got) {
  auto ch = gort::make_chan<std::int64_t>(capacity);
  gort::wait_group sent, received;
  sent.add(producers);
  for (int p = 0; p < producers; ++p) {
    gort::go([=, &sent] {
      for (int i = 1; i <= per_producer; ++i) ch << static_cast<std::int64_t>(p) * per_producer + i;
      sent.done();
    });
  }
  gort::go([=, &sent] {
    sent.wait();
    ch.close();
  });
  received.add(consumers);
  for (int c = 0; c < consumers; ++c) {
    gort::go([=, &got, &received] {
      std::int64_t n = 0, s = 0;
      for (std::int64_t v : ch) {
        ++n;
        s += v;
      }
      got.add(n, s);
      received.done();
    });
  }
  received.wait();
}

// select_mix(): producers offer each value on whichever of two channels is
// ready first (select over two sends), consumers take from both with a
// select that also has a timer case; when both channels are closed a
// consumer stops, treating a closed channel as nil from then on (Go's idiom).
void select_mix(int producers, int consumers, int per_producer, tally& got,
                std::atomic<int>& timeouts) {
  auto a = gort::make_chan<std::int64_t>(), b = gort::make_chan<std::int64_t>(4);
  gort::wait_group sent, received;
  sent.add(producers);
  for (int p = 0; p < producers; ++p) {
    gort::go([=, &sent] {
      for (int i = 1; i <= per_producer; ++i) {
        const std::int64_t v = static_cast<std::int64_t>(p) * per_producer + i;
        gort::select(gort::send_case(a, v), gort::send_case(b, v));
      }
      sent.done();
    });
  }
  gort::go([=, &sent] {
    sent.wait();
    a.close();
    b.close();
  });
  received.add(consumers);
  for (int c = 0; c < consumers; ++c) {
    gort::go([=, &got, &received, &timeouts] {
      gort::chan<std::int64_t> left = a, right = b;  // set to nil once closed
      std::int64_t n = 0, s = 0;
      auto take = [&](gort::chan<std::int64_t>& from) {
        return [&](std::int64_t v, bool ok) {
          if (!ok) {
            from = gort::chan<std::int64_t>{};
            return;
          }
          ++n;
          s += v;
        };
      };
      while (left || right) {
        gort::select(gort::recv_case(left, take(left)), gort::recv_case(right, take(right)),
                     gort::recv_case(gort::after(200us), [&] { ++timeouts; }));
      }
      got.add(n, s);
      received.done();
    });
  }
  received.wait();
}

// sleepers(): goroutines that sleep a few microseconds to a millisecond, then
// send their number; tickers and stopped timers run alongside.
void sleepers(int count, tally& got) {
  auto done = gort::make_chan<std::int64_t>();
  for (int i = 1; i <= count; ++i) {
    gort::go([=] {
      gort::sleep(std::chrono::microseconds(i * 37 % 1000));
      done << i;
    });
  }
  auto ticker = gort::new_ticker(100us);
  auto unused = gort::new_timer(1h);
  std::int64_t n = 0, s = 0;
  int ticks = 0;
  while (n < count) {
    gort::select(gort::recv_case(done,
                                 [&](std::int64_t v) {
                                   ++n;
                                   s += v;
                                 }),
                 gort::recv_case(ticker.C, [&] { ++ticks; }));
  }
  ticker.stop();
  EXPECT_TRUE(unused.stop()) << "a timer an hour away has not fired";
  got.add(n, s);
}

// Runs body as a program at maxprocs and checks that every goroutine it
// started has ended when it returns.
void run_program(int maxprocs, const std::function<void()>& body) {
  ASSERT_EQ(gort::run({.maxprocs = maxprocs},
                      [&] {
                        body();
                        EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 1; }))
                            << gort::num_goroutine() << " goroutines left behind";
                      }),
            0);
}

class Stress : public testing::TestWithParam<int> {};

TEST_P(Stress, UnbufferedAndBufferedPipesLoseNothing) {
  for (std::size_t capacity : {0U, 1U, 16U}) {
    const int per_producer = 20000 * gort_test::stress_scale();
    tally got;
    run_program(GetParam(), [&] { pipe(capacity, 8, 8, per_producer, got); });
    const std::int64_t n = 8LL * per_producer;
    EXPECT_EQ(got.count, n) << "capacity " << capacity;
    EXPECT_EQ(got.sum, expected_sum(n)) << "capacity " << capacity;
  }
}

TEST_P(Stress, SelectOverTwoChannelsWithTimersAndCloseLosesNothing) {
  const int per_producer = 5000 * gort_test::stress_scale();
  tally got;
  std::atomic<int> timeouts{0};
  run_program(GetParam(), [&] { select_mix(6, 6, per_producer, got, timeouts); });
  const std::int64_t n = 6LL * per_producer;
  EXPECT_EQ(got.count, n);
  EXPECT_EQ(got.sum, expected_sum(n));
}

TEST_P(Stress, SleepersTickersAndTimersAllWakeOnce) {
  const int count = 2000 * gort_test::stress_scale();
  tally got;
  run_program(GetParam(), [&] { sleepers(count, got); });
  EXPECT_EQ(got.count, count);
  EXPECT_EQ(got.sum, expected_sum(count));
}

INSTANTIATE_TEST_SUITE_P(Pool, Stress, testing::Values(1, 2, 4, 8), gort_test::maxprocs_name);

// Chaos: the same programs, smaller, under randomized schedules.
class Chaos : public testing::TestWithParam<int> {
 protected:
  void TearDown() override { ::unsetenv("GORT_CHAOS"); }

  // each_seed() runs check under GORT_CHAOS=seed for seeds 1..n, stopping at
  // the first failure, which it names.
  void each_seed(const std::function<void()>& check) {
    const int seeds = 200 * gort_test::stress_scale();
    for (int seed = 1; seed <= seeds && !HasFailure(); ++seed) {
      ::setenv("GORT_CHAOS", std::to_string(seed).c_str(), 1);
      check();
      if (HasFailure()) {
        ADD_FAILURE() << "failing schedule: GORT_CHAOS=" << seed << " at maxprocs " << GetParam();
      }
    }
  }
};

TEST_P(Chaos, PipesLoseNothing) {
  each_seed([&] {
    for (std::size_t capacity : {0U, 3U}) {
      tally got;
      run_program(GetParam(), [&] { pipe(capacity, 3, 3, 100, got); });
      EXPECT_EQ(got.count, 300);
      EXPECT_EQ(got.sum, expected_sum(300));
    }
  });
}

TEST_P(Chaos, SelectMixLosesNothing) {
  each_seed([&] {
    tally got;
    std::atomic<int> timeouts{0};
    run_program(GetParam(), [&] { select_mix(3, 3, 100, got, timeouts); });
    EXPECT_EQ(got.count, 300);
    EXPECT_EQ(got.sum, expected_sum(300));
  });
}

INSTANTIATE_TEST_SUITE_P(Pool, Chaos, testing::Values(1, 2, 4), gort_test::maxprocs_name);

// order_under(): which of four goroutines got each of 80 turns through one
// unbuffered channel, on one thread, under GORT_CHAOS=seed.
std::string order_under(const char* seed) {
  ::setenv("GORT_CHAOS", seed, 1);
  std::string order;
  EXPECT_EQ(gort::run({.maxprocs = 1},
                      [&] {
                        auto turns = gort::make_chan<char>();
                        for (char id : {'a', 'b', 'c', 'd'}) {
                          gort::go([=] {
                            for (int i = 0; i < 20; ++i) turns << id;
                          });
                        }
                        for (int i = 0; i < 80; ++i) order += turns.recv();
                      }),
            0);
  ::unsetenv("GORT_CHAOS");
  return order;
}

TEST(ChaosSchedules, OneSeedGivesOneScheduleOnOneThread) {
  for (const char* seed : {"1", "7", "12345"})
    EXPECT_EQ(order_under(seed), order_under(seed)) << seed;
}

TEST(ChaosSchedules, SeedsChangeTheSchedule) {
  const std::string first = order_under("1");
  int different = 0;
  for (const char* seed : {"2", "3", "4", "5", "6", "7", "8", "9"})
    different += order_under(seed) != first;
  EXPECT_GE(different, 4) << "the seed barely changes the schedule: " << first;
}

}  // namespace
