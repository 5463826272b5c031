// SPDX-License-Identifier: MIT
// The stack pool by itself: what a stack it hands out is (its size rounded up
// to whole pages, page-aligned, writable end to end), that no two live
// goroutines share one, and that a freed stack is handed out again before
// new address space is taken.
#include "stack_pool.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

namespace {

using gort::detail::stack_pool;

// An odd size of its own, so no other test's goroutines use this pool.
constexpr std::size_t kOddSize = 40'000;

std::size_t page() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

TEST(StackPool, HandsOutPageAlignedStacksOfTheSizeRoundedUpToPages) {
  stack_pool& pool = stack_pool::for_size(kOddSize);
  EXPECT_EQ(&pool, &stack_pool::for_size(40'960)) << "one pool per rounded size";
  auto sc = pool.allocate();
  EXPECT_EQ(sc.size, 40'960U);
  char* bottom = static_cast<char*>(sc.sp) - sc.size;
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(bottom) % page(), 0U);
  std::memset(bottom, 0xA5, sc.size);  // every byte is ours to touch
  EXPECT_EQ(static_cast<unsigned char>(bottom[sc.size - 1]), 0xA5);
  pool.deallocate(sc);
}

TEST(StackPool, LiveStacksNeverOverlapAndAFreedOneComesBackFirst) {
  stack_pool& pool = stack_pool::for_size(kOddSize);
  std::vector<boost::context::stack_context> live;
  std::set<char*> bottoms;
  for (int i = 0; i < 64; ++i) {
    live.push_back(pool.allocate());
    char* bottom = static_cast<char*>(live.back().sp) - live.back().size;
    for (char* other : bottoms) {
      EXPECT_TRUE(bottom + live.back().size <= other || other + live.back().size <= bottom)
          << "overlap";
    }
    bottoms.insert(bottom);
  }
  void* const freed = live.back().sp;
  pool.deallocate(live.back());
  live.pop_back();
  auto again = pool.allocate();
  EXPECT_EQ(again.sp, freed) << "the thread's own cache hands back the stack it freed last";
  live.push_back(again);
  for (auto& sc : live) pool.deallocate(sc);
}

}  // namespace
