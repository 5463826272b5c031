// SPDX-License-Identifier: MIT
// The scheduling algorithm: pool_algorithm, Boost.Fiber's policy on each pool
// thread, and the pool's side of it — readying, finding and stealing work,
// spinning, parking and waking idle threads, and switching a blocked
// goroutine out. See pool.hpp and processor.hpp for the invariants.
#include "scheduler.hpp"

#include <algorithm>
#include <boost/fiber/operations.hpp>
#include <utility>

#include "fatal.hpp"
#include "gort/detail/check.hpp"
#include "goroutine.hpp"
#include "liveness.hpp"
#include "pool.hpp"
#include "random.hpp"
#include "sanitizers.hpp"
#include "trace.hpp"

namespace gort::detail {
namespace {

boost::fibers::context* pop_front(ready_queue& q) noexcept {
  if (q.empty()) return nullptr;
  boost::fibers::context* ctx = &q.front();
  q.pop_front();
  return ctx;
}

// goroutine_of() is the record of a goroutine's fiber (its Boost.Fiber properties).
goroutine& goroutine_of(boost::fibers::context* ctx) noexcept {
  return *static_cast<goroutine*>(ctx->get_properties());
}

}  // namespace

// --- pool_algorithm ----------------------------------------------------------

void pool_algorithm::awakened(boost::fibers::context* ctx) noexcept {
  if (ctx->is_context(boost::fibers::type::dispatcher_context)) {
    dispatcher_ = ctx;
    return;
  }
  if (ctx->is_context(boost::fibers::type::pinned_context)) {
    ctx->ready_link(pinned_);
    return;
  }
  // A yield, or a wake-up by Boost.Fiber itself (the timer service's
  // condition variable): to the runq's tail, not runnext.
  ctx->detach();
  goroutine& g = goroutine_of(ctx);
  g.moves(goroutine::status::running, goroutine::status::runnable,
          "only a running goroutine yields");
  g.home_pool.ready(g, pool::ready_to::queue);
}

boost::fibers::context* pool_algorithm::pick_next() noexcept {
  goroutine* g = nullptr;
  boost::fibers::context* ctx = pop_front(pinned_);
  // The main context waiting for the stop (processor_main), once it comes;
  // never to itself: a context cannot switch to itself.
  if (ctx == nullptr && self_.waiting_main != nullptr && self_.home_pool.stopping() &&
      self_.waiting_main != boost::fibers::context::active()) {
    ctx = self_.waiting_main;
  }
  // dispatcher_ is null exactly when the dispatcher itself is asking.
  if (ctx == nullptr && (dispatcher_ == nullptr || ++picks_since_dispatch_ < kDispatchEvery)) {
    g = self_.home_pool.find_work(self_);
    if (g != nullptr) ctx = self_.home_pool.context_for(self_, *g);
  }
  if (ctx == nullptr) {
    picks_since_dispatch_ = 0;
    ctx = std::exchange(dispatcher_, nullptr);
  }
  if (trace::on()) trace::switched(g);
  if (ctx != nullptr) announce_switch(ctx);
  return ctx;
}

void pool_algorithm::announce_switch(boost::fibers::context* to) noexcept {
  if (!tsan_fiber::kEnabled || to == boost::fibers::context::active()) return;
  if (to->is_context(boost::fibers::type::dispatcher_context)) {
    self_.tsan_dispatcher.switch_to();
  } else if (to->is_context(boost::fibers::type::main_context)) {
    self_.tsan_main.switch_to();
  } else {
    goroutine_of(to).tsan.switch_to();
  }
}

bool pool_algorithm::has_ready_fibers() const noexcept {
  if (!pinned_.empty() || dispatcher_ != nullptr) return true;
  if (self_.waiting_main != nullptr && self_.home_pool.stopping()) return true;
  return self_.home_pool.is_active(self_) &&
         (self_.runq_size.load() > 0 || self_.runnext.load() != nullptr);
}

void pool_algorithm::suspend_until(std::chrono::steady_clock::time_point const& deadline) noexcept {
  self_.home_pool.park(self_, deadline);
}

void pool_algorithm::notify() noexcept { self_.wake(); }

// --- the pool's queues ---------------------------------------------------------

void pool::ready(goroutine& g, ready_to where) noexcept {
  processor* self = current_processor();
  const bool ours = self != nullptr && &self->home_pool == this;
  // A plain thread (or another run's) that readies the last goroutine could
  // still be waking a processor here when the run ends: ~pool waits for it.
  if (!ours) outside_wakers_.fetch_add(1);
  if (ours && is_active(*self)) {
    if (where == ready_to::run_next) {
      self->push_next(&g);
    } else {
      self->push(&g);
    }
  } else {
    push_global(&g);
  }
  if (trace::on()) trace::readied();
  wake_idle_processor();
  if (!ours) outside_wakers_.fetch_sub(1);
}

void pool::push_global(goroutine* g) noexcept {
  std::lock_guard lock(global_lock_);
  global_.push_back(g);
  global_size_.fetch_add(1);
}

goroutine* pool::pop_global() noexcept {
  if (global_size_.load() == 0) return nullptr;
  std::lock_guard lock(global_lock_);
  goroutine* g = global_.pop_front();
  if (g != nullptr) global_size_.fetch_sub(1);
  return g;
}

goroutine* pool::find_work(processor& self) noexcept {
  if (!is_active(self)) {
    // A surplus processor that was still spinning when gomaxprocs dropped
    // made producers skip their wake-up: pass it on to an active one.
    if (work_available()) wake_idle_processor();
    return nullptr;
  }
  const unsigned tick = self.ticks.load(std::memory_order_relaxed) + 1;
  self.ticks.store(tick, std::memory_order_relaxed);
  if (tick % processor::kGlobalEvery == 0) {
    if (goroutine* g = pop_global()) return g;
  }
  if (goroutine* g = self.pop()) return g;
  goroutine* g = pop_global();
  if (g == nullptr) g = steal(self);
  if (g != nullptr) {
    // Like Go's resetspinning(): producers saw this processor looking for
    // work and woke no one; if more work waits, wake another to take it.
    if (work_available()) wake_idle_processor();
    return g;
  }
  if (processor* victim = std::exchange(self.stuck_next, nullptr)) {
    if (goroutine* next = victim->steal_next()) {
      if (trace::on()) trace::stole();
      return next;
    }
  }
  return nullptr;
}

goroutine* pool::steal(processor& self) noexcept {
  const auto count = static_cast<std::uint32_t>(started_.load(std::memory_order_acquire));
  goroutine* g = nullptr;
  const auto now = std::chrono::steady_clock::now();
  const auto robbed = [&](processor& victim) {
    if (&victim == &self) return false;
    g = victim.stealable(now) ? victim.steal_into(self) : nullptr;
    // A surplus processor never runs its runnext itself.
    if (g == nullptr && !is_active(victim)) g = victim.steal_next();
    return g != nullptr;
  };
  if (find_started(robbed, thread_random().below(count)) == nullptr) return nullptr;
  if (trace::on()) trace::stole();
  return g;
}

boost::fibers::context* pool::context_for(processor& self, goroutine& g) noexcept {
  g.moves(goroutine::status::runnable, goroutine::status::running,
          "only a runnable goroutine is picked to run");
  boost::fibers::context* ctx = g.sleeper.context();
  if (ctx == nullptr) {
    try {
      ctx = make_fiber(g);
    } catch (const std::bad_alloc&) {
      fatal("runtime: cannot allocate a goroutine stack (out of memory)");
    }
    g.sleeper.set_context(ctx);
  }
  self.scheduler->attach_worker_context(ctx);
  return ctx;
}

bool pool::work_available() const noexcept {
  return global_size_.load() > 0 ||
         find_started([](const processor& p) { return p.runq_size.load() > 0; }) != nullptr;
}

bool pool::work_to_take(const processor& self,
                        std::chrono::steady_clock::time_point now) const noexcept {
  return global_size_.load() > 0 || self.runq_size.load() > 0 ||
         find_started([&](const processor& p) { return &p != &self && p.stealable(now); }) !=
             nullptr;
}

processor* pool::find_stuck_next(const processor& self) const noexcept {
  return find_started([&](const processor& p) {
    return &p != &self && p.runnext.load() != nullptr &&
           p.ticks.load(std::memory_order_relaxed) == self.ticks_seen[p.index];
  });
}

// --- idle threads --------------------------------------------------------------

void pool::wake_idle_processor() noexcept {
  // A spinning processor will find the work, and so will one already being
  // woken (as Go's wakep counts it spinning before it runs): waking another
  // costs a system call, and a herd of them only fights over the work.
  if (nidle_.load() == 0 || spinning_.load() > 0) return;
  if (bool expected = false; !waking_.compare_exchange_strong(expected, true)) return;
  processor* sleeper = nullptr;
  {
    std::lock_guard lock(idle_mutex_);
    while (sleeper == nullptr && !idle_.empty()) {
      processor* candidate = idle_.back();
      idle_.pop_back();
      nidle_.fetch_sub(1);
      if (is_active(*candidate)) sleeper = candidate;
    }
    GORT_CHECK(nidle_.load() == static_cast<int>(idle_.size()), "nidle_ counts the idle list");
  }
  if (sleeper != nullptr) {
    sleeper->wake();  // off the list, it clears waking_ as it leaves park()
  } else {
    waking_.store(false);
  }
}

void pool::park(processor& self, std::chrono::steady_clock::time_point deadline) noexcept {
  liveness::going_idle();
  const bool active = is_active(self);
  if (active) {
    std::lock_guard lock(idle_mutex_);
    GORT_CHECK(std::find(idle_.begin(), idle_.end(), &self) == idle_.end(),
               "a processor is on the idle list at most once");
    idle_.push_back(&self);
    nidle_.fetch_add(1);
  }
  // Published as idle before looking: a producer that missed us saw nidle_ > 0.
  if (!(active && spin_for_work(self))) {
    std::unique_lock lock(self.park_mutex);
    auto woken = [&] { return self.wake_pending.load(); };
    if (deadline == std::chrono::steady_clock::time_point::max()) {
      self.park_cv.wait(lock, woken);
    } else {
      self.park_cv.wait_until(lock, deadline, woken);
    }
  }
  self.wake_pending.store(false);
  std::lock_guard lock(idle_mutex_);
  if (auto it = std::find(idle_.begin(), idle_.end(), &self); it != idle_.end()) {
    idle_.erase(it);
    nidle_.fetch_sub(1);
  } else if (active) {
    // Off the list: a waker took this processor to wake it, though it may
    // have found work on its own first. Either way it is the one waking_
    // counts, and it clears it, before it looks for work: a producer that
    // saw waking_ set and woke no one published its work before that.
    waking_.store(false);
  }
  GORT_CHECK(nidle_.load() == static_cast<int>(idle_.size()), "nidle_ counts the idle list");
}

bool pool::spin_for_work(processor& self) noexcept {
  // A hand-off from another thread usually comes within microseconds, and
  // waking a sleeping thread costs far more; so, like Go's spinning Ms, look
  // a little longer before sleeping — but at most half the processors at once.
  if (spinning_.fetch_add(1) >= std::max(1, maxprocs() / 2)) {
    spinning_.fetch_sub(1);
    return work_to_take(self, std::chrono::steady_clock::now());
  }
  for_each_started([&](const processor& p) {
    self.ticks_seen[p.index] = p.ticks.load(std::memory_order_relaxed);
  });
  bool found = false;
  const auto give_up = std::chrono::steady_clock::now() + kSpinTime;
  for (auto now = std::chrono::steady_clock::now(); !found && now < give_up;
       now = std::chrono::steady_clock::now()) {
    found = self.wake_pending.load() || work_to_take(self, now);
    for (int i = 0; i < 20 && !found; ++i) pause_briefly();
  }
  spinning_.fetch_sub(1);
  // The last look, after no longer counting as spinning (a producer that saw
  // us spinning did not wake anyone). A runnext is taken only from a thread
  // that has picked nothing during the whole spin, busy with one goroutine:
  // one whose runnext keeps changing is handing values back and forth, and
  // taking from it would split the pair across threads.
  if (!found) {
    self.stuck_next = find_stuck_next(self);
    found = self.stuck_next != nullptr || work_available() || self.runnext.load() != nullptr;
  }
  return found;
}

// --- switching goroutines out ------------------------------------------------

void switch_out(goroutine& g, std::unique_lock<boost::fibers::detail::spinlock>& lock) noexcept {
  // Boost releases the lock from the context that runs next, through the
  // lock object: first the spinlock, then the object's "owns" flag. So the
  // object must not live on the goroutine's stack: once the spinlock is free,
  // an unpark() on another thread may resume the goroutine there, and it may
  // park again with a new lock object at the same address before the old
  // flag is written. The object is the thread's (processor::switch_lock),
  // written by this thread only.
  tsan_release(lock.mutex());  // Boost's release of it, after the switch, is invisible to TSan
  processor& here = *current_processor();
  here.switch_lock = std::move(lock);
  boost::fibers::context* ctx = g.sleeper.context();
  here.scheduler->detach_worker_context(ctx);
  here.scheduler->suspend(here.switch_lock);
}

void switch_out_forever(goroutine& g, std::unique_lock<boost::fibers::detail::spinlock>& lock) {
  for (;;) {
    g.sleeper.context()->suspend(lock);
    lock.lock();
  }
}

void yield() {
  boost::this_fiber::yield();
  now_on_own_stack();
}

}  // namespace gort::detail
