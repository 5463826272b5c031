// SPDX-License-Identifier: MIT
// A goroutine's life, in one place: started (counted, registered, traced,
// queued), parked and woken (the dump's view, the deadlock detector's count
// and the trace kept in step), ended (panics reported, Go's exit rule for
// main, the last leftover stopping its pool). See goroutine.hpp.
#include "goroutine.hpp"

#include <time.h>

#include <utility>

#include "dump.hpp"
#include "fatal.hpp"
#include "liveness.hpp"
#include "pool.hpp"
#include "processor.hpp"
#include "sanitizers.hpp"
#include "scheduler.hpp"
#include "trace.hpp"

namespace gort::detail {
namespace {

// coarse_now() is the monotonic clock at scheduler-tick resolution: dumps
// show waits in whole minutes, and it costs a fraction of a precise reading.
std::chrono::steady_clock::rep coarse_now() noexcept {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  const auto since_boot = std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(since_boot).count();
}

// run_body() runs what g was started with and reports its panic, if any;
// false if it called goexit.
bool run_body(goroutine& g) noexcept {
  try {
    g.body->run();
    g.body.reset();  // the goroutine's captures die with it, before it counts as ended
  } catch (const goexit_signal&) {
    return false;
  } catch (const std::exception& e) {
    report_panic(g, e.what());
  } catch (...) {
    report_panic(g, "a C++ exception not derived from std::exception");
  }
  return true;
}

}  // namespace

// --- started ---------------------------------------------------------------------

void pool::spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
                 const void* entry) {
  launch(std::move(body), goroutine::role::user, std::move(label), type_name, entry);
  // Without preemption, a goroutine starting goroutines in a loop on the one
  // thread would queue them all before any ran, where Go's scheduler
  // preempts it within 10 ms; so it yields to them, when no other thread can
  // take them, after spawning for a time slice (processor.hpp).
  if (maxprocs() == 1 && current_processor()->spawned_for_a_slice() &&
      current_goroutine() != nullptr) {
    yield();
  }
}

void pool::start_system(std::unique_ptr<task> body, std::string label) {
  launch(std::move(body), goroutine::role::system, std::move(label), nullptr, nullptr);
}

void pool::launch(std::unique_ptr<task> body, goroutine::role role, std::string label,
                  const char* type_name, const void* entry) {
  const std::uint64_t id = role == goroutine::role::system ? 0 : next_id_.fetch_add(1);
  auto* g = new goroutine(*this, id, role, std::move(body), std::move(label), type_name, entry);
  if (g->counted()) {
    goroutines_.fetch_add(1);
    liveness::goroutine_started();
    register_goroutine(*g);
  }
  if (trace::on()) trace::created(*g);
  ready(*g, ready_to::run_next);  // as Go's newproc: the new goroutine runs next on this thread
}

// --- parked and woken ------------------------------------------------------------

void fall_asleep(parker& p, wait_reason why, const void* object) noexcept {
  p.reason = why;
  p.asleep_since = coarse_now();
  p.asleep = true;
  if (goroutine* g = p.parked_goroutine()) {
    g->moves(goroutine::status::running, goroutine::status::waiting,
             "only a running goroutine parks");
    if (trace::on()) trace::blocked(*g, why, object);
    if (g->counted()) liveness::goroutine_parked();
  } else {
    liveness::thread_blocked();
  }
}

void wake_up(parker& p) noexcept {
  p.asleep = false;
  if (goroutine* g = p.parked_goroutine()) {
    g->moves(goroutine::status::waiting, goroutine::status::runnable,
             "only a parked goroutine is woken");
    if (trace::on()) trace::unblocked(*g);
    if (g->counted()) liveness::goroutine_unparked();
  } else {
    liveness::thread_unblocked();
  }
}

// --- ended -----------------------------------------------------------------------

void pool::run_goroutine(goroutine& g) {
  now_on_stack_of(g);
  constexpr const char* kEnd = "only a running goroutine returns";
  if (!g.counted()) {
    g.body->run();
    g.moves(goroutine::status::running, goroutine::status::dead, kEnd);
    return;
  }
  const bool goexited = !run_body(g);
  g.moves(goroutine::status::running, goroutine::status::dead, kEnd);
  const bool is_main = g.part == goroutine::role::main;
  unregister_goroutine(g);
  // run()'s caller goes on once main returns: it counts as a possible waker
  // again before main counts as ended, so no look sees nobody able to move.
  if (is_main && !goexited) liveness::thread_unblocked();
  if (is_main && goexited) main_goexited_.store(true);
  const int left = goroutines_.fetch_sub(1) - 1;
  liveness::goroutine_exited();
  if (is_main && !goexited) {
    std::lock_guard lock(main_mutex_);
    main_done_ = true;
    main_cv_.notify_all();
  }
  if (left == 0 && main_goexited_.load())
    fatal("no goroutines (main called runtime.Goexit) - deadlock!");
  // The last leftover of a run that has returned: the threads have nothing
  // more to do (finish() left them running only for the leftovers).
  if (left == 0 && abandoned_.load() && claim_stop()) stop_threads();
}

void pool::wait_main() {
  liveness::thread_blocked();  // until the main goroutine returns: see run_goroutine
  std::unique_lock lock(main_mutex_);
  main_cv_.wait(lock, [this] { return main_done_; });
}

}  // namespace gort::detail
