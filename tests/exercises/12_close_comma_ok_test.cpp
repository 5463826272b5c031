// SPDX-License-Identifier: MIT
// Exercise 12: close_comma_ok.
#include <vector>

#include "close_comma_ok.hpp"
#include "exercise_test.hpp"

namespace {

using exercise::collect;
using exercise::poll;
using exercise::poll_state;
using exercise::produce;
using grading::graded;

// sends_then_closes() starts a goroutine that sends values on ch and closes it.
void sends_then_closes(gort::chan<int> ch, std::vector<int> values) {
  gort::go([ch, values = std::move(values)] {
    for (int v : values) ch << v;
    ch.close();
  });
}

TEST(CloseCommaOk, ProduceSendsEveryValueThenCloses) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto ch = produce({4, 0, 4, -2}, 0);
          std::vector<int> got;
          for (int v : ch) got.push_back(v);
          EXPECT_EQ(got, (std::vector<int>{4, 0, 4, -2}));
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the producer never ended";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(CloseCommaOk, ProduceOfNothingClosesAtOnce) {
  graded([] {
    auto ch = produce({}, 0);
    auto [value, ok] = ch.recv_ok();
    EXPECT_FALSE(ok) << "received " << value << " from a producer of nothing";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(CloseCommaOk, ProduceGivesTheChannelItsBuffer) {
  graded([] {
    auto ch = produce({1, 2}, 5);
    EXPECT_EQ(ch.cap(), 5U);
    EXPECT_EQ(collect(ch), (std::vector<int>{1, 2}));
  });
}

TEST(CloseCommaOk, ValuesBufferedAtTheCloseStillArrive) {
  graded([] {
    auto ch = produce({7, 8, 9}, 3);
    // With room for every value the producer never waits: it sends, closes and
    // ends before anything is received.
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the producer did not end after closing";
    EXPECT_EQ(ch.len(), 3U);
    EXPECT_EQ(ch.recv(), 7);
    EXPECT_EQ(collect(ch), (std::vector<int>{8, 9}));
    EXPECT_FALSE(ch.recv_ok().ok);
  });
}

TEST(CloseCommaOk, CollectReturnsEveryValueUntilTheClose) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto ch = gort::make_chan<int>();
          sends_then_closes(ch, {5, 6, 7});
          EXPECT_EQ(collect(ch), (std::vector<int>{5, 6, 7}));
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(CloseCommaOk, CollectTakesZeroForAValue) {
  graded([] {
    auto ch = gort::make_chan<int>();
    sends_then_closes(ch, {0, 3, 0, 0});
    EXPECT_EQ(collect(ch), (std::vector<int>{0, 3, 0, 0}));
  });
}

TEST(CloseCommaOk, CollectOfAClosedEmptyChannelIsEmpty) {
  graded([] {
    auto ch = gort::make_chan<int>(2);
    ch.close();
    EXPECT_TRUE(collect(ch).empty());
  });
}

TEST(CloseCommaOk, CollectGetsTheValuesLeftInTheBuffer) {
  graded([] {
    auto ch = gort::make_chan<int>(3);
    ch << 1 << 2 << 3;
    ch.close();
    EXPECT_EQ(collect(ch), (std::vector<int>{1, 2, 3}));
  });
}

TEST(CloseCommaOk, CollectWaitsThroughQuietSpells) {
  // Nothing ready for a while is not the end: only the close is.
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto ch = gort::make_chan<int>();
          gort::go([ch] {
            ch << 1;
            for (int i = 0; i < 100; ++i) gort::gosched();
            ch << 2;
            for (int i = 0; i < 100; ++i) gort::gosched();
            ch.close();
          });
          EXPECT_EQ(collect(ch), (std::vector<int>{1, 2}));
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(CloseCommaOk, PollSaysEmptyOnAnOpenChannelWithNothingReady) {
  graded([] {
    for (std::size_t cap : {0U, 4U}) {
      auto ch = gort::make_chan<int>(cap);
      const auto polled = poll(ch);
      EXPECT_EQ(polled.state, poll_state::empty) << "capacity " << cap;
      EXPECT_EQ(polled.value, 0);
    }
  });
}

TEST(CloseCommaOk, PollTakesAReadyValue) {
  graded([] {
    auto ch = gort::make_chan<int>(2);
    ch << 0 << 12;
    auto polled = poll(ch);
    EXPECT_EQ(polled.state, poll_state::value);
    EXPECT_EQ(polled.value, 0);
    polled = poll(ch);
    EXPECT_EQ(polled.state, poll_state::value);
    EXPECT_EQ(polled.value, 12);
    EXPECT_EQ(poll(ch).state, poll_state::empty) << "the channel is open and drained";
  });
}

TEST(CloseCommaOk, PollSaysClosedOnlyOnceTheBufferIsDrained) {
  graded([] {
    auto ch = gort::make_chan<int>(2);
    ch << 3;
    ch.close();
    auto polled = poll(ch);
    EXPECT_EQ(polled.state, poll_state::value) << "a value buffered before the close was lost";
    EXPECT_EQ(polled.value, 3);
    polled = poll(ch);
    EXPECT_EQ(polled.state, poll_state::closed);
    EXPECT_EQ(polled.value, 0);
    EXPECT_EQ(poll(ch).state, poll_state::closed) << "closed stays closed";
  });
}

TEST(CloseCommaOk, PollOfAClosedUnbufferedChannel) {
  graded([] {
    auto ch = gort::make_chan<int>();
    ch.close();
    EXPECT_EQ(poll(ch).state, poll_state::closed);
  });
}

TEST(CloseCommaOk, PollOfTheNilChannelIsEmpty) {
  // The nil channel is never ready, and never closed: poll must not block on it.
  graded([] { EXPECT_EQ(poll(gort::recv_chan<int>{}).state, poll_state::empty); });
}

TEST(CloseCommaOk, PollFollowsAProducerToItsEnd) {
  graded([] {
    auto ch = produce({1, 2, 3}, 3);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
    std::vector<int> got;
    for (auto polled = poll(ch); polled.state != poll_state::closed; polled = poll(ch)) {
      ASSERT_EQ(polled.state, poll_state::value) << "the producer had already sent everything";
      got.push_back(polled.value);
    }
    EXPECT_EQ(got, (std::vector<int>{1, 2, 3}));
  });
}

}  // namespace
