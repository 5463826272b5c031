// SPDX-License-Identifier: MIT
// wait_group and mutex on the runtime's park/unpark.
//
// Invariants (each under its object's lock_): a wait_group has waiters only
// while counter_ > 0; a mutex has waiters only while locked_, and unlock()
// hands a locked mutex straight to its first waiter (locked_ stays true).
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

void mutex::lock() {
  std::unique_lock lock(lock_);
  if (!locked_) {
    locked_ = true;
    return;
  }
  detail::wake_token token;
  detail::waiter w{.token = &token};
  waiters_.push_back(&w);
  lock.release();
  detail::park(token, lock_, detail::wait_reason::mutex_lock);
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
  detail::waiter* next_owner = waiters_.dequeue();
  if (next_owner == nullptr) {
    locked_ = false;
    return;
  }
  lock.unlock();
  detail::unpark(*next_owner->token);
}

}  // namespace gort
