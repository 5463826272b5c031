// SPDX-License-Identifier: MIT
// sync: wait_group and mutex, Go's sync.WaitGroup and sync.Mutex for goroutines.
//
// Both park only the calling goroutine, never its OS thread, so other
// goroutines keep running while one waits.
#pragma once

#include <chrono>

#include "gort/detail/park.hpp"
#include "gort/detail/spinlock.hpp"

namespace gort {

// wait_group waits for a collection of goroutines to finish (sync.WaitGroup).
class wait_group {
 public:
  wait_group() = default;
  wait_group(const wait_group&) = delete;
  wait_group& operator=(const wait_group&) = delete;

  // add() adds delta to the counter; when it reaches zero every wait() returns.
  // Panics with "sync: negative WaitGroup counter" if it would go below zero.
  void add(int delta);

  // done() is add(-1).
  void done() { add(-1); }

  // wait() blocks until the counter is zero.
  void wait();

 private:
  detail::spinlock lock_;  // guards counter_ and waiters_
  long counter_ = 0;
  detail::waitq waiters_;
};

// mutex is a mutual-exclusion lock for goroutines (sync.Mutex); it works with
// std::lock_guard and std::unique_lock. As in Go it is not owned by a
// goroutine: locking it again blocks even its holder, and any goroutine may
// unlock it.
class mutex {
 public:
  mutex() = default;
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;

  // lock() takes the mutex, blocking while another holds it.
  void lock();

  // try_lock() takes the mutex if it is free and returns whether it did.
  bool try_lock();

  // unlock() releases the mutex and wakes the longest waiter, if any, to
  // compete for it; a waiter kept waiting over 1 ms is handed the mutex
  // instead (Go's starvation mode). Unlocking an unlocked mutex is Go's fatal
  // error: the process exits with 2.
  void unlock();

 private:
  static constexpr std::chrono::milliseconds kStarvationLimit{1};  // Go's starvationThresholdNs
  static constexpr int kSpinAttempts = 4;                          // Go's active_spin
  static constexpr int kSpinPauses = 30;                           // Go's active_spin_cnt

  detail::spinlock lock_;  // guards locked_ and waiters_
  bool locked_ = false;
  detail::waitq waiters_;
};

}  // namespace gort
