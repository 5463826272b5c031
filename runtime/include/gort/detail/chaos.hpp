// SPDX-License-Identifier: MIT
// chaos: GORT_CHAOS=<seed>, a debug mode in which the runtime yields at
// random at its interleaving points — before a channel operation takes the
// channel's lock, after it releases it and before it wakes a waiter, before
// select locks its channels (its waiters are registered under those locks,
// where no goroutine may yield), and in every wake-up — so tests explore
// schedules a quiet machine never produces. The
// choices come from the seed (and the thread): at GOMAXPROCS=1 one seed gives
// one schedule, so a failing seed reproduces. Off, a point costs one relaxed
// load and an untaken branch.
#pragma once

#include <atomic>
#include <cstdint>

namespace gort::detail::chaos {

extern std::atomic<bool> on;

// start() turns chaos on with seed for one run; stop() turns it off.
void start(std::uint64_t seed) noexcept;
void stop() noexcept;

// maybe_yield() yields the calling goroutine with probability 1/4 (never a
// plain thread's, or while a lock is held: callers hold none).
void maybe_yield() noexcept;

// point() marks an interleaving point; call it with no spinlock held.
inline void point() noexcept {
  if (on.load(std::memory_order_relaxed)) maybe_yield();
}

}  // namespace gort::detail::chaos
