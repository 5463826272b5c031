// SPDX-License-Identifier: MIT
// The timer heap by itself: entries come out earliest first, those due at
// one instant in the order they went in (as Go fires timers set for one
// instant in the order they were set), and stay so after entries are
// removed from the middle; take_all() empties it.
#include "timer_heap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <utility>
#include <vector>

namespace {

using gort::clock;
using gort::detail::timer_heap;

clock::time_point at(int ms) { return clock::time_point(std::chrono::milliseconds(ms)); }

TEST(TimerHeap, PopsEarliestFirstAndTiesInPushOrder) {
  // 2,000 entries on 50 deadlines, pushed in a shuffled order; each item is
  // its push number, so a tie must come out in increasing item order.
  std::vector<int> deadlines;
  for (int i = 0; i < 2000; ++i) deadlines.push_back(i % 50);
  std::shuffle(deadlines.begin(), deadlines.end(), std::mt19937(20));
  timer_heap<int> heap;
  for (int i = 0; i < 2000; ++i) heap.push(at(deadlines[i]), i);
  EXPECT_EQ(heap.size(), 2000U);
  std::pair<clock::time_point, int> last{at(-1), -1};
  while (!heap.empty()) {
    const auto e = heap.pop();
    const std::pair<clock::time_point, int> now{e.when, e.item};
    ASSERT_LT(last, now) << "deadline order, then push order";
    EXPECT_EQ(e.when, at(deadlines[e.item]));
    last = now;
  }
}

TEST(TimerHeap, RemovingEntriesKeepsTheOrderOfTheRest) {
  timer_heap<int> heap;
  for (int i = 0; i < 100; ++i) heap.push(at(100 - i), i);  // item i is due at 100 - i
  heap.remove_if([](const timer_heap<int>::entry& e) { return e.item % 3 == 0; });
  EXPECT_EQ(heap.size(), 66U);
  int previous_due = 0;
  while (!heap.empty()) {
    const auto e = heap.pop();
    EXPECT_NE(e.item % 3, 0) << "removed";
    EXPECT_GT(100 - e.item, previous_due);
    previous_due = 100 - e.item;
  }
}

TEST(TimerHeap, TakeAllEmptiesItAndItFillsAgain) {
  timer_heap<int> heap;
  for (int i = 0; i < 10; ++i) heap.push(at(i), i);
  EXPECT_EQ(heap.take_all().size(), 10U);
  EXPECT_TRUE(heap.empty());
  heap.push(at(5), 1);
  heap.push(at(1), 2);
  EXPECT_EQ(heap.earliest().item, 2);
}

}  // namespace
