// SPDX-License-Identifier: MIT
// The pool's lifetime: its threads started, resized by gomaxprocs, stopped
// and joined, or left to leftover goroutines. See pool.hpp.
#include "pool.hpp"

#include <algorithm>
#include <boost/fiber/operations.hpp>
#include <utility>

#include "liveness.hpp"
#include "scheduler.hpp"
#include "small_blocks.hpp"
#include "trace.hpp"

namespace gort::detail {

pool::pool(int maxprocs, std::size_t stack_size, bool virtual_time,
           std::chrono::milliseconds schedtrace)
    : maxprocs_(maxprocs),
      stacks_(stack_pool::for_size(stack_size)),
      timers_(*this, virtual_time),
      schedtrace_(schedtrace) {}

pool::~pool() {
  while (outside_wakers_.load() != 0) std::this_thread::yield();
}

void pool::start(std::unique_ptr<task> main_goroutine) {
  // Goroutine 1 is made (and counts as running) here, before run()'s caller
  // blocks in wait_main(): otherwise the deadlock watchdog could see a
  // blocked caller and no goroutine running, and report a deadlock that is
  // not one. Both go to the global queue, where the first thread takes them.
  launch(std::move(main_goroutine), goroutine::role::main, "main", nullptr, nullptr);
  timers_.start();
  start_processors(maxprocs());
  if (schedtrace_.count() > 0) reporter_ = std::make_unique<sched_reporter>(*this, schedtrace_);
}

int pool::set_maxprocs(int n) {
  if (n < 1) return maxprocs();
  n = std::min(n, kMaxProcs);
  const int previous = maxprocs_.exchange(n);
  start_processors(n);
  if (n > previous) {
    // Surplus threads that are active again may be parked: let them look for work.
    for_each_started([&](processor& p) {
      if (p.index >= previous && p.index < n) p.wake();
    });
  } else {
    wake_idle_processor();  // someone must take over the surplus threads' queues
  }
  if (processor* self = current_processor(); self != nullptr && !is_active(*self)) {
    yield();  // move the caller onto a thread that may still run it
  }
  return previous;
}

pool::snapshot pool::snapshot_now() const {
  snapshot s;
  s.maxprocs = maxprocs();
  s.threads = started_.load(std::memory_order_acquire);
  s.idle = nidle_.load();
  s.spinning = spinning_.load();
  s.global = global_size_.load();
  for_each_started([&](const processor& p) {
    s.local.push_back(p.runq_size.load() + (p.runnext.load() != nullptr ? 1 : 0));
  });
  s.goroutines = live_goroutines();
  return s;
}

void pool::start_processors(int count) {
  std::lock_guard lock(procs_mutex_);
  for (int i = started_.load(); i < count; ++i) {
    procs_[i] = std::make_unique<processor>(*this, i);
    processor& p = *procs_[i];
    started_.store(i + 1, std::memory_order_release);  // visible to thieves before it runs
    holders_.fetch_add(1);
    try {
      p.thread = std::thread([this, &p] { thread_main(p); });
    } catch (...) {
      holders_.fetch_sub(1);
      throw;
    }
  }
}

// holder_until_exit: a pool thread's hold on its pool, dropped by the last
// of the thread's thread-locals to be destroyed: made before any other
// (Boost's scheduler among them), it is destroyed after all of them.
struct pool::holder_until_exit {
  pool* held = nullptr;
  holder_until_exit() = default;
  holder_until_exit(const holder_until_exit&) = delete;
  holder_until_exit& operator=(const holder_until_exit&) = delete;
  ~holder_until_exit() {
    if (held != nullptr) held->drop_holder();
  }
};

void pool::thread_main(processor& self) {
  thread_local holder_until_exit hold;
  hold.held = this;
  processor_main(self);
}

void pool::drop_holder() noexcept {
  if (holders_.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  // The last holder of an abandoned pool: every thread has ended, or is
  // ending and done with the pool (this one among them).
  drop_never_started();
  for_each_started([](processor& p) {
    // Threads started after finish() (a leftover's gomaxprocs) were never detached.
    if (p.thread.joinable()) p.thread.detach();
  });
  delete this;
}

void pool::release(std::unique_ptr<pool> abandoned) noexcept { abandoned.release()->drop_holder(); }

void pool::processor_main(processor& self) {
  liveness::runtime_thread_started();
  self.bind_to_calling_thread();
  self.tsan_main.adopt_current();
  // Its trace buffer is made (1.3 MB of page faults) before any goroutine
  // runs here, so no goroutine's slice is charged for it.
  if (trace::on()) trace::thread_started();
  boost::fibers::use_scheduling_algorithm<pool_algorithm>(self);
  self.scheduler = boost::fibers::context::active()->get_scheduler();
  // The main context waits for the stop out of every queue; pick_next()
  // gives it back once stopping_ is set. (Not on a Boost condition variable:
  // its notifier wakes this thread's scheduler through Boost after making the
  // context ready, and this thread could by then have ended and destroyed it.)
  self.waiting_main = boost::fibers::context::active();
  while (!stopping_.load()) self.waiting_main->suspend();
  self.waiting_main = nullptr;
  stack_pool::release_thread_cache();
  small_blocks::release_thread_cache();
  liveness::runtime_thread_ended();
}

bool pool::finish() {
  // Announced before looking: a goroutine that ends after this look, the
  // last one, sees it and stops the threads itself (run_goroutine).
  abandoned_.store(true);
  if (goroutines_.load() == 0 && claim_stop()) {
    stop_threads();
    // started_ is final: no goroutine is left to start a thread.
    for_each_started([](processor& p) { p.thread.join(); });
    drop_never_started();
    return true;
  }
  // A leftover may be starting threads (gomaxprocs) meanwhile: under
  // procs_mutex_, every processor counted in started_ has its thread. Those
  // started after this are detached by the pool's last holder.
  std::lock_guard lock(procs_mutex_);
  for_each_started([](processor& p) { p.thread.detach(); });
  return false;
}

void pool::drop_never_started() noexcept {
  auto drop_all = [](run_list& queue) {
    while (goroutine* g = queue.pop_front()) {
      if (!g->started()) delete g;  // a started one belongs to its fiber, which frees it
    }
  };
  drop_all(global_);
  for_each_started([&](processor& p) {
    drop_all(p.runq);
    if (goroutine* g = p.runnext.exchange(nullptr); g != nullptr && !g->started()) delete g;
  });
}

bool pool::claim_stop() noexcept {
  bool expected = false;
  return stop_claimed_.compare_exchange_strong(expected, true);
}

void pool::stop_threads() {
  reporter_.reset();
  timers_.stop();
  stopping_.store(true);
  for_each_started([](processor& p) { p.wake(); });
}

}  // namespace gort::detail
