// SPDX-License-Identifier: MIT
// sync: wait_group and mutex, with Go's semantics.
#include <mutex>

#include "runtime_test.hpp"

namespace {

using gort_test::eventually;

class Sync : public gort_test::Maxprocs {};
GORT_INSTANTIATE_MAXPROCS(Sync);

TEST_P(Sync, WaitGroupWaitsForEveryDone) {
  run_main([] {
    constexpr int kWorkers = 50;
    std::atomic<int> finished{0};
    gort::wait_group wg;
    wg.add(kWorkers);
    for (int i = 0; i < kWorkers; ++i) {
      gort::go([&] {
        gort::gosched();
        ++finished;
        wg.done();
      });
    }
    wg.wait();
    EXPECT_EQ(finished, kWorkers);
    wg.wait();  // a zero counter does not block
  });
}

TEST_P(Sync, WaitGroupReleasesSeveralWaiters) {
  run_main([] {
    gort::wait_group gate;
    gate.add(1);
    gort::wait_group waiters;
    waiters.add(10);
    std::atomic<int> released{0};
    for (int i = 0; i < 10; ++i) {
      gort::go([&] {
        gate.wait();
        ++released;
        waiters.done();
      });
    }
    for (int i = 0; i < 50; ++i) gort::gosched();
    EXPECT_EQ(released, 0);
    gate.done();
    waiters.wait();
    EXPECT_EQ(released, 10);
  });
}

TEST_P(Sync, MutexMakesIncrementsExact) {
  run_main([] {
    constexpr int kGoroutines = 16;
    constexpr int kIncrements = 2000;
    gort::mutex mu;
    long counter = 0;  // guarded by mu
    gort::wait_group wg;
    wg.add(kGoroutines);
    for (int g = 0; g < kGoroutines; ++g) {
      gort::go([&] {
        for (int i = 0; i < kIncrements; ++i) {
          std::lock_guard lock(mu);
          const long seen = counter;
          if (i % 64 == 0) gort::gosched();  // hold the lock across a yield
          counter = seen + 1;
        }
        wg.done();
      });
    }
    wg.wait();
    EXPECT_EQ(counter, static_cast<long>(kGoroutines) * kIncrements);
  });
}

TEST_P(Sync, MutexIsNotOwnedByAGoroutine) {
  run_main([] {
    gort::mutex mu;
    mu.lock();
    EXPECT_FALSE(mu.try_lock());
    std::atomic<bool> relocked{false};
    gort::go([&] {
      mu.lock();  // blocks although main holds it: no recursion, no owner check
      relocked = true;
    });
    for (int i = 0; i < 100; ++i) gort::gosched();
    EXPECT_FALSE(relocked);
    mu.unlock();
    EXPECT_TRUE(eventually([&] { return relocked.load(); }));
    mu.unlock();  // unlocking what another goroutine locked is allowed
    EXPECT_TRUE(mu.try_lock());
    mu.unlock();
  });
}

// unlock() lets a running goroutine take the mutex again before the waiter it
// woke gets there (no convoy), yet the waiter still gets in.
TEST_P(Sync, AWaiterGetsTheMutexFromAGoroutineThatNeverStopsTakingIt) {
  if (GetParam() == 1) GTEST_SKIP() << "the taker never blocks: on one thread nothing else would run";
  run_main([] {
    gort::mutex mu;
    std::atomic<bool> stop{false};
    std::atomic<long> taken{0};
    gort::wait_group both;
    both.add(2);
    gort::go([&] {
      while (!stop.load()) {  // takes the mutex back at once, again and again
        mu.lock();
        ++taken;
        mu.unlock();
      }
      both.done();
    });
    auto in = gort::make_chan<gort::signal>(1);
    gort::go([&, in] {
      while (taken.load() == 0) gort::gosched();
      mu.lock();
      in.send({});
      mu.unlock();
      both.done();
    });
    // Main blocks (no busy loop of its own): a thread left idle is what takes
    // a woken goroutine from a thread whose goroutine never blocks.
    const auto got_in = gort::select(gort::recv_case(in), gort::recv_case(gort::after(std::chrono::seconds(20))));
    EXPECT_EQ(got_in, 0) << "the waiter did not get the mutex within 20 s";
    stop = true;
    both.wait();
  });
}

using SyncDeathTest = Sync;
INSTANTIATE_TEST_SUITE_P(Pool, SyncDeathTest, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(SyncDeathTest, UnlockOfUnlockedMutexIsFatal) {
  EXPECT_EXIT(run_main([] {
                gort::mutex mu;
                mu.unlock();
              }),
              testing::ExitedWithCode(2), "fatal error: sync: unlock of unlocked mutex");
}

TEST_P(SyncDeathTest, NegativeWaitGroupCounterPanics) {
  EXPECT_EXIT(run_main([] {
                gort::wait_group wg;
                wg.done();
              }),
              testing::ExitedWithCode(2), "panic: sync: negative WaitGroup counter");
}

}  // namespace
