// SPDX-License-Identifier: MIT
// GORT_CHECK in a build with GORT_CHECKS: a broken invariant ends the program
// as Go's throw does, naming it, with every goroutine, and exit status 2.
#include "gort/detail/check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <gort/gort.hpp>

#include "gort/detail/hchan.hpp"
#include "gort/detail/park.hpp"

namespace {

TEST(CheckDeathTest, ABrokenInvariantNamesItselfAndDumpsTheGoroutines) {
  EXPECT_EXIT(
      gort::run([] { GORT_CHECK(1 + 1 == 3, "arithmetic holds"); }), testing::ExitedWithCode(2),
      testing::AllOf(testing::HasSubstr("fatal error: runtime: invariant broken: arithmetic holds"),
                     testing::HasSubstr("(1 + 1 == 3, at "),
                     testing::HasSubstr("goroutine 1 [running]")));
}

TEST(CheckDeathTest, AWaiterQueuedTwiceIsCaught) {
  const auto queue_twice = [] {
    gort::detail::wake_token token;
    gort::detail::waiter w{.token = &token};
    gort::detail::waitq first;
    gort::detail::waitq second;
    first.push_back(&w);
    second.push_back(&w);
  };
  EXPECT_EXIT(queue_twice(), testing::ExitedWithCode(2),
              testing::HasSubstr("invariant broken: a waiter is in at most one queue"));
}

TEST(CheckDeathTest, ATokenUnparkedTwiceIsCaught) {
  EXPECT_EXIT(gort::run([] {
                gort::detail::wake_token token;
                token.claim();
                gort::detail::unpark(token);  // not parked yet: only marks it signalled
                gort::detail::unpark(token);
              }),
              testing::ExitedWithCode(2),
              testing::HasSubstr("invariant broken: unpark() runs at most once per token"));
}

TEST(CheckDeathTest, ASenderQueuedBesideAWaitingReceiverIsCaught) {
  const auto wait_both_ways = [] {
    gort::detail::hchan<int> ch(0);
    gort::detail::wake_token receiving;
    gort::detail::wake_token sending;
    gort::detail::waiter receiver{.token = &receiving};
    gort::detail::waiter sender{.token = &sending};
    ch.enqueue_receiver(&receiver);
    ch.enqueue_sender(&sender);
  };
  EXPECT_EXIT(wait_both_ways(), testing::ExitedWithCode(2),
              testing::HasSubstr("invariant broken: a sender waits while a receiver waits"));
}

TEST(Check, ASelectMayWaitToSendAndToReceiveOnOneChannel) {
  gort::detail::hchan<int> ch(0);
  gort::detail::wake_token selecting;
  gort::detail::waiter receiver{.token = &selecting};
  gort::detail::waiter sender{.token = &selecting};
  ch.enqueue_receiver(&receiver);
  ch.enqueue_sender(&sender);
  EXPECT_FALSE(ch.recvq().empty());
  EXPECT_FALSE(ch.sendq().empty());
  ch.recvq().remove(&receiver);
  ch.sendq().remove(&sender);
}

}  // namespace
