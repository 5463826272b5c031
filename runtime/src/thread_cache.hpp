// SPDX-License-Identifier: MIT
// thread_cache<T, N>: a thread's own few free items (goroutine stacks, small
// blocks) in front of a shared free list, so that threads that free and reuse
// at a high rate seldom meet on the list's lock.
//
// A pool thread releases its caches before it ends, but it may still free and
// reuse items after that: Boost's scheduler runs the ready goroutines and
// frees their fibers while the thread's thread-locals are destroyed. Items
// kept then would be lost with the thread, so a released cache keeps nothing:
// keep() refuses, and what it refuses goes to the shared list.
//
// Plain data with no destructor, so that it stays usable while the thread's
// other thread-locals are destroyed.
//
// Invariants: size() <= N; a released cache is empty.
#pragma once

#include <array>
#include <cstddef>

namespace gort::detail {

template <class T, std::size_t N>
class thread_cache {
 public:
  static constexpr std::size_t kCapacity = N;

  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  bool released() const noexcept { return released_; }

  // take() is the item kept last; the cache must not be empty.
  T take() noexcept { return items_[--count_]; }
  // keep() holds item and says so, unless the cache is full or released.
  bool keep(T item) noexcept {
    if (released_ || count_ == N) return false;
    items_[count_++] = item;
    return true;
  }
  // give_up_to() hands up to n items, the one kept last first, to to(item).
  template <class F>
  void give_up_to(std::size_t n, F&& to) noexcept {
    for (; n > 0 && count_ > 0; --n) to(items_[--count_]);
  }
  // release() hands every item to to(item); from then on keep() refuses.
  template <class F>
  void release(F&& to) noexcept {
    give_up_to(N, to);
    released_ = true;
  }

 private:
  bool released_ = false;
  std::size_t count_ = 0;
  std::array<T, N> items_{};
};

}  // namespace gort::detail
