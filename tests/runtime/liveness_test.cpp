// SPDX-License-Identifier: MIT
// The liveness counts by themselves, with no run: events counted in the
// shares of different threads sum right, a share left by an ending thread
// keeps its count for the next, and a look never sees a count in passing
// that was not true at one instant, even while two threads hand a goroutine
// back and forth as fast as they can.
#include "liveness.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace {

namespace liveness = gort::detail::liveness;

// runtime_thread(): runs body on a new thread that counts in a share of its own.
template <typename Body>
std::thread runtime_thread(Body body) {
  return std::thread([body] {
    liveness::runtime_thread_started();
    body();
    liveness::runtime_thread_ended();
  });
}

// The counts are the process's: each test leaves them at zero, so that the
// tests pass alone (as ctest runs them) or together.

TEST(Liveness, CountsFromEveryThreadSumToOne) {
  EXPECT_TRUE(liveness::all_goroutines_parked()) << "nothing counted yet";
  liveness::goroutine_started();  // in the shared share, like run()'s caller
  EXPECT_FALSE(liveness::all_goroutines_parked());
  runtime_thread([] { liveness::goroutine_parked(); }).join();
  EXPECT_TRUE(liveness::all_goroutines_parked()) << "+1 in one share, -1 in another: 0";
  runtime_thread([] { liveness::goroutine_unparked(); }).join();
  EXPECT_FALSE(liveness::all_goroutines_parked()) << "the ended thread's share kept its -1";
  liveness::goroutine_exited();
  EXPECT_TRUE(liveness::all_goroutines_parked());
}

TEST(Liveness, ALookNeverSeesAGoroutineHandedBetweenThreadsAsParked) {
  // One goroutine is always running: each turn, one thread counts the next
  // one started before the other counts the last one ended. One share only
  // grows and the other only shrinks, so a look that read the first share
  // early and the second late would see nobody running.
  constexpr int kTurns = 50'000;
  liveness::goroutine_started();
  std::atomic<int> turn{0};
  std::atomic<bool> starter_has_its_share{false};
  std::atomic<bool> done{false};
  // The starter takes its share first, so a look reads the growing share
  // before the shrinking one: the order in which a torn look undercounts.
  auto starter = runtime_thread([&] {
    starter_has_its_share.store(true);
    for (int i = 0; i < kTurns; ++i) {
      while (turn.load() != 2 * i) std::this_thread::yield();
      liveness::goroutine_started();
      turn.store(2 * i + 1);
    }
  });
  while (!starter_has_its_share.load()) std::this_thread::yield();
  auto ender = runtime_thread([&] {
    for (int i = 0; i < kTurns; ++i) {
      while (turn.load() != 2 * i + 1) std::this_thread::yield();
      liveness::goroutine_exited();
      turn.store(2 * i + 2);
    }
    done.store(true);
  });
  long looks = 0;
  long seen_parked = 0;
  while (!done.load()) {
    ++looks;
    if (liveness::all_goroutines_parked()) ++seen_parked;
  }
  starter.join();
  ender.join();
  EXPECT_EQ(seen_parked, 0) << "in " << looks << " looks";
  EXPECT_GT(looks, 1000) << "the looks must overlap the turns";
  EXPECT_FALSE(liveness::all_goroutines_parked());
  liveness::goroutine_exited();
  EXPECT_TRUE(liveness::all_goroutines_parked());
}

}  // namespace
