// SPDX-License-Identifier: MIT
// stack_pool: goroutine stacks, small and lazily committed.
//
// Stacks are carved from large anonymous mappings made with MAP_NORESERVE, so a
// stack costs address space until the goroutine touches it, and only the pages
// it touches are ever committed. There is no guard page: one mapping per stack
// would hit vm.max_map_count near 32,000 goroutines, and the contract asks for
// 1,000,000. Stacks are reused through a free list — each thread keeps a few
// of its own in front of it (kThreadCache), so threads that start and end
// goroutines at a high rate seldom meet on the lock — and beyond a cache of
// kCachedStacks, a freed stack's pages are offered back to the kernel
// (MADV_FREE: taken only under memory pressure, and free to reuse until then).
// When a run ends, trim() gives back (at most once every kTrimEvery) the
// pages below the top one of all free stacks but the kKeptWarm most recently
// freed: otherwise every stack a wide run once needed keeps the deepest pages
// any goroutine ever touched on it, and as runs draw their few deep
// goroutines (main, the timer service) from the free list at random, the
// resident memory of a process that runs many times creeps up toward
// stacks × deepest use.
//
// Invariants: every stack handed out is stack_size bytes, page-aligned, and in
// exactly one of: a running or parked goroutine, a thread's cache, the free
// list, trim()'s hands, or the unused tail of the newest arena.
#pragma once

#include <boost/context/stack_context.hpp>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <vector>

namespace gort::detail {

class stack_pool {
 public:
  static constexpr std::size_t kDefaultStackSize = 128 * 1024;
  static constexpr std::size_t kMinStackSize = 16 * 1024;
  static constexpr std::size_t kMaxStackSize = std::size_t{1} << 30;

  // for_size() is the process-wide pool of stacks of this size (rounded up to
  // whole pages). Pools live as long as the process: goroutines left running
  // when run() returns may still free stacks into them.
  static stack_pool& for_size(std::size_t stack_size);

  boost::context::stack_context allocate();
  void deallocate(boost::context::stack_context& sc) noexcept;
  // release_thread_cache() hands the calling thread's cached stacks back to
  // the shared list; a pool thread calls it before it ends.
  static void release_thread_cache() noexcept;
  // trim() gives the pages below the top one of the free stacks beyond the
  // kKeptWarm most recently freed back to the kernel, unless it did so less
  // than kTrimEvery ago; run() calls it when a run has ended.
  void trim() noexcept;

 private:
  explicit stack_pool(std::size_t stack_size) : stack_size_(stack_size) {}

  struct stack_cache;
  static stack_cache& my_cache() noexcept;
  char* take_shared();
  void give_shared(char* bottom) noexcept;

  static constexpr std::size_t kThreadCache = 32;
  static constexpr std::size_t kArenaBytes = std::size_t{64} << 20;
  static constexpr std::size_t kCachedStacks = 65536;
  static constexpr std::size_t kKeptWarm = 256;
  // A trim scans every cold stack's pages (about 1 ms for 2,000 stacks): paced.
  static constexpr std::chrono::seconds kTrimEvery{1};

  const std::size_t stack_size_;
  std::mutex mutex_;  // guards the fields below; held for a few pointer moves only
  std::vector<char*> free_;   // bottoms of free stacks
  char* arena_next_ = nullptr;  // next unused stack bottom in the newest arena
  char* arena_end_ = nullptr;
  std::chrono::steady_clock::time_point next_trim_{};
};

// pooled_stack is the Boost.Fiber stack allocator that draws from a stack_pool.
// It reports where the stack it hands out lies to its caller's `bottom` and `size`.
class pooled_stack {
 public:
  pooled_stack(stack_pool& pool, const void*& bottom, std::size_t& size) noexcept
      : pool_(&pool), bottom_(&bottom), size_(&size) {}
  boost::context::stack_context allocate() {
    boost::context::stack_context sc = pool_->allocate();
    *bottom_ = static_cast<char*>(sc.sp) - sc.size;  // sp is the top: stacks grow down
    *size_ = sc.size;
    return sc;
  }
  void deallocate(boost::context::stack_context& sc) noexcept { pool_->deallocate(sc); }

 private:
  stack_pool* pool_;
  const void** bottom_;
  std::size_t* size_;
};

}  // namespace gort::detail
