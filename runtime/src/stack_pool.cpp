// SPDX-License-Identifier: MIT
// stack_pool: see stack_pool.hpp.
#include "stack_pool.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <new>

#include "thread_cache.hpp"

namespace gort::detail {

stack_pool& stack_pool::for_size(std::size_t stack_size) {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t rounded = (stack_size + page - 1) / page * page;
  static std::mutex pools_mutex;
  // Never destroyed: stacks of leaked goroutines are freed during process exit.
  static auto* pools = new std::map<std::size_t, stack_pool*>;
  std::lock_guard lock(pools_mutex);
  stack_pool*& pool = (*pools)[rounded];
  if (pool == nullptr) pool = new stack_pool(rounded);
  return *pool;
}

// stack_cache: a thread's own free stacks of one pool (the first pool the
// thread used; other sizes go straight to their shared lists).
struct stack_pool::stack_cache {
  stack_pool* cached_pool = nullptr;  // the pool these stacks belong to
  thread_cache<char*, kThreadCache> stacks;
};

stack_pool::stack_cache& stack_pool::my_cache() noexcept {
  thread_local stack_cache cache;
  return cache;
}

void stack_pool::release_thread_cache() noexcept {
  stack_cache& cache = my_cache();
  cache.stacks.release([&](char* bottom) { cache.cached_pool->give_shared(bottom); });
  cache.cached_pool = nullptr;
}

boost::context::stack_context stack_pool::allocate() {
  stack_cache& cache = my_cache();
  if (cache.cached_pool == nullptr && !cache.stacks.released()) cache.cached_pool = this;
  char* bottom =
      cache.cached_pool == this && !cache.stacks.empty() ? cache.stacks.take() : take_shared();
  boost::context::stack_context sc;
  sc.size = stack_size_;
  sc.sp = bottom + stack_size_;  // stacks grow down from the top
  return sc;
}

void stack_pool::deallocate(boost::context::stack_context& sc) noexcept {
  char* bottom = static_cast<char*>(sc.sp) - sc.size;
  stack_cache& cache = my_cache();
  if (cache.cached_pool != this || !cache.stacks.keep(bottom)) give_shared(bottom);
}

char* stack_pool::take_shared() {
  std::lock_guard lock(mutex_);
  if (!free_.empty()) {
    char* bottom = free_.back();
    free_.pop_back();
    return bottom;
  }
  if (arena_next_ == arena_end_) {
    const std::size_t bytes = std::max(kArenaBytes, stack_size_);
    void* arena = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (arena == MAP_FAILED) throw std::bad_alloc();
    arena_next_ = static_cast<char*>(arena);
    arena_end_ = arena_next_ + bytes / stack_size_ * stack_size_;
  }
  char* bottom = arena_next_;
  arena_next_ += stack_size_;
  return bottom;
}

void stack_pool::trim() noexcept {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t pages = stack_size_ / page;
  std::vector<char*> cold;
  std::vector<unsigned char> resident;
  try {
    std::lock_guard lock(mutex_);
    if (free_.size() <= kKeptWarm) return;
    const auto now = std::chrono::steady_clock::now();
    if (now < next_trim_) return;
    next_trim_ = now + kTrimEvery;
    const auto warm =
        free_.end() - static_cast<std::ptrdiff_t>(kKeptWarm);  // the back is reused first
    cold.assign(free_.begin(), warm);
    free_.erase(free_.begin(), warm);
  } catch (const std::bad_alloc&) {
    return;  // trimming is only an economy
  }
  // Each run of adjacent stacks (a wide run's stacks were carved in a row)
  // costs one mincore(); a stack costs a madvise() only if a page below its
  // top one is resident. The top page stays: every goroutine touches it at
  // once (Boost's fiber record and the first frames), and most touch no
  // other, so the next run seldom faults pages in again.
  std::sort(cold.begin(), cold.end());
  for (std::size_t i = 0; i < cold.size();) {
    std::size_t j = i + 1;
    while (j < cold.size() && cold[j] == cold[j - 1] + stack_size_) ++j;
    try {
      resident.resize((j - i) * pages);
    } catch (const std::bad_alloc&) {
      break;
    }
    if (::mincore(cold[i], (j - i) * stack_size_, resident.data()) == 0) {
      for (std::size_t k = 0; k < j - i; ++k) {
        const unsigned char* first = resident.data() + k * pages;
        if (std::any_of(first, first + pages - 1, [](unsigned char r) { return (r & 1) != 0; })) {
          ::madvise(cold[i + k], stack_size_ - page, MADV_DONTNEED);
        }
      }
    }
    i = j;
  }
  std::lock_guard lock(mutex_);
  try {
    free_.insert(free_.begin(), cold.begin(), cold.end());  // behind the warm ones: reused last
  } catch (const std::bad_alloc&) {
    // Only if another run freed more stacks meanwhile and the list cannot
    // grow: these are lost (address space only; most of their pages are given back).
  }
}

void stack_pool::give_shared(char* bottom) noexcept {
  std::unique_lock lock(mutex_);
  const bool cache_full = free_.size() >= kCachedStacks;
  lock.unlock();
  if (cache_full) ::madvise(bottom, stack_size_, MADV_FREE);
  lock.lock();
  free_.push_back(bottom);
}

}  // namespace gort::detail
