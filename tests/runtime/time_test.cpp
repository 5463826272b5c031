// SPDX-License-Identifier: MIT
// Time: sleep, after, timers (stop, reset), tickers (dropping ticks), and
// after_func. Timers may fire late on a busy machine, never early; the tests
// assert order and lower bounds only, and every wait is bounded.
#include <algorithm>
#include <atomic>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

#include "runtime_test.hpp"

namespace {

using namespace std::chrono_literals;
using gort::clock;
using gort::recv_case;
using gort_test::eventually;

class Time : public gort_test::Maxprocs {};
GORT_INSTANTIATE_MAXPROCS(Time);

TEST_P(Time, SleepLastsAtLeastItsDurationAndLetsOthersRun) {
  run_main([] {
    auto progress = gort::make_chan<int>(3);
    gort::go([progress] {
      for (int i = 0; i < 3; ++i) progress << i;
    });
    const auto start = gort::now();
    gort::sleep(20ms);
    EXPECT_GE(gort::now() - start, 20ms);
    EXPECT_EQ(progress.len(), 3u) << "the other goroutine ran while main slept";
    gort::sleep(0s);
    gort::sleep(-5s);
  });
}

TEST_P(Time, AfterDeliversOnceNoEarlierThanItsDuration) {
  run_main([] {
    const auto start = gort::now();
    auto c = gort::after(15ms);
    const clock::time_point fired = c.recv();
    EXPECT_GE(fired - start, 15ms);
    EXPECT_GE(gort::now(), fired);
    gort::sleep(20ms);
    EXPECT_EQ(c.len(), 0u) << "a timer fires once";
  });
}

// 1,000 timers made in random order fire in deadline order. On the real
// clock a thread may be preempted between reading the time and arming its
// timer, so order is checked between deadlines 20 ms apart; virtual time
// (VirtualTime.ThousandTimersFireExactlyInOrder) checks it exactly.
TEST_P(Time, ThousandTimersFireInDeadlineOrder) {
  run_main([] {
    std::vector<int> slots(1000);
    std::iota(slots.begin(), slots.end(), 0);
    std::shuffle(slots.begin(), slots.end(), std::mt19937(12345));
    struct pending {
      clock::time_point deadline;
      gort::timer timer;
    };
    std::vector<pending> timers;
    const auto first = gort::now() + 50ms;
    for (int slot : slots) {
      const auto deadline = first + slot * 100us;
      timers.push_back({deadline, gort::new_timer(deadline - gort::now())});
    }
    std::sort(timers.begin(), timers.end(),
              [](const pending& a, const pending& b) { return a.deadline < b.deadline; });
    std::vector<clock::time_point> fired;
    for (auto& t : timers) {
      fired.push_back(t.timer.C.recv());
      EXPECT_GE(fired.back(), t.deadline) << "fired early";
    }
    std::size_t settled = 0;  // timers[0, settled) are due 20 ms or more before timers[i]
    clock::time_point latest_settled{};
    for (std::size_t i = 0; i < timers.size(); ++i) {
      for (; timers[settled].deadline + 20ms <= timers[i].deadline; ++settled) {
        latest_settled = std::max(latest_settled, fired[settled]);
      }
      EXPECT_GE(fired[i], latest_settled) << "fired before a timer due 20 ms earlier";
    }
  });
}

TEST_P(Time, StopBeforeFiringPreventsTheValue) {
  run_main([] {
    auto t = gort::new_timer(10ms);
    EXPECT_TRUE(t.stop());
    EXPECT_FALSE(t.stop()) << "already stopped";
    gort::after(40ms).recv();
    EXPECT_EQ(t.C.try_recv(), std::nullopt);
  });
}

TEST_P(Time, StopAfterFiringFollowsGo123) {
  run_main([] {
    auto received = gort::new_timer(1ms);
    received.C.recv();
    EXPECT_FALSE(received.stop()) << "fired and received: nothing left to stop";

    auto unreceived = gort::new_timer(1ms);
    gort::sleep(30ms);
    EXPECT_TRUE(unreceived.stop()) << "fired but not received: stop withdraws the value";
    EXPECT_EQ(unreceived.C.try_recv(), std::nullopt) << "no stale value after stop";
  });
}

TEST_P(Time, ResetReschedulesAndReportsWhetherItWasActive) {
  run_main([] {
    auto t = gort::new_timer(1h);
    const auto start = gort::now();
    EXPECT_TRUE(t.reset(10ms));
    const clock::time_point fired = t.C.recv();
    EXPECT_GE(fired - start, 10ms);
    EXPECT_FALSE(t.reset(5ms)) << "it had fired and been received";
    EXPECT_GE(t.C.recv() - fired, 5ms);

    auto stale = gort::new_timer(1ms);
    gort::sleep(20ms);
    EXPECT_TRUE(stale.reset(1h));
    EXPECT_EQ(stale.C.try_recv(), std::nullopt) << "the value from before the reset is gone";
    EXPECT_TRUE(stale.stop());
  });
}

TEST_P(Time, TickerDropsTicksForASlowReceiverAndStops) {
  run_main([] {
    const auto start = gort::now();  // before the ticker: its first tick is due 2ms after it is made
    auto ticker = gort::new_ticker(2ms);
    const clock::time_point first = ticker.C.recv();
    EXPECT_GE(first - start, 2ms);
    gort::sleep(50ms);  // about 25 periods pass without a receiver
    EXPECT_LE(ticker.C.len(), 1u) << "a ticker's channel holds one tick";
    ticker.C.recv();  // the one buffered tick
    const clock::time_point next = ticker.C.recv();
    EXPECT_GT(next, first);
    ticker.stop();
    gort::sleep(20ms);
    EXPECT_EQ(ticker.C.try_recv(), std::nullopt) << "no tick after stop";

    const auto restarted = gort::now();
    ticker.reset(3ms);
    EXPECT_GE(ticker.C.recv() - restarted, 3ms);
    ticker.stop();
  });
}

TEST_P(Time, AfterFuncRunsInItsOwnGoroutine) {
  run_main([] {
    auto gate = gort::make_chan<int>();
    auto done = gort::make_chan<int>();
    std::atomic<int> goroutines_inside{0};
    gort::after_func(1ms, [=, &goroutines_inside] {
      goroutines_inside = gort::num_goroutine();
      done << gate.recv();  // blocks: fine in a goroutine, fatal for the timer service
    });
    // While f is blocked, other timers must still fire.
    gort::after(30ms).recv();
    EXPECT_EQ(goroutines_inside, 2) << "f runs as a second goroutine";
    gate << 7;
    EXPECT_EQ(done.recv(), 7);

    std::atomic<bool> ran{false};
    auto prevented = gort::after_func(20ms, [&] { ran = true; });
    EXPECT_FALSE(prevented.C) << "an after_func timer has no channel";
    EXPECT_TRUE(prevented.stop());
    gort::after(40ms).recv();
    EXPECT_FALSE(ran);
  });
}

TEST_P(Time, TenThousandTimersAllFire) {
  run_main([] {
    constexpr int kTimers = 10'000;
    std::vector<gort::timer> timers;
    timers.reserve(kTimers);
    for (int i = 0; i < kTimers; ++i) timers.push_back(gort::new_timer(std::chrono::microseconds(i)));
    EXPECT_EQ(gort::num_goroutine(), 1) << "pending timers are not goroutines";
    int fired = 0;
    for (auto& t : timers) {
      t.C.recv();
      ++fired;
    }
    EXPECT_EQ(fired, kTimers);
  });
}

TEST_P(Time, DurationsSaturate) {
  run_main([] {
    auto never = gort::new_timer(clock::duration::max());
    auto now = gort::after(-1s);
    EXPECT_EQ(gort::select(recv_case(never.C), recv_case(now)), 1u);
    EXPECT_TRUE(never.stop()) << "still pending";
    EXPECT_FALSE(gort::tick(0s)) << "tick of a non-positive duration is nil";
  });
}

TEST_P(Time, SelectWithATimeout) {
  run_main([] {
    auto silent = gort::make_chan<int>();
    bool timed_out = false;
    gort::select(recv_case(silent), recv_case(gort::after(10ms), [&] { timed_out = true; }));
    EXPECT_TRUE(timed_out);
  });
}

TEST_P(Time, NonPositiveTickerIntervalsPanic) {
  run_main([] {
    try {
      gort::new_ticker(0s);
      ADD_FAILURE() << "no panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "non-positive interval for NewTicker");
    }
    auto t = gort::new_ticker(1h);
    try {
      t.reset(-1s);
      ADD_FAILURE() << "no panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "non-positive interval for Ticker.Reset");
    }
    t.stop();
  });
}

TEST(TimeOutside, SleepOnAPlainThread) {
  const auto start = gort::now();
  std::thread([] { gort::sleep(10ms); }).join();
  EXPECT_GE(gort::now() - start, 10ms);
}

TEST(TimeOutsideDeathTest, TimersNeedARun) {
  EXPECT_EXIT(gort::after(1s), testing::ExitedWithCode(2),
              "fatal error: gort::new_timer called outside gort::run");
}

}  // namespace
