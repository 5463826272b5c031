// SPDX-License-Identifier: MIT
// select: Go's random choice among ready cases, default, blocking until
// exactly one case proceeds, closed and nil channels, send cases.
#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "runtime_test.hpp"

namespace {

using gort::default_case;
using gort::recv_case;
using gort::send_case;
using gort_test::eventually;

class Select : public gort_test::Maxprocs {};
GORT_INSTANTIATE_MAXPROCS(Select);

// chi_square() of observed counts against a uniform expectation.
double chi_square(const std::vector<long>& counts) {
  long total = 0;
  for (long c : counts) total += c;
  const double expected = static_cast<double>(total) / static_cast<double>(counts.size());
  double sum = 0;
  for (long c : counts) sum += (static_cast<double>(c) - expected) * (static_cast<double>(c) - expected) / expected;
  return sum;
}

TEST_P(Select, ChoosesUniformlyAmongReadyCases) {
  run_main([] {
    // Closed channels are always ready. 100,000 selects between two: a fair
    // choice gives chi-square (1 degree of freedom) above 30 with probability
    // 4e-8; a 51/49 bias gives about 40.
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    a.close();
    b.close();
    std::vector<long> two(2);
    for (int i = 0; i < 100'000; ++i) ++two[gort::select(recv_case(a), recv_case(b))];
    EXPECT_LT(chi_square(two), 30.0) << two[0] << " vs " << two[1];

    // Four ready cases, 3 degrees of freedom: above 40 with probability 1e-8.
    auto c = gort::make_chan<int>(1);
    auto d = gort::make_chan<int>(1);
    std::vector<long> four(4);
    for (int i = 0; i < 100'000; ++i) {
      c.try_send(1);
      d.try_send(1);
      ++four[gort::select(recv_case(a), send_case(gort::make_chan<int>(1), 0), recv_case(c),
                          recv_case(d))];
    }
    EXPECT_LT(chi_square(four), 40.0) << four[0] << " " << four[1] << " " << four[2] << " " << four[3];
  });
}

TEST_P(Select, DefaultRunsOnlyWhenNothingIsReady) {
  run_main([] {
    auto empty = gort::make_chan<int>();
    auto full = gort::make_chan<int>();
    bool defaulted = false;
    EXPECT_EQ(gort::select(recv_case(empty), default_case([&] { defaulted = true; }),
                           send_case(full, 1)),
              1u)
        << "the index counts default_case in its position";
    EXPECT_TRUE(defaulted);
    auto ready = gort::make_chan<int>(1);
    ready << 7;
    int got = 0;
    EXPECT_EQ(gort::select(default_case(), recv_case(ready, [&](int v) { got = v; })), 1u);
    EXPECT_EQ(got, 7);
  });
}

TEST_P(Select, BlocksUntilACaseCanProceed) {
  run_main([] {
    auto a = gort::make_chan<std::string>();
    auto b = gort::make_chan<std::string>();
    gort::go([b] { b << "from b"; });
    std::string got;
    const auto index = gort::select(recv_case(a, [&](std::string v) { got = "a:" + v; }),
                                    recv_case(b, [&](std::string v) { got = "b:" + v; }));
    EXPECT_EQ(index, 1u);
    EXPECT_EQ(got, "b:from b");
    EXPECT_EQ(a.try_recv(), std::nullopt) << "the losing case left nothing behind";
  });
}

TEST_P(Select, SendCaseDeliversAndRunsItsHandler) {
  run_main([] {
    auto out = gort::make_chan<std::unique_ptr<int>>();
    auto got = gort::make_chan<int>(1);
    gort::go([out, got] { got << *out.recv(); });
    bool sent = false;
    EXPECT_EQ(gort::select(send_case(out, std::make_unique<int>(42), [&] { sent = true; })), 0u);
    EXPECT_TRUE(sent);
    EXPECT_EQ(got.recv(), 42);
  });
}

TEST_P(Select, ClosedChannelIsAlwaysReadyWithZeroAndNotOk) {
  run_main([] {
    auto closed = gort::make_chan<int>(1);
    closed << 5;
    closed.close();
    int value = -1;
    bool ok = false;
    auto take = [&](int v, bool k) {
      value = v;
      ok = k;
    };
    EXPECT_EQ(gort::select(recv_case(closed, take), default_case()), 0u);
    EXPECT_EQ(value, 5);
    EXPECT_TRUE(ok);
    EXPECT_EQ(gort::select(recv_case(closed, take), default_case()), 0u);
    EXPECT_EQ(value, 0);
    EXPECT_FALSE(ok);
  });
}

TEST_P(Select, NilChannelCaseIsNeverChosen) {
  run_main([] {
    gort::chan<int> nil;
    gort::send_chan<int> nil_out;
    auto ready = gort::make_chan<int>(1);
    for (int i = 0; i < 1000; ++i) {
      ready << i;
      ASSERT_EQ(gort::select(recv_case(nil), send_case(nil_out, 1), recv_case(ready)), 2u);
    }
    EXPECT_EQ(gort::select(recv_case(nil), default_case()), 1u);
  });
}

TEST_P(Select, ChosenSendOnClosedChannelPanics) {
  run_main([] {
    auto closed = gort::make_chan<int>();
    closed.close();
    try {
      gort::select(send_case(closed, 1));
      ADD_FAILURE() << "no panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "send on closed channel");
    }
    // Closed while the select waits on it.
    auto later = gort::make_chan<int>();
    gort::go([later] {
      gort::sleep(std::chrono::milliseconds(5));
      later.close();
    });
    try {
      gort::select(send_case(later, 1), recv_case(gort::make_chan<int>()));
      ADD_FAILURE() << "no panic";
    } catch (const gort::panic_error& e) {
      EXPECT_STREQ(e.what(), "send on closed channel");
    }
  });
}

TEST_P(Select, CloseWakesEverySelectWaitingOnTheChannel) {
  run_main([] {
    constexpr int kWaiters = 16;
    auto quit = gort::make_chan<gort::signal>();
    auto never = gort::make_chan<int>();
    auto woke = gort::make_chan<bool>(kWaiters);
    for (int i = 0; i < kWaiters; ++i) {
      gort::go([=] {
        gort::select(recv_case(never), recv_case(quit, [&](gort::signal, bool ok) { woke << !ok; }));
      });
    }
    for (int i = 0; i < 50; ++i) gort::gosched();
    quit.close();
    for (int i = 0; i < kWaiters; ++i) EXPECT_TRUE(woke.recv());
  });
}

TEST_P(Select, SameChannelInTwoCasesTakesOneValue) {
  run_main([] {
    auto ch = gort::make_chan<int>();
    auto results = gort::make_chan<int>(100);
    constexpr int kRounds = 100;
    gort::go([=] {
      for (int i = 0; i < kRounds; ++i) {
        gort::select(recv_case(ch, [&](int v) { results << v; }),
                     recv_case(ch, [&](int v) { results << v + 1000; }));
      }
    });
    for (int i = 0; i < kRounds; ++i) ch << i;
    for (int i = 0; i < kRounds; ++i) EXPECT_EQ(results.recv() % 1000, i);
    EXPECT_EQ(ch.try_send(0), false) << "no stale receiver is left in the queue";
  });
}

TEST_P(Select, SelectOnOneChannelSendsARandomBitStream) {
  run_main([] {
    auto bits = gort::make_chan<int>();
    gort::go([bits] {
      for (int i = 0; i < 2000; ++i) gort::select(send_case(bits, 0), send_case(bits, 1));
      bits.close();
    });
    std::array<int, 2> seen{};
    for (int bit : bits) ++seen.at(static_cast<std::size_t>(bit));
    EXPECT_EQ(seen[0] + seen[1], 2000);
    EXPECT_GT(seen[0], 800);
    EXPECT_GT(seen[1], 800);
  });
}

TEST_P(Select, ASelectThatSendsAndReceivesOnOneChannelPairsWithAnother) {
  // It cannot pair with itself: it waits in both of the channel's queues
  // until main receives (the send case runs) or sends (the receive case).
  run_main([] {
    auto ch = gort::make_chan<int>();
    auto done = gort::make_chan<std::string>(2);
    gort::go([=] {
      for (int round = 0; round < 2; ++round) {
        gort::select(send_case(ch, 7, [&] { done << "sent"; }),
                     recv_case(ch, [&](int v) { done << "received " + std::to_string(v); }));
      }
    });
    EXPECT_EQ(ch.recv(), 7);
    EXPECT_EQ(done.recv(), "sent");
    ch << 8;
    EXPECT_EQ(done.recv(), "received 8");
  });
}

TEST_P(Select, TwoSelectsOnEachOthersChannelsPairUpExactlyOnce) {
  run_main([] {
    constexpr int kRounds = 2000;
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    std::atomic<int> transfers{0};
    gort::wait_group wg;
    wg.add(2);
    auto side = [&](gort::chan<int> mine, gort::chan<int> theirs) {
      for (int i = 0; i < kRounds; ++i) {
        gort::select(send_case(mine, i), recv_case(theirs, [&](int v) {
                       EXPECT_EQ(v, i);
                       ++transfers;
                     }));
      }
      wg.done();
    };
    gort::go(side, a, b);
    gort::go(side, b, a);
    wg.wait();
    EXPECT_EQ(transfers, kRounds) << "each round is one hand-off, seen once by its receiver";
  });
}

// Selecting senders and receivers over shared channels, mixed with plain
// operations: every value arrives exactly once.
TEST_P(Select, ExactlyOnceUnderStress) {
  run_main([] {
    constexpr int kSenders = 8;
    constexpr int kReceivers = 8;
    constexpr int kPerSender = 4000;
    constexpr int kTotal = kSenders * kPerSender;
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>(16);
    auto collected = gort::make_chan<std::vector<int>>(kReceivers);
    for (int s = 0; s < kSenders; ++s) {
      gort::go([=] {
        for (int i = 0; i < kPerSender; ++i) {
          const int v = s * kPerSender + i;
          if (i % 5 == 0) {
            b << v;  // plain sends mixed in (on b only, so every one can be matched)
          } else {
            gort::select(send_case(a, v), send_case(b, v));
          }
        }
      });
    }
    for (int r = 0; r < kReceivers; ++r) {
      gort::go([=] {
        std::vector<int> mine;
        auto keep = [&](int v) { mine.push_back(v); };
        for (int i = 0; i < kTotal / kReceivers; ++i) {
          if (i % 7 == 0) {
            mine.push_back(b.recv());
            continue;
          }
          gort::select(recv_case(a, keep), recv_case(b, keep));
        }
        collected << std::move(mine);
      });
    }
    std::vector<int> seen(kTotal);
    long long sum = 0;
    for (int r = 0; r < kReceivers; ++r) {
      for (int v : collected.recv()) {
        ++seen.at(static_cast<std::size_t>(v));
        sum += v;
      }
    }
    EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), kTotal);
    EXPECT_EQ(sum, static_cast<long long>(kTotal) * (kTotal - 1) / 2);
  });
}

TEST_P(Select, EmptySelectBlocksForever) {
  run_main([] {
    std::atomic<bool> returned{false};
    gort::go([&] {
      gort::select();
      returned = true;
    });
    gort::go([&] {
      gort::select(recv_case(gort::chan<int>()));  // only nil channels: the same
      returned = true;
    });
    for (int i = 0; i < 200; ++i) gort::gosched();
    EXPECT_FALSE(returned);
  });
}

}  // namespace
