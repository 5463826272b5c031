// SPDX-License-Identifier: MIT
// Exercise 14: merge_nil.
//
// A merger that spins on a closed input never blocks, and without preemption
// it could keep a thread from the test; so merge runs with two threads here,
// and saw_close() panics as soon as it is called a third time.
#include <atomic>
#include <cstddef>
#include <vector>

#include "exercise_test.hpp"
#include "merge_nil.hpp"

namespace {

using grading::graded;
using testing::UnorderedElementsAreArray;

// close_counter is the saw_close of a merge: it counts, and ends the test with
// a panic when a closed input is selected more than once per input.
class close_counter {
 public:
  void operator()() {
    if (++closes_ > 2) gort::panic("merge selected a closed input again: it spins on it");
  }
  int closes() const { return closes_; }

 private:
  std::atomic<int> closes_{0};
};

// start_merge() runs merge(a, b, out) in a goroutine, reporting to counter.
void start_merge(gort::recv_chan<int> a, gort::recv_chan<int> b, gort::send_chan<int> out,
                 close_counter& counter) {
  gort::go(exercise::merge, a, b, out, [&counter] { counter(); });
}

// sends_then_closes() starts a goroutine that sends from, from + 1, ...,
// from + n - 1 on ch, yielding between sends, and then closes ch.
void sends_then_closes(gort::chan<int> ch, int from, int n) {
  gort::go([ch, from, n] {
    for (int v = from; v < from + n; ++v) {
      ch << v;
      gort::gosched();
    }
    ch.close();
  });
}

TEST(MergeNil, ForwardsEveryValueAndClosesAfterBothInputs) {
  graded([] {
    close_counter counter;
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    auto out = gort::make_chan<int>();
    start_merge(a, b, out, counter);
    sends_then_closes(a, 0, 10);     // closes early
    sends_then_closes(b, 100, 200);  // closes late
    std::vector<int> got;
    std::vector<int> expected;
    for (int v = 0; v < 10; ++v) expected.push_back(v);
    for (int v = 100; v < 300; ++v) expected.push_back(v);
    for (int v : out) got.push_back(v);
    EXPECT_THAT(got, UnorderedElementsAreArray(expected));
    EXPECT_EQ(counter.closes(), 2) << "each closed input should be seen exactly once";
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the merger never ended";
  });
}

TEST(MergeNil, KeepsEachInputsOrder) {
  graded([] {
    close_counter counter;
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    auto out = gort::make_chan<int>();
    start_merge(a, b, out, counter);
    sends_then_closes(a, 0, 50);
    sends_then_closes(b, 1000, 50);
    std::vector<int> from_a;
    std::vector<int> from_b;
    for (int v : out) (v < 1000 ? from_a : from_b).push_back(v);
    ASSERT_EQ(from_a.size(), 50U);
    ASSERT_EQ(from_b.size(), 50U);
    for (int i = 0; i < 50; ++i) {
      EXPECT_EQ(from_a[static_cast<std::size_t>(i)], i);
      EXPECT_EQ(from_b[static_cast<std::size_t>(i)], 1000 + i);
    }
  });
}

TEST(MergeNil, OutStaysOpenUntilTheSecondInputCloses) {
  // Closing a first, then b first: each time merge must go on with the other.
  for (bool a_first : {true, false}) {
    graded([a_first] {
      close_counter counter;
      auto seen = gort::make_chan<gort::signal>(2);
      auto a = gort::make_chan<int>();
      auto b = gort::make_chan<int>();
      auto out = gort::make_chan<int>();
      gort::go(exercise::merge, a, b, out, [&counter, seen] {
        counter();
        seen << gort::signal{};
      });
      auto first = a_first ? a : b;
      auto second = a_first ? b : a;
      first << 1;
      EXPECT_EQ(out.recv(), 1);
      first.close();
      seen.recv();  // merge has taken the close of the first input
      for (int v : {2, 0, 3}) {
        second << v;  // a merger that already closed out and returned: deadlock here
        auto [got, ok] = out.recv_ok();
        ASSERT_TRUE(ok) << "out was closed while an input was still open";
        EXPECT_EQ(got, v);
      }
      bool closed_early = false;
      gort::select(gort::recv_case(out, [&](int, bool ok) { closed_early = !ok; }),
                   gort::default_case());
      EXPECT_FALSE(closed_early) << "out was closed while an input was still open";
      second.close();
      EXPECT_FALSE(out.recv_ok().ok) << "out was not closed after both inputs closed";
      EXPECT_EQ(counter.closes(), 2);
      EXPECT_TRUE(grading::goroutines_settle_at(1));
    });
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(MergeNil, TwoClosedEmptyInputsCloseOutAtOnce) {
  graded([] {
    close_counter counter;
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    a.close();
    b.close();
    auto out = gort::make_chan<int>();
    start_merge(a, b, out, counter);
    EXPECT_FALSE(out.recv_ok().ok);
    EXPECT_EQ(counter.closes(), 2);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(MergeNil, BufferedValuesLeftAtTheCloseStillArrive) {
  graded([] {
    close_counter counter;
    auto a = gort::make_chan<int>(3);
    a << 1 << 2 << 3;
    a.close();
    auto b = gort::make_chan<int>(1);
    b << 4;
    b.close();
    auto out = gort::make_chan<int>();
    start_merge(a, b, out, counter);
    std::vector<int> got;
    for (int v : out) got.push_back(v);
    EXPECT_THAT(got, UnorderedElementsAreArray({1, 2, 3, 4}));
    EXPECT_EQ(counter.closes(), 2);
  });
}

TEST(MergeNil, DoesNotSpinOnAClosedInput) {
  // a is closed from the start; b delivers slowly. While b is quiet, a merger
  // without the nil trick selects the closed a again and again.
  graded([] {
    close_counter counter;
    auto a = gort::make_chan<int>();
    a.close();
    auto b = gort::make_chan<int>();
    auto out = gort::make_chan<int>();
    start_merge(a, b, out, counter);
    for (int v = 1; v <= 20; ++v) {
      for (int i = 0; i < 20; ++i) gort::gosched();
      b << v;
      EXPECT_EQ(out.recv(), v);
      EXPECT_LE(counter.closes(), 1) << "the closed input was selected again";
    }
    b.close();
    EXPECT_FALSE(out.recv_ok().ok);
    EXPECT_EQ(counter.closes(), 2);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

}  // namespace
