// SPDX-License-Identifier: MIT
// wait_group and mutex on the runtime's park/unpark.
//
// Invariants (each under its object's lock_): a wait_group has waiters only
// while counter_ > 0; a mutex has waiters only while locked_ or while a
// waiter unlock() woke is on its way to try again, and a waiter is handed a
// locked mutex (locked_ stays true) only when it has starved.
#include <mutex>

#include "fatal.hpp"
#include "gort/runtime.hpp"
#include "gort/sync.hpp"

namespace gort {

void wait_group::add(int delta) {
  std::unique_lock lock(lock_);
  counter_ += delta;
  if (counter_ < 0) {
    counter_ -= delta;
    lock.unlock();
    panic("sync: negative WaitGroup counter");
  }
  if (counter_ > 0) return;
  detail::waiter* woken = nullptr;  // chained through next, woken after unlocking
  while (detail::waiter* w = waiters_.dequeue()) {
    w->next = woken;
    woken = w;
  }
  lock.unlock();
  while (woken != nullptr) {
    detail::waiter* next = woken->next;
    detail::unpark(*woken->token);
    woken = next;
  }
}

void wait_group::wait() {
  std::unique_lock lock(lock_);
  if (counter_ == 0) return;
  detail::wake_token token;
  detail::waiter w{.token = &token};
  waiters_.push_back(&w);
  lock.release();
  detail::park(token, lock_, detail::wait_reason::wait_group_wait);
}

// As Go's sync.Mutex: unlock() wakes a waiter but does not hand it the
// mutex, so a running goroutine that asks again takes it at once instead of
// queuing behind a waiter still to be scheduled (a convoy); the woken waiter
// retries and, if it loses, waits again at the head of the queue. A waiter
// that has waited over kStarvationLimit is handed the mutex, so none starves.
// Before it queues, a goroutine spins a little (as Go's does when other
// threads run): a holder on another thread usually lets go within that time.
void mutex::lock() {
  for (int attempt = 0; attempt < kSpinAttempts; ++attempt) {
    if (try_lock()) return;
    if (gomaxprocs(0) == 1) break;  // no other thread can unlock it meanwhile
    for (int i = 0; i < kSpinPauses; ++i) detail::pause_briefly();
  }
  std::unique_lock lock(lock_);
  if (!locked_) {
    locked_ = true;
    return;
  }
  auto waiting_since = std::chrono::steady_clock::now();
  for (bool woken = false;; woken = true) {
    detail::wake_token token;
    detail::waiter w{.token = &token, .slot = &waiting_since};
    if (woken) {
      waiters_.push_front(&w);
    } else {
      waiters_.push_back(&w);
    }
    lock.release();
    detail::park(token, lock_, detail::wait_reason::mutex_lock);
    if (w.success) return;  // handed over by unlock()
    lock = std::unique_lock(lock_);
    if (!locked_) {
      locked_ = true;
      return;
    }
  }
}

bool mutex::try_lock() {
  std::lock_guard lock(lock_);
  if (locked_) return false;
  locked_ = true;
  return true;
}

void mutex::unlock() {
  std::unique_lock lock(lock_);
  if (!locked_) {
    lock.unlock();
    detail::fatal("sync: unlock of unlocked mutex");
  }
  detail::waiter* next = waiters_.dequeue();
  if (next == nullptr) {
    locked_ = false;
    return;
  }
  const auto& waiting_since = *static_cast<const std::chrono::steady_clock::time_point*>(next->slot);
  next->success = std::chrono::steady_clock::now() - waiting_since > kStarvationLimit;
  locked_ = next->success;  // handed over, or free for whoever asks first
  lock.unlock();
  detail::unpark(*next->token);
}

}  // namespace gort
