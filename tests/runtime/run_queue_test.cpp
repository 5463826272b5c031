// SPDX-License-Identifier: MIT
// A processor's run queue by itself, on records that never run: run_list is
// a FIFO that can be emptied and refilled; runnext holds the goroutine to run
// next and sends the one it displaces to the runq's tail; pop() takes
// runnext first, but not more than kRunnextStreak times in a row while the
// runq waits; a thief takes half the runq, rounded up, and runq_size always
// matches the runq's length; a runq may be stolen from only once the thief
// has seen it hold goroutines, with no refill, for kStealGrace.
#include <gtest/gtest.h>

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

#include "pool.hpp"
#include "processor.hpp"

namespace {

using gort::detail::goroutine;
using gort::detail::pool;
using gort::detail::processor;
using gort::detail::run_list;

// records: goroutine records of a pool that is made but never started.
class records {
 public:
  explicit records(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      all_.push_back(std::make_unique<goroutine>(home_, i + 1, goroutine::role::user, nullptr, "",
                                                 "", nullptr));
    }
  }
  goroutine* operator[](std::size_t i) const { return all_[i].get(); }
  pool& home() { return home_; }

 private:
  pool home_{1, 64 * 1024, false, std::chrono::milliseconds(0)};
  std::vector<std::unique_ptr<goroutine>> all_;
};

TEST(RunList, IsAFifoThatCanBeEmptiedAndRefilled) {
  records g(100);
  run_list list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.pop_front(), nullptr);
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < 100; ++i) list.push_back(g[i]);
    for (std::size_t i = 0; i < 100; ++i) ASSERT_EQ(list.pop_front(), g[i]) << "round " << round;
    EXPECT_TRUE(list.empty());
    EXPECT_EQ(list.pop_front(), nullptr);
  }
}

TEST(Processor, RunnextRunsFirstAndWhatItDisplacesQueuesAtTheTail) {
  records g(3);
  processor p(g.home(), 0);
  p.push(g[0]);
  p.push_next(g[1]);
  p.push_next(g[2]);  // displaces g[1] to the tail, behind g[0]
  EXPECT_EQ(p.runq_size.load(), 2U);
  EXPECT_EQ(p.pop(), g[2]);
  EXPECT_EQ(p.pop(), g[0]);
  EXPECT_EQ(p.pop(), g[1]);
  EXPECT_EQ(p.pop(), nullptr);
  EXPECT_EQ(p.runq_size.load(), 0U);
}

TEST(Processor, RunnextCannotStarveTheRunq) {
  // Two goroutines handing a value back and forth keep refilling runnext;
  // the one in the runq must still run within kRunnextStreak + 1 picks.
  records g(3);
  processor p(g.home(), 0);
  p.push(g[0]);
  int picks = 0;
  goroutine* picked = nullptr;
  p.push_next(g[1]);
  while ((picked = p.pop()) != g[0]) {
    ASSERT_NE(picked, nullptr);
    ++picks;
    p.push_next(picked == g[1] ? g[2] : g[1]);  // the other side is readied at once
  }
  EXPECT_EQ(picks, processor::kRunnextStreak);
}

TEST(Processor, AThiefTakesHalfTheRunqRoundedUpAndTheCountsFollow) {
  records g(7);
  processor victim(g.home(), 0);
  processor thief(g.home(), 1);
  for (std::size_t i = 0; i < 7; ++i) victim.push(g[i]);
  goroutine* first = victim.steal_into(thief);
  EXPECT_EQ(first, g[0]) << "the oldest is the thief's to run";
  EXPECT_EQ(thief.runq_size.load(), 3U);
  EXPECT_EQ(victim.runq_size.load(), 3U);
  for (std::size_t i : {1U, 2U, 3U}) EXPECT_EQ(thief.pop(), g[i]);
  for (std::size_t i : {4U, 5U, 6U}) EXPECT_EQ(victim.pop(), g[i]);
  EXPECT_EQ(victim.steal_into(thief), nullptr) << "nothing to take";
  EXPECT_EQ(thief.runq_size.load() + victim.runq_size.load(), 0U);
}

TEST(Processor, ALastGoroutineIsStolenAlone) {
  records g(1);
  processor victim(g.home(), 0);
  processor thief(g.home(), 1);
  victim.push(g[0]);
  EXPECT_EQ(victim.steal_into(thief), g[0]);
  EXPECT_EQ(thief.runq_size.load(), 0U);
  EXPECT_EQ(victim.runq_size.load(), 0U);
}

TEST(Processor, ARunqMayBeStolenFromOnlyOnceTheThiefHasSeenItWaitTheGrace) {
  records g(3);
  processor victim(g.home(), 0);
  processor thief(g.home(), 1);
  const auto t = std::chrono::steady_clock::now();
  const auto grace = processor::kStealGrace;
  EXPECT_FALSE(thief.may_steal_from(victim, t)) << "an empty runq";
  victim.push(g[0]);
  EXPECT_FALSE(thief.may_steal_from(victim, t)) << "first seen now";
  EXPECT_FALSE(thief.may_steal_from(victim, t + grace / 2)) << "seen for half the grace";
  victim.push(g[1]);
  EXPECT_FALSE(thief.may_steal_from(victim, t + grace / 2)) << "two, no older";
  EXPECT_TRUE(thief.may_steal_from(victim, t + grace)) << "seen for the whole grace";
  EXPECT_EQ(victim.steal_into(thief), g[0]);
  EXPECT_EQ(victim.pop(), g[1]);
  victim.push(g[2]);
  EXPECT_FALSE(thief.may_steal_from(victim, t + grace * 2)) << "refilled: the grace starts again";
  EXPECT_TRUE(thief.may_steal_from(victim, t + grace * 3));
}

}  // namespace
