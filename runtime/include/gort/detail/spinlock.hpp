// SPDX-License-Identifier: MIT
// spinlock: the short lock that guards a channel's or a mutex's state.
//
// It is held only for a few field updates, never across a park or a wake-up,
// so spinning is cheaper than a futex. A holder descheduled by the OS would
// leave waiters burning a core, so after a short spin a waiter yields its thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <thread>

namespace gort::detail {

// pause_briefly() tells the CPU the caller is spinning.
inline void pause_briefly() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

class spinlock {
 public:
  void lock() noexcept {
    for (int spins = 0; locked_.exchange(true, std::memory_order_acquire);) {
      // Back off, doubling the pauses between looks: every look pulls the
      // lock's cache line away from the holder, slowing it down.
      for (int pauses = 1; locked_.load(std::memory_order_relaxed); pauses = std::min(2 * pauses, kMaxPauses)) {
        if (++spins < kSpinsBeforeYield) {
          for (int i = 0; i < pauses; ++i) pause_briefly();
        } else {
          std::this_thread::yield();
        }
      }
    }
  }

  bool try_lock() noexcept {
    return !locked_.load(std::memory_order_relaxed) &&
           !locked_.exchange(true, std::memory_order_acquire);
  }

  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  static constexpr int kSpinsBeforeYield = 100;
  static constexpr int kMaxPauses = 64;

  std::atomic<bool> locked_{false};
};

}  // namespace gort::detail
