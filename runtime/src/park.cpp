// SPDX-License-Identifier: MIT
// park/unpark: how a blocked goroutine sleeps and is woken, for every queue.
//
// Invariants (under a parker's lock): a token is parked only while its sleeper
// is switched out, and signalled once unpark() ran; park() sleeps only if the
// token is not yet signalled, and unpark() schedules the sleeper only if it is
// parked, so each token wakes its sleeper exactly once and never early.
// A parked goroutine's fiber is detached from its thread, so that unpark()
// can queue it on the waker's processor (pool.hpp: runnext).
// Lock order: queue locks, then the parker's lock. Boost's suspend(lock)
// releases the parker's lock only after the sleeper's context is switched out,
// so an unpark() that finds the token parked finds the fiber switched out too.
#include "gort/detail/park.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "goroutine.hpp"
#include "gort/detail/chaos.hpp"
#include "pool.hpp"
#include "sanitizers.hpp"
#include "scheduler.hpp"

namespace gort::detail {
namespace {

// plain_sleeper: a plain OS thread's parker (a test's main thread, a thread
// of the learner's), which sleeps on a condition variable of its own.
//
// Its waker notifies while it still holds the parker's lock: the thread may
// end, destroying this thread-local, as soon as the lock is free. It does
// not sleep on the thread's Boost.Fiber main context: Boost's waker would
// notify after unlocking, into a scheduler the woken thread may already have
// destroyed on its way out.
struct plain_sleeper : parker {
  plain_sleeper() noexcept : parker(nullptr, nullptr) {}
  std::condition_variable_any wakeup;
};

plain_sleeper& as_plain(parker& p) noexcept { return static_cast<plain_sleeper&>(p); }

}  // namespace

parker* current_parker() noexcept {
  if (goroutine* g = current_goroutine()) return &g->sleeper;
  thread_local plain_sleeper thread_sleeper;
  return &thread_sleeper;
}

void park(wake_token& token, std::span<spinlock* const> held, wait_reason why) {
  parker& self = *token.sleeper;
  std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
  for (auto it = held.rbegin(); it != held.rend(); ++it) (*it)->unlock();
  if (token.signalled) return;
  token.parked = true;
  fall_asleep(self, why, held.empty() ? nullptr : held.front());
  goroutine* g = self.parked_goroutine();
  if (g == nullptr) {
    as_plain(self).wakeup.wait(lock, [&] { return token.signalled; });
    return;
  }
  switch_out(*g, lock);
  now_on_stack_of(*g);
  chaos::point();  // just woken: let whoever else is runnable go first, sometimes
}

void unpark(wake_token& token) noexcept {
  parker& sleeper = *token.sleeper;
  goroutine* const g =
      sleeper.parked_goroutine();  // read now: a plain thread's parker may end with the lock
  {
    std::lock_guard<boost::fibers::detail::spinlock> lock(sleeper.lock);
    GORT_CHECK(token.claimed.load(std::memory_order_relaxed),
               "unpark() comes after the token's claim");
    GORT_CHECK(!token.signalled, "unpark() runs at most once per token");
    token.signalled = true;
    if (!token.parked) return;
    wake_up(sleeper);
    if (g == nullptr) {
      as_plain(sleeper).wakeup.notify_one();
      return;
    }
  }
  g->home_pool.ready(*g, pool::ready_to::run_next);
}

void block_forever(wait_reason why) {
  parker& self = *current_parker();
  std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
  fall_asleep(self, why, nullptr);
  if (self.parked_goroutine() == nullptr) {
    for (;;) as_plain(self).wakeup.wait(lock);
  }
  switch_out_forever(*self.parked_goroutine(), lock);
}

}  // namespace gort::detail
