// SPDX-License-Identifier: MIT
// stack_pool: see stack_pool.hpp.
#include "stack_pool.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <new>

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

// thread_cache: a thread's own free stacks of one pool (the first pool the
// thread used; other sizes go straight to their shared lists). Plain data, so
// that it stays usable while the thread's other thread-locals are destroyed.
struct stack_pool::thread_cache {
  // Set by release_thread_cache(): a thread that has released its cache may
  // still start and end goroutines (Boost's scheduler runs the ready ones as
  // the thread ends), and stacks cached then would be lost with the thread.
  // From then on it uses the shared list only.
  bool released = false;
  stack_pool* owner = nullptr;
  std::size_t count = 0;
  std::array<char*, kThreadCache> stacks{};
};

stack_pool::thread_cache& stack_pool::my_cache() noexcept {
  thread_local thread_cache cache;
  return cache;
}

void stack_pool::release_thread_cache() noexcept {
  thread_cache& cache = my_cache();
  while (cache.count > 0) cache.owner->give_shared(cache.stacks[--cache.count]);
  cache.owner = nullptr;
  cache.released = true;
}

boost::context::stack_context stack_pool::allocate() {
  thread_cache& cache = my_cache();
  if (cache.owner == nullptr && !cache.released) cache.owner = this;
  char* bottom = nullptr;
  if (cache.owner == this && cache.count > 0) {
    bottom = cache.stacks[--cache.count];
  } else {
    bottom = take_shared();
  }
  boost::context::stack_context sc;
  sc.size = stack_size_;
  sc.sp = bottom + stack_size_;  // stacks grow down from the top
  return sc;
}

void stack_pool::deallocate(boost::context::stack_context& sc) noexcept {
  char* bottom = static_cast<char*>(sc.sp) - sc.size;
  thread_cache& cache = my_cache();
  if (cache.owner == this && cache.count < kThreadCache) {
    cache.stacks[cache.count++] = bottom;
  } else {
    give_shared(bottom);
  }
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
    void* arena = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (arena == MAP_FAILED) throw std::bad_alloc();
    arena_next_ = static_cast<char*>(arena);
    arena_end_ = arena_next_ + bytes / stack_size_ * stack_size_;
  }
  char* bottom = arena_next_;
  arena_next_ += stack_size_;
  return bottom;
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
