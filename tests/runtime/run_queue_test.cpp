// SPDX-License-Identifier: MIT
// A processor's run queue by itself, on records that never run: run_list is
// a FIFO that can be emptied and refilled; runnext holds the goroutine to run
// next and sends the one it displaces to the runq's tail; pop() takes
// runnext first, but not more than kRunnextStreak times in a row while the
// runq waits; a thief takes half the runq, rounded up, and runq_size always
// matches the runq's length; a runq may be stolen from only once it has held
// goroutines for kStealGrace, and stolen ones count as having waited.
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

TEST(Processor, ARunqIsStealableOnlyAfterItsGrace) {
  records g(3);
  processor victim(g.home(), 0);
  processor thief(g.home(), 1);
  const auto now = [] { return std::chrono::steady_clock::now(); };
  EXPECT_FALSE(victim.stealable(now())) << "an empty runq";
  // Asked at `before` the push, the goroutine has not waited at all; asked
  // kStealGrace `after` it, it has waited the grace, however slow the machine.
  auto before = now();
  victim.push(g[0]);
  const auto after = now();
  EXPECT_FALSE(victim.stealable(before)) << "a goroutine that just arrived";
  EXPECT_TRUE(victim.stealable(after + processor::kStealGrace)) << "one that has waited";
  victim.push(g[1]);
  EXPECT_FALSE(victim.stealable(before)) << "two, no older";
  EXPECT_TRUE(victim.stealable(after + processor::kStealGrace)) << "the first has waited";
  EXPECT_EQ(victim.steal_into(thief), g[0]);
  EXPECT_EQ(victim.pop(), g[1]);
  before = now();
  victim.push(g[2]);
  EXPECT_FALSE(victim.stealable(before)) << "the grace starts again when the runq refills";
}

TEST(Processor, AStolenBatchHasWaitedAlready) {
  records g(5);
  processor victim(g.home(), 0);
  processor thief(g.home(), 1);
  thief.push(g[4]);  // the thief's runq was last filled just now
  EXPECT_EQ(thief.pop(), g[4]);
  for (std::size_t i = 0; i < 4; ++i) victim.push(g[i]);
  EXPECT_EQ(victim.steal_into(thief), g[0]);
  EXPECT_EQ(thief.runq_size.load(), 1U);
  EXPECT_TRUE(thief.stealable(std::chrono::steady_clock::now()))
      << "g[1] came from a runq where it had been waiting";
}

}  // namespace
