// SPDX-License-Identifier: MIT
// Channels: rendezvous, FIFO buffering, close, the nil channel, move-only
// values, and no value lost or duplicated under many producers and consumers.
#include <atomic>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "runtime_test.hpp"

namespace {

using gort_test::eventually;

class Chan : public gort_test::Maxprocs {};
GORT_INSTANTIATE_MAXPROCS(Chan);

TEST_P(Chan, UnbufferedSendWaitsForTheReceiver) {
  run_main([] {
    auto ch = gort::make_chan<int>();
    std::atomic<int> stage{0};
    gort::go([ch, &stage] {
      stage = 1;
      ch.send(42);
      stage = 2;
    });
    ASSERT_TRUE(eventually([&] { return stage == 1; }));
    for (int i = 0; i < 100; ++i) gort::gosched();
    EXPECT_EQ(stage, 1) << "the send finished with nobody receiving";
    EXPECT_FALSE(gort::make_chan<int>().try_send(1)) << "an unbuffered channel has no room";
    EXPECT_EQ(ch.recv(), 42);
    EXPECT_TRUE(eventually([&] { return stage == 2; }));
  });
}

TEST_P(Chan, BufferedIsFifoAndSendsWithoutWaitingUntilFull) {
  run_main([] {
    auto ch = gort::make_chan<int>(3);
    EXPECT_EQ(ch.cap(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(ch.try_send(i));
    EXPECT_FALSE(ch.try_send(99)) << "a full buffer must refuse";
    EXPECT_EQ(ch.len(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(ch.recv(), i);
    EXPECT_EQ(ch.len(), 0u);
    EXPECT_EQ(ch.try_recv(), std::nullopt);
  });
}

TEST_P(Chan, SenderBlockedOnAFullBufferBecomesItsTail) {
  run_main([] {
    auto ch = gort::make_chan<int>(2);
    ch << 0 << 1;
    std::atomic<bool> sent{false};
    gort::go([ch, &sent] {
      ch << 2;
      sent = true;
    });
    for (int i = 0; i < 100; ++i) gort::gosched();
    EXPECT_FALSE(sent) << "send into a full buffer must wait";
    std::vector<int> got;
    for (int i = 0; i < 3; ++i) got.push_back(ch.recv());
    EXPECT_EQ(got, (std::vector<int>{0, 1, 2}));
    EXPECT_TRUE(eventually([&] { return sent.load(); }));
  });
}

// Every value of every producer arrives exactly once: counts and a bitmap.
void many_producers_many_consumers(std::size_t cap) {
  constexpr int kProducers = 8;
  constexpr int kConsumers = 8;
  constexpr int kPerProducer = 5000;
  constexpr int kTotal = kProducers * kPerProducer;
  auto values = gort::make_chan<int>(cap);
  auto sums = gort::make_chan<std::vector<int>>();
  gort::wait_group producers;
  producers.add(kProducers);
  for (int p = 0; p < kProducers; ++p) {
    gort::go([&producers, values, p] {
      for (int i = 0; i < kPerProducer; ++i) values << p * kPerProducer + i;
      producers.done();
    });
  }
  for (int c = 0; c < kConsumers; ++c) {
    gort::go([values, sums] {
      std::vector<int> mine;
      for (int v : values) mine.push_back(v);
      sums << std::move(mine);
    });
  }
  producers.wait();
  values.close();
  std::vector<int> seen(kTotal, 0);
  long long total = 0;
  for (int c = 0; c < kConsumers; ++c) {
    for (int v : sums.recv()) {
      ASSERT_GE(v, 0);
      ASSERT_LT(v, kTotal);
      ++seen[v];
      total += v;
    }
  }
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), kTotal) << "a value was lost or duplicated";
  EXPECT_EQ(total, static_cast<long long>(kTotal) * (kTotal - 1) / 2);
}

TEST_P(Chan, NoValueLostOrDuplicatedUnbuffered) {
  run_main([] { many_producers_many_consumers(0); });
}

TEST_P(Chan, NoValueLostOrDuplicatedBuffered) {
  run_main([] { many_producers_many_consumers(64); });
}

TEST_P(Chan, CloseDrainsTheBufferThenGivesZeroAndNotOk) {
  run_main([] {
    auto ch = gort::make_chan<std::string>(2);
    ch << "a" << "b";
    ch.close();
    EXPECT_EQ(ch.recv(), "a");
    auto [value, ok] = ch.recv_ok();
    EXPECT_EQ(value, "b");
    EXPECT_TRUE(ok);
    auto drained = ch.recv_ok();
    EXPECT_EQ(drained.value, "");
    EXPECT_FALSE(drained.ok);
    EXPECT_EQ(ch.recv(), "");
    EXPECT_EQ(ch.try_recv(), std::nullopt);
  });
}

TEST_P(Chan, CloseWakesEveryBlockedReceiverAndSender) {
  run_main([] {
    constexpr int kEach = 20;
    auto ch = gort::make_chan<int>();
    std::atomic<int> receivers_woken{0};
    std::atomic<int> senders_panicked{0};
    std::atomic<int> started{0};
    gort::wait_group all;
    all.add(2 * kEach);
    for (int i = 0; i < kEach; ++i) {
      gort::go([&, ch] {
        ++started;
        auto [value, ok] = ch.recv_ok();
        if (!ok && value == 0) ++receivers_woken;
        all.done();
      });
    }
    auto full = gort::make_chan<int>(1);
    full << 0;
    for (int i = 0; i < kEach; ++i) {
      gort::go([&, full] {
        ++started;
        try {
          full.send(1);
        } catch (const gort::panic_error& e) {
          if (std::string(e.what()) == "send on closed channel") ++senders_panicked;
        }
        all.done();
      });
    }
    ASSERT_TRUE(eventually([&] { return started == 2 * kEach; }));
    for (int i = 0; i < 100; ++i) gort::gosched();
    ch.close();
    full.close();
    all.wait();
    EXPECT_EQ(receivers_woken, kEach);
    EXPECT_EQ(senders_panicked, kEach);
  });
}

TEST_P(Chan, RangeReceivesUntilClosed) {
  run_main([] {
    auto ch = gort::make_chan<int>(4);
    gort::go([ch] {
      for (int i = 1; i <= 10; ++i) ch << i;
      ch.close();
    });
    std::vector<int> got;
    for (int v : ch) got.push_back(v);
    std::vector<int> want(10);
    std::iota(want.begin(), want.end(), 1);
    EXPECT_EQ(got, want);
  });
}

TEST_P(Chan, MoveOnlyValuesTravelWithOwnership) {
  run_main([] {
    for (std::size_t cap : {0, 2}) {
      auto ch = gort::make_chan<std::unique_ptr<int>>(cap);
      gort::go([ch] {
        for (int i = 0; i < 5; ++i) ch.send(std::make_unique<int>(i));
        ch.close();
      });
      int expected = 0;
      for (std::unique_ptr<int> p : ch) {
        ASSERT_NE(p, nullptr);
        EXPECT_EQ(*p, expected++);
      }
      EXPECT_EQ(expected, 5);
      EXPECT_EQ(ch.recv(), nullptr) << "a closed channel of pointers gives nullptr";
    }
  });
}

TEST_P(Chan, SignalChannelCarriesEvents) {
  run_main([] {
    auto done = gort::make_chan<gort::signal>();
    std::atomic<bool> worked{false};
    gort::go([done, &worked] {
      worked = true;
      done << gort::signal{};
    });
    done.recv();
    EXPECT_TRUE(worked);
  });
}

TEST_P(Chan, NilChannelNeverReadyAndCloseOfNilPanics) {
  run_main([] {
    gort::chan<int> nil;
    EXPECT_FALSE(nil);
    EXPECT_FALSE(nil.try_send(1));
    EXPECT_EQ(nil.try_recv(), std::nullopt);
    EXPECT_EQ(nil.len(), 0u);
    EXPECT_EQ(nil.cap(), 0u);
    try {
      nil.close();
      ADD_FAILURE() << "close of nil channel did not panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "close of nil channel");
    }
    std::atomic<bool> returned{false};
    gort::go([nil, &returned] {
      nil.recv();
      returned = true;
    });
    gort::go([nil, &returned] {
      nil.send(1);
      returned = true;
    });
    for (int i = 0; i < 200; ++i) gort::gosched();
    EXPECT_FALSE(returned) << "an operation on the nil channel returned";
    EXPECT_EQ(gort::num_goroutine(), 3);
  });
}

TEST_P(Chan, ClosingTwicePanicsWithGosMessage) {
  run_main([] {
    auto ch = gort::make_chan<int>();
    ch.close();
    try {
      ch.close();
      ADD_FAILURE() << "second close did not panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "close of closed channel");
    }
  });
}

TEST_P(Chan, HandlesCompareByChannel) {
  run_main([] {
    auto a = gort::make_chan<int>();
    auto copy = a;
    EXPECT_TRUE(a == copy);
    EXPECT_FALSE(a == gort::make_chan<int>());
    EXPECT_TRUE(gort::chan<int>() == gort::chan<int>());
    EXPECT_TRUE(gort::send_chan<int>(a) == gort::send_chan<int>(copy));
    EXPECT_TRUE(gort::recv_chan<int>(a) == gort::recv_chan<int>(copy));
  });
}

TEST_P(Chan, DirectionalViewsShareTheChannel) {
  run_main([] {
    auto ch = gort::make_chan<int>(1);
    gort::send_chan<int> out = ch;
    gort::recv_chan<int> in = ch;
    out << 5;
    EXPECT_EQ(in.len(), 1u);
    EXPECT_EQ(in.recv(), 5);
    out.close();
    EXPECT_FALSE(in.recv_ok().ok);
  });
}

// The runtime's panics end the program with Go's message and status 2.
using ChanDeathTest = Chan;
INSTANTIATE_TEST_SUITE_P(Pool, ChanDeathTest, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(ChanDeathTest, SendOnClosedChannel) {
  EXPECT_EXIT(run_main([] {
                auto ch = gort::make_chan<int>(1);
                ch.close();
                ch << 1;
              }),
              testing::ExitedWithCode(2), "panic: send on closed channel\n\ngoroutine 1 \\[running\\]");
}

TEST_P(ChanDeathTest, CloseOfClosedChannelInAnotherGoroutine) {
  EXPECT_EXIT(run_main([] {
                auto ch = gort::make_chan<int>();
                ch.close();
                gort::go([ch] { ch.close(); });
                gort::make_chan<int>().recv();
              }),
              testing::ExitedWithCode(2), "panic: close of closed channel\n\ngoroutine 2 \\[running\\]");
}

TEST_P(ChanDeathTest, CloseOfNilChannel) {
  EXPECT_EXIT(run_main([] { gort::chan<int>().close(); }), testing::ExitedWithCode(2),
              "panic: close of nil channel");
}

}  // namespace

namespace {

// A plain OS thread, outside the pool, may send and receive too: it blocks
// its own thread while a goroutine is on the other end.
TEST_P(Chan, PlainThreadsSendAndReceive) {
  auto to_goroutine = gort::make_chan<int>();
  auto from_goroutine = gort::make_chan<int>();
  std::thread sender([&] {
    for (int i = 1; i <= 100; ++i) to_goroutine << i;
    to_goroutine.close();
  });
  int sum = 0;
  std::thread receiver([&] { sum = from_goroutine.recv(); });
  run_main([&] {
    gort::wait_group done;
    done.add(1);
    gort::go([&] {
      int total = 0;
      for (int v : to_goroutine) total += v;
      from_goroutine << total;
      done.done();
    });
    done.wait();
  });
  sender.join();
  receiver.join();
  EXPECT_EQ(sum, 5050);
}

}  // namespace
