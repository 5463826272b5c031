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

namespace gort::detail {

parker* current_parker() noexcept {
  if (goroutine* g = current_goroutine()) return &g->sleeper;
  // A plain OS thread (a test's main thread, a thread of the learner's) sleeps
  // on its own Boost.Fiber main context.
  thread_local parker thread_sleeper(boost::fibers::context::active());
  return &thread_sleeper;
}

void park(wake_token& token, std::span<spinlock* const> held, wait_reason why) {
  parker& self = *token.owner;
  std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
  for (auto it = held.rbegin(); it != held.rend(); ++it) (*it)->unlock();
  if (token.signalled) return;
  token.parked = true;
  self.reason = why;
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
  }
  if (was_parked) boost::fibers::context::active()->schedule(sleeper);
}

void block_forever(wait_reason why) {
  parker& self = *current_parker();
  for (;;) {
    std::unique_lock<boost::fibers::detail::spinlock> lock(self.lock);
    self.reason = why;
    self.context()->suspend(lock);
  }
}

}  // namespace gort::detail
