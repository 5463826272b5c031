// SPDX-License-Identifier: MIT
// A thread's cache of free items by itself (thread_cache.hpp): it hands back
// the item kept last, holds at most its capacity, gives items away the one
// kept last first, and once released hands everything over and keeps nothing
// more; and the stacks and small blocks a thread frees around its release
// come back to the next thread before new memory is taken.
#include "thread_cache.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "small_blocks.hpp"
#include "stack_pool.hpp"

namespace {

using gort::detail::stack_pool;
using gort::detail::thread_cache;

TEST(ThreadCache, TakesTheItemKeptLastAndHoldsAtMostItsCapacity) {
  thread_cache<int, 3> cache;
  EXPECT_TRUE(cache.empty());
  for (int i = 1; i <= 3; ++i) EXPECT_TRUE(cache.keep(i));
  EXPECT_FALSE(cache.keep(4)) << "full";
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_EQ(cache.take(), 3);
  EXPECT_TRUE(cache.keep(5));
  EXPECT_EQ(cache.take(), 5);
  EXPECT_EQ(cache.take(), 2);
}

TEST(ThreadCache, GivesUpToNItemsTheOneKeptLastFirst) {
  thread_cache<int, 4> cache;
  for (int i = 1; i <= 4; ++i) cache.keep(i);
  std::vector<int> given;
  cache.give_up_to(3, [&](int i) { given.push_back(i); });
  EXPECT_EQ(given, (std::vector<int>{4, 3, 2}));
  cache.give_up_to(3, [&](int i) { given.push_back(i); });
  EXPECT_EQ(given, (std::vector<int>{4, 3, 2, 1})) << "no more than it holds";
  EXPECT_TRUE(cache.empty());
}

TEST(ThreadCache, ReleasedItHandsOverEverythingAndKeepsNothingMore) {
  thread_cache<int, 4> cache;
  cache.keep(1);
  cache.keep(2);
  std::vector<int> given;
  cache.release([&](int i) { given.push_back(i); });
  EXPECT_EQ(given, (std::vector<int>{2, 1}));
  EXPECT_TRUE(cache.released());
  EXPECT_FALSE(cache.keep(3)) << "what a released cache kept would be lost with its thread";
  EXPECT_TRUE(cache.empty());
}

// A thread releases its stack cache halfway through freeing its stacks: those
// it held and those it frees afterwards go to the shared list, where the next
// thread finds them all, so no new stack is made.
TEST(ThreadCache, StacksFreedAfterTheirThreadReleasedItsCacheComeBack) {
  constexpr std::size_t kOddSize = 44'000;  // a stack pool no other test uses
  constexpr int kStacks = 200;
  stack_pool& pool = stack_pool::for_size(kOddSize);
  std::set<char*> freed;
  std::thread([&] {
    std::vector<boost::context::stack_context> live;
    for (int i = 0; i < kStacks; ++i) live.push_back(pool.allocate());
    for (int i = 0; i < kStacks; ++i) {
      if (i == kStacks / 2) stack_pool::release_thread_cache();  // the cache holds some
      freed.insert(static_cast<char*>(live[i].sp) - live[i].size);
      pool.deallocate(live[i]);
    }
  }).join();
  std::thread([&] {
    std::vector<boost::context::stack_context> live;
    for (int i = 0; i < kStacks; ++i) {
      live.push_back(pool.allocate());
      EXPECT_EQ(freed.count(static_cast<char*>(live.back().sp) - live.back().size), 1U)
          << "stack " << i << " is a new one: a freed one was lost";
    }
    for (auto& sc : live) pool.deallocate(sc);
  }).join();
}

// The same for small blocks: what one thread freed and released, the next
// takes back, a batch at a time, before any new memory is carved.
TEST(ThreadCache, SmallBlocksFreedByAnEndedThreadAreReusedFirst) {
  constexpr std::size_t kBytes = 400;  // the largest class: no goroutine record is this big
  constexpr int kBlocks = 32;
  std::set<void*> freed;
  std::thread([&] {
    std::vector<void*> held;
    for (int i = 0; i < kBlocks; ++i) held.push_back(gort::detail::small_blocks::allocate(kBytes));
    for (void* block : held) {
      freed.insert(block);
      gort::detail::small_blocks::deallocate(block, kBytes);
    }
    gort::detail::small_blocks::release_thread_cache();
  }).join();
  std::thread([&] {
    std::vector<void*> held;
    for (int i = 0; i < kBlocks; ++i) {
      held.push_back(gort::detail::small_blocks::allocate(kBytes));
      EXPECT_EQ(freed.count(held.back()), 1U) << "block " << i << " is new memory";
    }
    for (void* block : held) gort::detail::small_blocks::deallocate(block, kBytes);
    gort::detail::small_blocks::release_thread_cache();
  }).join();
}

}  // namespace
