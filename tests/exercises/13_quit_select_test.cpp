// SPDX-License-Identifier: MIT
// Exercise 13: quit_select.
#include <cstddef>
#include <vector>

#include "exercise_test.hpp"
#include "quit_select.hpp"

namespace {

using exercise::worker;
using grading::graded;

// Tests that depend on which ready case a select picks repeat this many
// rounds: a worker that lets chance decide fails one of them all but surely.
constexpr int kRounds = 20;

// A closed work channel stays ready, giving 0 each time: a worker that does
// not look at ok would handle zeros forever, so handlers stop it with a panic.
void more_than(std::size_t expected, std::size_t handled) {
  if (handled > expected) gort::panic("handled more items than were sent: work was closed");
}

// full_of() is a channel holding 1, 2, ..., n, left open.
gort::chan<int> full_of(int n) {
  auto ch = gort::make_chan<int>(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) ch << i;
  return ch;
}

TEST(QuitSelect, HandlesEveryItemInOrderUntilWorkIsClosed) {
  graded([] {
    auto work = full_of(5);
    work.close();
    auto quit = gort::make_chan<gort::signal>();
    std::vector<int> handled;
    EXPECT_EQ(worker(work, quit,
                     [&handled](int item) {
                       handled.push_back(item);
                       more_than(5, handled.size());
                     }),
              5);
    EXPECT_EQ(handled, (std::vector<int>{1, 2, 3, 4, 5}));
  });
}

TEST(QuitSelect, ClosedEmptyWorkReturnsZero) {
  graded([] {
    auto work = gort::make_chan<int>();
    work.close();
    auto quit = gort::make_chan<gort::signal>();
    EXPECT_EQ(worker(work, quit, [](int) { more_than(0, 1); }), 0);
  });
}

TEST(QuitSelect, AClosedQuitWinsOverWaitingWork) {
  graded([] {
    for (int round = 0; round < kRounds; ++round) {
      auto work = full_of(10);
      auto quit = gort::make_chan<gort::signal>();
      quit.close();
      int handled = 0;
      EXPECT_EQ(worker(work, quit, [&handled](int) { ++handled; }), 0);
      ASSERT_EQ(handled, 0) << "round " << round << ": handled work although quit was closed";
    }
  });
}

TEST(QuitSelect, StopsRightAfterQuitIsClosed) {
  graded([] {
    for (int round = 0; round < kRounds; ++round) {
      auto work = full_of(1000);
      auto quit = gort::make_chan<gort::signal>();
      int handled = 0;
      // The tenth item closes quit: not one more item may be handled.
      const int returned = worker(work, quit, [&handled, quit](int) {
        if (++handled == 10) quit.close();
      });
      ASSERT_EQ(handled, 10) << "round " << round << ": items handled after quit was closed";
      EXPECT_EQ(returned, 10);
      EXPECT_EQ(work.len(), 990U) << "the worker took items it did not handle";
    }
  });
}

TEST(QuitSelect, WaitsForWorkUntilQuitIsClosed) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto work = gort::make_chan<int>();
          auto quit = gort::make_chan<gort::signal>();
          auto handled = gort::make_chan<int>(10);
          auto count = gort::make_chan<int>(1);
          gort::go([=] { count << worker(work, quit, [handled](int item) { handled << item; }); });
          for (int item : {4, 5, 6}) {
            work << item;  // unbuffered: taken by the worker, which was waiting for it
            EXPECT_EQ(handled.recv(), item);
          }
          quit.close();
          EXPECT_EQ(count.recv(), 3) << "wrong count after quit";
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the worker did not end on quit";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(QuitSelect, QuitWakesAWorkerWaitingOnEmptyWork) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto work = gort::make_chan<int>();
          auto quit = gort::make_chan<gort::signal>();
          auto count = gort::make_chan<int>(1);
          gort::go([=] { count << worker(work, quit, [](int) {}); });
          for (int i = 0; i < 10; ++i) gort::gosched();  // let it block on empty work
          EXPECT_EQ(count.try_recv(), std::nullopt) << "the worker returned with nothing closed";
          quit.close();
          EXPECT_EQ(count.recv(), 0);
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(QuitSelect, ClosingWorkWhileWaitingEndsTheWorker) {
  graded([] {
    auto work = gort::make_chan<int>();
    auto quit = gort::make_chan<gort::signal>();
    auto count = gort::make_chan<int>(1);
    gort::go([=] {
      std::size_t handled = 0;
      count << worker(work, quit, [&handled](int) { more_than(2, ++handled); });
    });
    work << 1;
    work << 0;  // 0 is an item, not the end
    work.close();
    EXPECT_EQ(count.recv(), 2);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

}  // namespace
