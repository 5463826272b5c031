// SPDX-License-Identifier: MIT
// liveness: the process-wide account of what may still happen — goroutines
// not parked, timers pending, threads outside the runtime that may wake one.
// The deadlock watchdog and virtual time read it; see deadlock.cpp.
#pragma once

namespace gort::detail {

class timer_queue;

namespace liveness {

// Each call is made at the moment the event happens, before the caller can
// cause anything else; see the invariant in deadlock.cpp.
void goroutine_started() noexcept;
void goroutine_exited() noexcept;
void goroutine_parked() noexcept;
void goroutine_unparked() noexcept;
void thread_blocked() noexcept;    // a plain OS thread waits in a runtime operation
void thread_unblocked() noexcept;
void timer_armed() noexcept;
void timer_settled() noexcept;
// A pool thread, or another thread of the runtime's own (schedtrace): never a waker.
void runtime_thread_started() noexcept;
void runtime_thread_ended() noexcept;

// all_goroutines_parked() is true when no goroutine of any run can proceed
// by itself (timers aside).
bool all_goroutines_parked() noexcept;

// The timer queues of runs on virtual time, told when every goroutine has parked.
void add_virtual_clock(timer_queue& q);
void remove_virtual_clock(timer_queue& q);

// start_watchdog() starts, once per process, the thread that reports
// deadlocks and answers SIGQUIT with a goroutine dump.
void start_watchdog();

}  // namespace liveness
}  // namespace gort::detail
