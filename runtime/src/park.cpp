// SPDX-License-Identifier: MIT
// park/unpark: how a blocked goroutine sleeps and is woken, for every queue.
//
// Invariants (under a parker's lock): a token is parked only while its owner
// is switched out, and signalled once unpark() ran; park() sleeps only if the
// token is not yet signalled, and unpark() schedules the owner only if it is
// parked, so each token wakes its owner exactly once and never early.
// Lock order: queue locks, then the parker's lock. Boost's suspend(lock)
// releases the parker's lock only after the owner's context is switched out.
#include "gort/detail/park.hpp"

#include <mutex>

#include "goroutine.hpp"
#include "liveness.hpp"

namespace gort::detail {
namespace {

// fall_asleep() and wake_up(): the parker's lock held. They keep the dump's
// view and the deadlock detector's counts (liveness.hpp) in step.
void fall_asleep(parker& p, wait_reason why) noexcept {
  p.reason = why;
  p.asleep_since = std::chrono::steady_clock::now().time_since_epoch().count();
  p.asleep = true;
  if (goroutine* g = p.owner()) {
    if (g->counted()) liveness::goroutine_parked();
  } else {
    liveness::thread_blocked();
  }
}

void wake_up(parker& p) noexcept {
  p.asleep = false;
  if (goroutine* g = p.owner()) {
    if (g->counted()) liveness::goroutine_unparked();
  } else {
    liveness::thread_unblocked();
  }
}

}  // namespace

parker* current_parker() noexcept {
  if (goroutine* g = current_goroutine()) return &g->sleeper;
  // A plain OS thread (a test's main thread, a thread of the learner's) sleeps
  // on its own Boost.Fiber main context.
  thread_local parker thread_sleeper(boost::fibers::context::active(), nullptr);
  return &thread_sleeper;
}

void park(wake_token& token, std::span<spinlock* const> held, wait_reason why) {
  parker& self = *token.owner;
  std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
  for (auto it = held.rbegin(); it != held.rend(); ++it) (*it)->unlock();
  if (token.signalled) return;
  token.parked = true;
  fall_asleep(self, why);
  self.context()->suspend(lock);
}

void unpark(wake_token& token) noexcept {
  parker& owner = *token.owner;
  boost::fibers::context* sleeper = owner.context();
  bool was_parked = false;
  {
    std::lock_guard<boost::fibers::detail::spinlock> lock(owner.lock);
    token.signalled = true;
    was_parked = token.parked;
    if (was_parked) wake_up(owner);
  }
  if (was_parked) boost::fibers::context::active()->schedule(sleeper);
}

void block_forever(wait_reason why) {
  parker& self = *current_parker();
  std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
  fall_asleep(self, why);
  for (;;) {
    self.context()->suspend(lock);
    lock.lock();
  }
}

}  // namespace gort::detail
