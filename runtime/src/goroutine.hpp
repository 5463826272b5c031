// SPDX-License-Identifier: MIT
// goroutine: the runtime's record of one goroutine, and parker, the place
// where a goroutine or a plain OS thread sleeps while blocked.
#pragma once

#include <atomic>
#include <boost/fiber/context.hpp>
#include <boost/fiber/properties.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "gort/detail/check.hpp"
#include "gort/detail/park.hpp"
#include "gort/runtime.hpp"
#include "small_blocks.hpp"
#include "tsan_fiber.hpp"

namespace gort::detail {

class pool;
class goroutine;

// parker: one sleeper. Its lock orders a token's park() against its unpark().
class parker {
 public:
  parker(boost::fibers::context* ctx, goroutine* parked) noexcept : ctx_(ctx), goroutine_(parked) {}

  boost::fibers::context* context() const noexcept { return ctx_; }
  void set_context(boost::fibers::context* ctx) noexcept { ctx_ = ctx; }
  // parked_goroutine() is the goroutine that sleeps here; nullptr for a plain OS thread.
  goroutine* parked_goroutine() const noexcept { return goroutine_; }

  // Guards the signalled/parked fields of this parker's wake_tokens. Taken
  // after any queue lock; nothing else is locked while it is held.
  boost::fibers::detail::spinlock lock;

  // For goroutine dumps, read without the lock: why and since when it sleeps.
  std::atomic<bool> asleep{false};
  std::atomic<wait_reason> reason{wait_reason::chan_receive};
  std::atomic<std::chrono::steady_clock::rep> asleep_since{0};

 private:
  boost::fibers::context* ctx_;
  goroutine* goroutine_;
};

// goroutine: attached to its fiber as Boost.Fiber properties, so the running
// fiber finds its own record through context::active().
class goroutine final : public boost::fibers::fiber_properties {
 public:
  enum class role { main, user, system };
  // status is where a goroutine is in its life. The edges, as in Go's:
  // runnable -> running (picked), running -> runnable (yielded),
  // running -> waiting (parked), waiting -> runnable (woken), and
  // running -> dead (returned). A new goroutine starts runnable.
  enum class status : unsigned char { runnable, running, waiting, dead };

  goroutine(pool& home, std::uint64_t goroutine_id, role goroutine_role,
            std::unique_ptr<task> goroutine_body, std::string start_label, const char* start_type,
            const void* start_entry) noexcept
      : fiber_properties(nullptr),
        body(std::move(goroutine_body)),
        home_pool(home),
        id(goroutine_id),
        part(goroutine_role),
        label(std::move(start_label)),
        type_name(start_type),
        entry(start_entry),
        sleeper(nullptr, this) {}

  static void* operator new(std::size_t size) { return small_blocks::allocate(size); }
  static void operator delete(void* block, std::size_t size) noexcept {
    small_blocks::deallocate(block, size);
  }

  // moves() follows the edge from -> to; a checked build checks that the
  // goroutine was at `from`, and reports `edge` if it was not.
  void moves([[maybe_unused]] status from, [[maybe_unused]] status to,
             [[maybe_unused]] const char* edge) noexcept {
#ifdef GORT_CHECKS
    GORT_CHECK(now_.exchange(to, std::memory_order_relaxed) == from, edge);
#endif
  }

  bool counted() const noexcept { return part != role::system; }
  // started() is false until a processor first runs it: a goroutine gets its
  // fiber and stack only then, so one that is merely queued costs neither.
  bool started() const noexcept { return sleeper.context() != nullptr; }

  std::unique_ptr<task> body;  // what it runs; reset when it returns
  pool& home_pool;             // the pool of the run it belongs to
  const std::uint64_t id;  // Go's goroutine id: main is 1; the timer service is 0
  const role part;         // main, an ordinary goroutine, or the runtime's own (not counted)
  const std::string label;             // the name given to go(), if any, for dumps
  const char* const type_name;         // else the mangled type of the callable it runs
  const void* const entry;             // the function it runs, if a plain function (for its name)
  parker sleeper;                      // its context is set when the goroutine starts running
  goroutine* next_runnable = nullptr;  // its link in a run queue (pool.hpp) while runnable
  goroutine* prev_live = nullptr;      // the registry of live goroutines (dump.cpp)
  goroutine* next_live = nullptr;
  // Written only while a trace is recorded (trace.hpp): the flow that readied
  // it, what it last blocked on, and its name.
  std::uint64_t trace_flow = 0;
  bool trace_unannounced = false;  // made outside the pool: its `go` event is still to come
  const void* trace_object = nullptr;
  const std::string* trace_name = nullptr;
  // Its stack, once it has one (sanitizers.hpp), and its ThreadSanitizer fiber.
  const void* stack_bottom = nullptr;
  std::size_t stack_size = 0;
  [[no_unique_address]] tsan_fiber tsan;

 private:
#ifdef GORT_CHECKS
  std::atomic<status> now_{status::runnable};  // kept by checked builds only
#endif
};

// fall_asleep() and wake_up(): p's lock held, as its sleeper parks and as it
// is woken (goroutine.cpp, with the rest of a goroutine's life). They keep the
// dump's view, the deadlock detector's count (liveness.hpp) and the trace in
// step; object is what the sleeper waits on (its lock's address), if anything.
void fall_asleep(parker& p, wait_reason why, const void* object) noexcept;
void wake_up(parker& p) noexcept;

// current_goroutine() is the calling goroutine's record; nullptr on a thread
// that is not running a goroutine.
inline goroutine* current_goroutine() noexcept {
  return static_cast<goroutine*>(boost::fibers::context::active()->get_properties());
}

}  // namespace gort::detail
