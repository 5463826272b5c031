// SPDX-License-Identifier: MIT
// timer_queue: every pending timer, ticker, sleep and after_func of one pool,
// in one heap ordered by deadline, served by one internal fiber.
//
// Invariants:
//   - A timer_state has at most one live heap entry: the one whose generation
//     equals its own, present exactly while `pending`. stop/reset bump the
//     generation, which cancels the old entry (it is dropped when it surfaces).
//   - `pending` timers are counted in liveness (armed on schedule, settled on
//     cancel, or after a fire has had its effect), so that the deadlock
//     detector knows a timer may still wake someone.
//   - Virtual time: the clock moves only when every goroutine is parked, and
//     then jumps to the earliest deadline.
//   - A fire and a stop/reset of the same timer are ordered by its lock, and
//     stop/reset drain the channel under it: no value from before a stop or
//     reset is received after it (Go 1.23's timer guarantee).
//   - An unreachable timer or ticker (nothing holds it but its heap entry,
//     nothing holds its channel but it: no one can stop, reset or receive
//     from it) may be dropped from the heap before it fires, as Go 1.23
//     collects unreferenced timers. schedule() drops them whenever the heap
//     has doubled since it last looked, so abandoned after() timers (a select
//     whose other case won) cost memory only until the next look, however
//     late the serving fiber runs.
// Lock order: a timer_state's lock, then the queue's lock, then a channel's.
// wakeup_ is notified under the queue's lock, which the serving fiber
// released when it began to wait: what its thread did before (making the
// Boost scheduler the notification reaches) is then seen, by ThreadSanitizer
// too, to come before the notification.
#pragma once

#include <atomic>
#include <boost/fiber/condition_variable.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "gort/detail/park.hpp"
#include "gort/detail/spinlock.hpp"
#include "gort/time.hpp"
#include "timer_heap.hpp"

namespace gort::detail {

class pool;
class timer_queue;

// timer_state: one timer, ticker, sleep or after_func.
struct timer_state {
  enum class kind { timer, ticker, func, sleep };

  timer_state(timer_queue& home, kind k) : queue(home), what(k) {}

  timer_queue& queue;
  const kind what;
  spinlock lock;  // guards everything below
  std::uint64_t generation = 0;
  bool pending = false;
  clock::duration period{};         // ticker
  chan<clock::time_point> channel;  // timer and ticker: capacity 1
  std::function<void()> func;       // func
  wake_token* sleeper = nullptr;    // sleep
};

class timer_queue {
 public:
  // A virtual clock is poked by poke_virtual_clocks() from construction to stop().
  timer_queue(pool& home, bool virtual_time);
  timer_queue(const timer_queue&) = delete;
  timer_queue& operator=(const timer_queue&) = delete;

  // start() launches the fiber that fires timers; call it on a pool thread.
  void start();
  // stop() ends that fiber; pending timers never fire.
  void stop();
  // poke() makes a virtual clock look again whether it may jump.
  void poke();
  // poke_virtual_clocks() pokes the virtual clock of every run that has one:
  // called when every goroutine may have parked (liveness.hpp: going_idle).
  static void poke_virtual_clocks() noexcept;
  // now() is this run's clock: real, or virtual.
  clock::time_point now() const noexcept;
  bool is_virtual() const noexcept { return virtual_; }

  // schedule(): t.lock held. Makes t fire at `when` (never, if when is the
  // clock's maximum; at once, here, if a timer's `when` has passed),
  // cancelling any earlier schedule of t.
  void schedule(const std::shared_ptr<timer_state>& t, clock::time_point when);
  // cancel(): t.lock held. Returns whether t was pending; drains t's channel
  // (a delivered but unreceived value counts as pending, as in Go 1.23).
  static bool cancel(timer_state& t);

 private:
  // scheduled: one schedule of a timer; live while its generation is the timer's.
  struct scheduled {
    std::uint64_t generation;
    std::shared_ptr<timer_state> timer;
  };
  using entry = timer_heap<scheduled>::entry;

  // Virtual time starts at this fixed instant, whatever the real clock says.
  static constexpr clock::time_point kVirtualEpoch{std::chrono::hours(24)};

  void serve();
  void fire(const entry& e);
  // drop_unreachable(): lock_ held. Removes the entries of unreachable timers (see above).
  void drop_unreachable() noexcept;

  // The heap is searched for unreachable timers once it holds this many
  // entries, and after that whenever it has doubled since the last search.
  static constexpr std::size_t kFirstSweep = 64;

  pool& home_pool_;
  const bool virtual_;
  std::atomic<clock::rep> virtual_now_{kVirtualEpoch.time_since_epoch().count()};
  spinlock lock_;                                 // guards heap_, sweep_at_ and stopping_
  boost::fibers::condition_variable_any wakeup_;  // the serving fiber waits on it
  timer_heap<scheduled> heap_;
  std::size_t sweep_at_ = kFirstSweep;  // guarded by lock_
  bool stopping_ = false;
};

// deadline() is now + d, saturating: never earlier than now, never overflowing.
clock::time_point deadline(clock::time_point now, clock::duration d) noexcept;

}  // namespace gort::detail
