// SPDX-License-Identifier: MIT
// The wait queue (Go's sudog list), by itself: FIFO order, removal from any
// place, and dequeue() skipping the stale waiters of operations that a
// select has already completed on another channel.
#include <gtest/gtest.h>

#include <array>

#include "gort/detail/park.hpp"

namespace {

using gort::detail::waiter;
using gort::detail::waitq;
using gort::detail::wake_token;

TEST(WaitQueue, DequeuesInTheOrderWaitersCameAndPushFrontJumpsTheQueue) {
  std::array<wake_token, 4> tokens;
  std::array<waiter, 4> waiters;
  waitq q;
  for (std::size_t i = 0; i < 3; ++i) {
    waiters[i].token = &tokens[i];
    q.push_back(&waiters[i]);
  }
  waiters[3].token = &tokens[3];
  q.push_front(&waiters[3]);
  for (std::size_t expected : {3U, 0U, 1U, 2U}) {
    waiter* w = q.dequeue();
    ASSERT_EQ(w, &waiters[expected]);
    EXPECT_FALSE(w->queued);
    EXPECT_EQ(w->token->winner, w) << "the dequeuer's claim names the waiter that won";
  }
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.dequeue(), nullptr);
}

TEST(WaitQueue, RemovesAWaiterFromAnyPlaceAndOnlyOnce) {
  std::array<wake_token, 3> tokens;
  std::array<waiter, 3> waiters;
  waitq q;
  for (std::size_t i = 0; i < 3; ++i) {
    waiters[i].token = &tokens[i];
    q.push_back(&waiters[i]);
  }
  q.remove(&waiters[1]);
  q.remove(&waiters[1]);  // a select's cleanup may find its waiter gone already
  EXPECT_FALSE(waiters[1].queued);
  EXPECT_EQ(q.dequeue(), &waiters[0]);
  q.remove(&waiters[2]);
  EXPECT_TRUE(q.empty());
}

TEST(WaitQueue, DequeueDropsTheWaitersOfOperationsCompletedElsewhere) {
  // One select waits on two channels: one token, a waiter in each queue.
  wake_token select_token;
  waiter on_a{.token = &select_token};
  waiter on_b{.token = &select_token};
  wake_token plain_token;
  waiter plain{.token = &plain_token};
  waitq a, b;
  a.push_back(&on_a);
  b.push_back(&on_b);
  b.push_back(&plain);
  EXPECT_EQ(a.dequeue(), &on_a) << "channel a completes the select";
  EXPECT_EQ(b.dequeue(), &plain) << "b skips the select's stale waiter";
  EXPECT_FALSE(on_b.queued);
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(select_token.winner, &on_a);
}

}  // namespace
