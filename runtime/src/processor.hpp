// SPDX-License-Identifier: MIT
// processor: one pool thread's share of the scheduler (Go's P and M in one),
// and run_list, the FIFO its run queue is made of.
//
// Like Go's P, each processor has a runnext slot besides its FIFO runq: the
// goroutine just readied by a channel hand-off, or just started by go(), runs
// next on the same thread, so two goroutines talking through a channel stay
// on one thread and one cache. Other threads leave a runnext alone while they
// spin, and take it only on their last look before they sleep, when its
// own thread has been busy for the whole spin. A runq is stolen from only
// once it has held goroutines for kStealGrace: goroutines that talk keep
// displacing each other from runnext into it and run here within a few
// microseconds, and one taken by another thread splits its partners across
// two.
//
// Invariants:
//   - A runnable goroutine's record is in exactly one place: a processor's
//     runnext or runq, or the pool's global queue. Running, blocked and
//     sleeping ones are in none.
//   - runq_size is the length of runq, changed under runq_lock with it.
// Lock order: no two run-queue locks are ever held together (steal_into
// releases the victim's before it takes the thief's); a processor's
// park_mutex is taken after the pool's idle_mutex_.
#pragma once

#include <array>
#include <atomic>
#include <boost/fiber/context.hpp>
#include <boost/fiber/detail/spinlock.hpp>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "goroutine.hpp"
#include "gort/detail/spinlock.hpp"
#include "tsan_fiber.hpp"

namespace boost::fibers {
class scheduler;
}

namespace gort::detail {

class pool;

inline constexpr int kMaxProcs = 1024;  // Go's _MaxGomaxprocs

// run_list: a FIFO of runnable goroutines, linked through goroutine::next_runnable.
class run_list {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  void push_back(goroutine* g) noexcept;
  goroutine* pop_front() noexcept;

 private:
  goroutine* head_ = nullptr;
  goroutine* tail_ = nullptr;
};

// processor: one pool thread's share of the scheduler (Go's P and M in one).
struct processor {
  processor(pool& home, int position) : home_pool(home), index(position) {}

  void push(goroutine* g) noexcept;
  // push_next() puts g in runnext; the goroutine it displaces goes to the runq's tail.
  void push_next(goroutine* g) noexcept;
  // pop() is its own thread's pick: runnext first, unless it has been picked
  // kRunnextStreak times in a row while the runq waits; then the runq's head.
  goroutine* pop() noexcept;
  // steal_into() moves about half of this runq to thief's and returns one goroutine.
  goroutine* steal_into(processor& thief) noexcept;
  goroutine* steal_next() noexcept { return runnext.exchange(nullptr); }
  // stealable(): another thread may take from this runq now: it has held
  // goroutines for kStealGrace (see above).
  bool stealable(std::chrono::steady_clock::time_point now) const noexcept;

  // spawned_for_a_slice() is true when the running goroutine has been
  // starting goroutines, without being switched out, for kTimeSlice (Go's
  // forcePreemptNS); this thread only, at every go(). It reads the clock
  // once every kSpawnsPerLook goroutines started.
  bool spawned_for_a_slice() noexcept;

  static constexpr int kRunnextStreak = 32;
  static constexpr std::chrono::milliseconds kTimeSlice{10};
  static constexpr unsigned kSpawnsPerLook = 256;
  static constexpr std::chrono::microseconds kStealGrace{20};
  static constexpr int kGlobalEvery = 61;  // Go's schedtick % 61: the global queue is never starved

  pool& home_pool;
  const int index;
  std::thread thread;
  // This thread's Boost.Fiber scheduler. Fibers are attached through it, not
  // through the active context, which may be a goroutine that just detached.
  boost::fibers::scheduler* scheduler = nullptr;
  // This thread's main context while it waits, out of every queue, for the
  // pool to stop (processor_main); this thread only.
  boost::fibers::context* waiting_main = nullptr;
  // The parker lock a goroutine parking on this thread hands to Boost, which
  // releases it after the switch (park.cpp: sleep); this thread's only.
  std::unique_lock<boost::fibers::detail::spinlock> switch_lock;
  // The ThreadSanitizer fibers of this thread's main and dispatcher contexts (tsan_fiber.hpp).
  [[no_unique_address]] tsan_fiber tsan_main;
  [[no_unique_address]] tsan_fiber tsan_dispatcher;

  // Spinning threads poll the runq's size: it has a cache line of its own,
  // apart from the runnext that every hand-off on this thread writes.
  alignas(64) spinlock runq_lock;  // guards runq; never held while parking or waking
  run_list runq;
  std::atomic<std::size_t> runq_size{0};
  // When runq last became non-empty, in steady_clock ticks (how long its head
  // has waited, at least); stolen batches count as old.
  std::atomic<std::chrono::steady_clock::rep> runq_since{0};
  alignas(64) std::atomic<goroutine*> runnext{nullptr};
  // Owner-only: runnext picks in a row (two goroutines handing a value back
  // and forth would otherwise starve the runq: there is no preemption).
  int runnext_streak = 0;
  // Picks by this thread, written by it only (Go's schedtick): every
  // kGlobalEvery-th looks at the global queue first, and they stand still
  // while the thread runs one goroutine.
  std::atomic<unsigned> ticks{0};
  // Thief-only: each processor's ticks when this one began to spin (by index),
  // and the one whose runnext the last look found stuck, for find_work() to take.
  std::array<unsigned, kMaxProcs> ticks_seen{};
  processor* stuck_next = nullptr;
  // Owner-only, for spawned_for_a_slice(): the ticks of the goroutine's run
  // being counted, the goroutines it started, and when it was first looked at.
  unsigned spawning_ticks = 0;
  unsigned spawned = 0;
  std::chrono::steady_clock::time_point spawning_since{};

  // bind_to_calling_thread() makes this the calling thread's current_processor().
  void bind_to_calling_thread() noexcept;
  // wake() ends this thread's current or next park.
  void wake() noexcept;

  std::mutex park_mutex;  // wake_pending is set under it, so park_cv misses no wake-up
  std::condition_variable park_cv;
  std::atomic<bool> wake_pending{false};
};

// current_processor() is the processor of the calling pool thread; nullptr elsewhere.
processor* current_processor() noexcept;

}  // namespace gort::detail
