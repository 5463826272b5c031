// SPDX-License-Identifier: MIT
// trace: what the scheduler lets a learner see — the execution trace behind
// GORT_TRACE (Chrome trace-event JSON, which Perfetto and chrome://tracing
// open) and the counts behind GORT_SCHEDTRACE (schedtrace.hpp).
//
// The hooks sit in the scheduler's hot paths behind `if (trace::on())`: one
// relaxed load and a branch that is never taken while nothing observes, and
// nothing at all in a build with GORT_NO_TRACE (the benchmarks' baseline).
//
// Invariants:
//   - Each thread appends only to its own buffer; a buffer is written to the
//     file, under the writer's lock, when it fills up or when the trace stops.
//     So memory stays at one buffer per thread however long the program runs.
//   - In the file, each thread's slices nest: every "B" (a goroutine starts
//     running on the thread) is followed by its "E" before the next "B"; a
//     slice still open when the trace stops is closed then.
//   - A flow ("s" where a goroutine is readied, "f" where it next runs) links
//     the waker's instant to the wakee's slice; its id is carried by the
//     goroutine record from the one to the other.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "gort/detail/park.hpp"

namespace gort::detail {

class goroutine;

namespace trace {

#ifdef GORT_NO_TRACE
constexpr bool on() noexcept { return false; }
#else
extern std::atomic<bool> observed;  // a trace is recorded, or schedtrace counts
// on() is true while anything observes the scheduler; hooks are called only then.
inline bool on() noexcept { return observed.load(std::memory_order_relaxed); }
#endif

// start() begins observing for one run: counts always, and events written to
// path unless it is empty. Returns an error message if the file cannot be
// opened (or this build has no trace hooks), else an empty string.
std::string start(const std::string& path);
// stop() writes what the buffers hold, closes open slices and the file, and
// stops observing. Safe to call when nothing was started, and at exit while
// goroutines still run (their later events are dropped).
void stop() noexcept;

// The hooks. g is the goroutine the event is about; the caller's own
// goroutine (if any) is the one that caused it.
void thread_started() noexcept;                 // a pool thread, before it runs goroutines
void created(goroutine& g) noexcept;            // go(): g is new (made outside the pool: see trace.cpp)
void readied() noexcept;                        // a goroutine became runnable
void switched(goroutine* next) noexcept;       // the calling pool thread runs next (nullptr: none)
void blocked(goroutine& g, wait_reason why, const void* object) noexcept;  // g parks on object
void unblocked(goroutine& g) noexcept;          // g is woken by the caller
void stole() noexcept;                          // a processor took work from another

// The counts, for GORT_SCHEDTRACE; zero unless observed since start().
struct counts {
  std::int64_t runnable = 0;  // readied and not yet running
  std::int64_t blocked = 0;   // parked on a channel, select, lock or sleep
  std::int64_t steals = 0;
};
counts counts_now() noexcept;

}  // namespace trace
}  // namespace gort::detail
