// SPDX-License-Identifier: MIT
// Virtual time (Go's testing/synctest): the clock stands still while any
// goroutine can run, and jumps to the next timer when none can. Timer tests
// then give exact answers, at once.
#include <numeric>
#include <random>
#include <vector>

#include "runtime_test.hpp"

namespace {

using namespace std::chrono_literals;
using gort::clock;
using gort::recv_case;

class VirtualTime : public testing::TestWithParam<int> {
 protected:
  void run_virtual(std::function<void()> body) {
    ASSERT_EQ(gort::run({.maxprocs = GetParam(), .virtual_time = true}, std::move(body)), 0);
  }
};
INSTANTIATE_TEST_SUITE_P(Pool, VirtualTime, testing::Values(1, 2, 4), gort_test::maxprocs_name);

TEST_P(VirtualTime, ClockStartsAtAFixedInstantAndStandsStillWhileRunning) {
  clock::time_point first{};
  clock::time_point second{};
  run_virtual([&] { first = gort::now(); });
  run_virtual([&] {
    second = gort::now();
    volatile long spin = 0;
    for (long i = 0; i < 1'000'000; ++i) spin = spin + i;
    EXPECT_EQ(gort::now(), second) << "running code does not move the clock";
  });
  EXPECT_EQ(first, second);
}

TEST_P(VirtualTime, SleepTakesExactlyItsDuration) {
  run_virtual([] {
    const auto start = gort::now();
    gort::sleep(3s);
    EXPECT_EQ(gort::now() - start, 3s);
    gort::sleep(1h);
    EXPECT_EQ(gort::now() - start, 1h + 3s);
  });
}

TEST_P(VirtualTime, TenSecondTickerLoopHasExactlyItsTicks) {
  const auto real_start = std::chrono::steady_clock::now();
  int ticks = 0;
  run_virtual([&] {
    auto ticker = gort::new_ticker(10ms);
    auto deadline = gort::after(10s + 5ms);
    for (bool done = false; !done;) {
      gort::select(recv_case(ticker.C, [&] { ++ticks; }), recv_case(deadline, [&] { done = true; }));
    }
    ticker.stop();
  });
  EXPECT_EQ(ticks, 1000);
  EXPECT_LT(std::chrono::steady_clock::now() - real_start, 5s) << "10 virtual seconds took real time";
}

TEST_P(VirtualTime, AfterInSelectTimesOutDeterministically) {
  run_virtual([] {
    auto slow = gort::make_chan<int>();
    gort::go([slow] {
      gort::sleep(2s);
      slow << 1;
    });
    const auto start = gort::now();
    EXPECT_EQ(gort::select(recv_case(slow), recv_case(gort::after(1s))), 1u) << "1 s beats 2 s";
    EXPECT_EQ(gort::now() - start, 1s);
    EXPECT_EQ(slow.recv(), 1);
    EXPECT_EQ(gort::now() - start, 2s);
  });
}

TEST_P(VirtualTime, RateLimiterTimestampsAreExact) {
  run_virtual([] {
    auto limiter = gort::tick(200ms);
    const auto start = gort::now();
    std::vector<clock::duration> served;
    for (int request = 0; request < 5; ++request) {
      limiter.recv();
      served.push_back(gort::now() - start);
    }
    EXPECT_EQ(served, (std::vector<clock::duration>{200ms, 400ms, 600ms, 800ms, 1000ms}));
  });
}

TEST_P(VirtualTime, ThousandTimersFireExactlyInOrder) {
  run_virtual([] {
    std::vector<int> slots(1000);
    std::iota(slots.begin(), slots.end(), 0);
    std::shuffle(slots.begin(), slots.end(), std::mt19937(7));
    const auto start = gort::now();
    std::vector<gort::timer> timers(slots.size(), gort::new_timer(1h));
    for (int slot : slots) timers[slot] = gort::new_timer(slot * 1ms);
    for (std::size_t slot = 0; slot < timers.size(); ++slot) {
      EXPECT_EQ(timers[slot].C.recv() - start, slot * 1ms);
    }
  });
}

TEST_P(VirtualTime, AfterFuncAndTimeoutsAcrossGoroutines) {
  run_virtual([] {
    auto results = gort::make_chan<clock::duration>(3);
    const auto start = gort::now();
    gort::after_func(5s, [=] { results << gort::now() - start; });
    for (auto d : {1s, 3s}) {
      gort::go([=] {
        gort::sleep(d);
        results << gort::now() - start;
      });
    }
    EXPECT_EQ(results.recv(), 1s);
    EXPECT_EQ(results.recv(), 3s);
    EXPECT_EQ(results.recv(), 5s);
  });
}

}  // namespace
