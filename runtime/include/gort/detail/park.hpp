// SPDX-License-Identifier: MIT
// Parking and waking goroutines: the one blocking mechanism under channels,
// select, wait_group and mutex.
//
// A goroutine that must block makes one wake_token on its stack and puts one
// waiter (Go's sudog) into the queue of every object it waits on: one channel
// for send/recv, several for select. Whoever completes the operation first
// claim()s the token; every other queue's waiter for that token is then stale
// and is dropped by the next dequeue().
//
// Invariants:
//   - A token is claimed at most once; only the claimer writes waiter.success
//     and the value slot, and it does so before unpark().
//   - unpark() is called at most once per token, after its claim, and after the
//     claimer released the lock of the queue it took the waiter from.
//   - A waiter is in at most one queue; `queued` says whether it still is.
// Lock order: a queue's lock (channel, mutex, wait_group) before the parker's
// internal lock; park() takes the parker's lock and then releases the queue locks.
#pragma once

#include <atomic>
#include <cstddef>
#include <span>

#include "gort/detail/check.hpp"
#include "gort/detail/spinlock.hpp"

namespace gort::detail {

// wait_reason is what a blocked goroutine waits for, in Go's words for dumps.
enum class wait_reason {
  chan_send,
  chan_receive,
  chan_send_nil,
  chan_receive_nil,
  select,
  select_no_cases,
  mutex_lock,
  wait_group_wait,
  sleep,
};

class parker;  // where a goroutine (or a plain OS thread) sleeps; defined in src/goroutine.hpp
struct waiter;

parker* current_parker() noexcept;

// wake_token is one blocking operation of one goroutine.
struct wake_token {
  std::atomic<bool> claimed{false};
  parker* sleeper = current_parker();  // who waits for this operation
  // Both guarded by the sleeper's lock.
  bool signalled = false;  // unpark() has run
  bool parked = false;     // the sleeper is switched out, waiting for unpark()
  waiter* winner = nullptr;  // the waiter whose queue completed the operation

  // claim() makes the caller the one that completes this operation.
  bool claim() noexcept {
    bool expected = false;
    return claimed.compare_exchange_strong(expected, true, std::memory_order_acq_rel);
  }
};

// waiter is one wake_token's entry in one queue (Go's sudog).
struct waiter {
  wake_token* token = nullptr;
  void* slot = nullptr;      // send: the T to move from; receive: the std::optional<T> to fill
  bool success = false;      // set by the claimer: a value moved (false: woken by close)
  std::size_t case_index = 0;  // which select case this waiter belongs to
  bool queued = false;
  waiter* prev = nullptr;
  waiter* next = nullptr;
};

// waitq is a FIFO of waiters; its owner's lock guards it.
class waitq {
 public:
  bool empty() const noexcept { return first_ == nullptr; }

  void push_back(waiter* w) noexcept {
    GORT_CHECK(!w->queued, "a waiter is in at most one queue");
    w->prev = last_;
    w->next = nullptr;
    w->queued = true;
    if (last_ != nullptr) {
      last_->next = w;
    } else {
      first_ = w;
    }
    last_ = w;
  }

  void push_front(waiter* w) noexcept {
    GORT_CHECK(!w->queued, "a waiter is in at most one queue");
    w->prev = nullptr;
    w->next = first_;
    w->queued = true;
    if (first_ != nullptr) {
      first_->prev = w;
    } else {
      last_ = w;
    }
    first_ = w;
  }

  // holds_only() is true when every waiter queued belongs to token's
  // operation (an empty queue included). For checks: it walks the queue.
  bool holds_only(const wake_token* token) const noexcept {
    for (const waiter* w = first_; w != nullptr; w = w->next) {
      if (w->token != token) return false;
    }
    return true;
  }

  // remove() unlinks w if it is still queued.
  void remove(waiter* w) noexcept {
    if (!w->queued) return;
    (w->prev != nullptr ? w->prev->next : first_) = w->next;
    (w->next != nullptr ? w->next->prev : last_) = w->prev;
    w->prev = w->next = nullptr;
    w->queued = false;
  }

  // dequeue() removes and returns the first waiter whose token this call
  // claims, dropping stale waiters of operations already completed elsewhere;
  // nullptr when none is left.
  waiter* dequeue() noexcept {
    while (first_ != nullptr) {
      waiter* w = first_;
      remove(w);
      if (w->token->claim()) {
        GORT_CHECK(w->token->winner == nullptr, "a wake token is claimed at most once");
        w->token->winner = w;
        return w;
      }
    }
    return nullptr;
  }

 private:
  waiter* first_ = nullptr;
  waiter* last_ = nullptr;
};

// park() blocks the calling goroutine until unpark(token). The locks in `held`
// are locked on entry and unlocked on return (released before sleeping, after
// the goroutine is committed to sleep, so no unpark() is lost).
void park(wake_token& token, std::span<spinlock* const> held, wait_reason why);

inline void park(wake_token& token, spinlock& held, wait_reason why) {
  spinlock* locks[] = {&held};
  park(token, locks, why);
}

// unpark() wakes the sleeper of a token the caller has claimed. Call it with no
// queue lock held; the token may be gone once it returns.
void unpark(wake_token& token) noexcept;

// block_forever() parks the calling goroutine for good (nil channel, empty select).
[[noreturn]] void block_forever(wait_reason why);

}  // namespace gort::detail
