// SPDX-License-Identifier: MIT
// liveness: the process-wide account of what may still happen — goroutines
// not parked, timers pending, threads outside the runtime that may wake one.
// The deadlock watchdog (watchdog.hpp) and virtual time read it. Each
// runtime thread keeps its own share of the counts; liveness.cpp gives the
// invariant and why a look that sums the shares sees one instant.
#pragma once

namespace gort::detail::liveness {

// Each call is made at the moment the event happens, before the caller can
// cause anything else; see the invariant in liveness.cpp.
void goroutine_started() noexcept;
void goroutine_exited() noexcept;
void goroutine_parked() noexcept;
void goroutine_unparked() noexcept;
void thread_blocked() noexcept;  // a plain OS thread waits in a runtime operation
void thread_unblocked() noexcept;
void timer_armed() noexcept;
void timer_settled() noexcept;
// A pool thread, or another thread of the runtime's own (schedtrace): never
// a waker. Between the two calls the thread counts its events in a share of
// its own.
void runtime_thread_started() noexcept;
void runtime_thread_ended() noexcept;

// all_goroutines_parked() is true when, at one instant, no goroutine of any
// run could proceed by itself (timers aside).
bool all_goroutines_parked() noexcept;
// going_idle(): the calling pool thread has nothing to run. If every
// goroutine may now be parked, it pokes the virtual clocks (timer_queue.hpp)
// and, with no timer pending either, wakes the watchdog.
void going_idle() noexcept;
// nobody_can_move() is true when one look, at one instant, finds no goroutine
// running, no timer pending, a goroutine alive, and no thread outside the
// runtime that could wake one: a deadlock.
bool nobody_can_move();

}  // namespace gort::detail::liveness
