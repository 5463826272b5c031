// SPDX-License-Identifier: MIT
// pool and pool_algorithm: see pool.hpp for the design and its invariants.
#include "pool.hpp"

#include <algorithm>
#include <utility>
#include <boost/fiber/fiber.hpp>
#include <boost/fiber/operations.hpp>

#include "fatal.hpp"
#include "dump.hpp"
#include "goroutine.hpp"
#include "liveness.hpp"
#include "sanitizers.hpp"
#include "small_blocks.hpp"
#include "trace.hpp"

namespace gort::detail {
namespace {

thread_local processor* tl_processor = nullptr;

// random_index() is a cheap per-thread random number for picking steal victims.
unsigned random_index(unsigned bound) noexcept {
  thread_local std::uint32_t state =
      static_cast<std::uint32_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())) | 1U;
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state % bound;
}

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

processor* current_processor() noexcept { return tl_processor; }

// --- run_list and processor -------------------------------------------------

void run_list::push_back(goroutine* g) noexcept {
  g->next_runnable = nullptr;
  (tail_ != nullptr ? tail_->next_runnable : head_) = g;
  tail_ = g;
}

goroutine* run_list::pop_front() noexcept {
  goroutine* g = head_;
  if (g == nullptr) return nullptr;
  head_ = g->next_runnable;
  if (head_ == nullptr) tail_ = nullptr;
  g->next_runnable = nullptr;
  return g;
}

void processor::push(goroutine* g) noexcept {
  std::lock_guard lock(runq_lock);
  runq.push_back(g);
  runq_size.fetch_add(1);
}

void processor::push_next(goroutine* g) noexcept {
  if (goroutine* displaced = runnext.exchange(g)) push(displaced);
}

goroutine* processor::pop() noexcept {
  if (runnext_streak < kRunnextStreak || runq_size.load(std::memory_order_relaxed) == 0) {
    if (goroutine* g = runnext.exchange(nullptr)) {
      ++runnext_streak;
      return g;
    }
  }
  runnext_streak = 0;
  {
    std::lock_guard lock(runq_lock);
    if (goroutine* g = runq.pop_front()) {
      runq_size.fetch_sub(1);
      return g;
    }
  }
  return runnext.exchange(nullptr);  // a thief emptied the runq after we looked
}

void processor::wake() noexcept {
  {
    std::lock_guard lock(park_mutex);
    wake_pending = true;
  }
  park_cv.notify_one();
}

goroutine* processor::steal_into(processor& thief) noexcept {
  run_list batch;
  std::size_t taken = 0;
  {
    std::lock_guard lock(runq_lock);
    const std::size_t want = (runq_size.load() + 1) / 2;
    while (taken < want && !runq.empty()) {
      batch.push_back(runq.pop_front());
      ++taken;
    }
    runq_size.fetch_sub(taken);
  }
  goroutine* first = batch.pop_front();
  if (!batch.empty()) {
    std::lock_guard lock(thief.runq_lock);
    while (goroutine* g = batch.pop_front()) {
      thief.runq.push_back(g);
      thief.runq_size.fetch_add(1);
    }
  }
  return first;
}

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
  g.owner.ready(g, false);
}

boost::fibers::context* pool_algorithm::pick_next() noexcept {
  goroutine* g = nullptr;
  boost::fibers::context* ctx = pop_front(pinned_);
  // The main context waiting for the stop (processor_main), once it comes;
  // never to itself: a context cannot switch to itself.
  if (ctx == nullptr && self_.waiting_main != nullptr && self_.owner.stopping() &&
      self_.waiting_main != boost::fibers::context::active()) {
    ctx = self_.waiting_main;
  }
  // dispatcher_ is null exactly when the dispatcher itself is asking.
  if (ctx == nullptr && (dispatcher_ == nullptr || ++picks_since_dispatch_ < kDispatchEvery)) {
    g = self_.owner.find_work(self_);
    if (g != nullptr) ctx = self_.owner.context_for(self_, *g);
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
  if (self_.waiting_main != nullptr && self_.owner.stopping()) return true;
  return self_.owner.is_active(self_) && (self_.runq_size.load() > 0 || self_.runnext.load() != nullptr);
}

void pool_algorithm::suspend_until(std::chrono::steady_clock::time_point const& deadline) noexcept {
  self_.owner.park(self_, deadline);
}

void pool_algorithm::notify() noexcept { self_.wake(); }

// --- pool: scheduling ----------------------------------------------------------

pool::pool(int maxprocs, std::size_t stack_size, bool virtual_time,
           std::chrono::milliseconds schedtrace)
    : maxprocs_(maxprocs),
      stacks_(stack_pool::for_size(stack_size)),
      timers_(*this, virtual_time),
      schedtrace_(schedtrace) {
  if (virtual_time) liveness::add_virtual_clock(timers_);
}

void pool::ready(goroutine& g, bool next) noexcept {
  processor* self = current_processor();
  const bool ours = self != nullptr && &self->owner == this;
  // A plain thread (or another run's) that readies the last goroutine could
  // still be waking a processor here when the run ends: ~pool waits for it.
  if (!ours) outside_wakers_.fetch_add(1);
  if (ours && is_active(*self)) {
    if (next) {
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
  if (++self.ticks % processor::kGlobalEvery == 0) {
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
  if (std::exchange(self.steal_next_allowed, false)) {
    const int count = started_.load(std::memory_order_acquire);
    for (int i = 0; i < count; ++i) {
      if (procs_[i].get() == &self) continue;
      if (goroutine* next = procs_[i]->steal_next()) {
        if (trace::on()) trace::stole();
        return next;
      }
    }
  }
  return nullptr;
}

goroutine* pool::steal(processor& self) noexcept {
  const int count = started_.load(std::memory_order_acquire);
  const auto start = random_index(static_cast<unsigned>(count));
  for (int i = 0; i < count; ++i) {
    processor& victim = *procs_[(start + static_cast<unsigned>(i)) % static_cast<unsigned>(count)];
    if (&victim == &self) continue;
    goroutine* g = victim.runq_size.load() > 0 ? victim.steal_into(self) : nullptr;
    // A surplus processor never runs its runnext itself.
    if (g == nullptr && !is_active(victim)) g = victim.steal_next();
    if (g != nullptr) {
      if (trace::on()) trace::stole();
      return g;
    }
  }
  return nullptr;
}

boost::fibers::context* pool::context_for(processor& self, goroutine& g) noexcept {
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
  if (global_size_.load() > 0) return true;
  const int count = started_.load(std::memory_order_acquire);
  for (int i = 0; i < count; ++i) {
    if (procs_[i]->runq_size.load() > 0) return true;
  }
  return false;
}

bool pool::next_to_steal(const processor& self) const noexcept {
  const int count = started_.load(std::memory_order_acquire);
  for (int i = 0; i < count; ++i) {
    if (procs_[i].get() != &self && procs_[i]->runnext.load() != nullptr) return true;
  }
  return false;
}

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
  }
  if (sleeper != nullptr) {
    sleeper->wake();  // it clears waking_ when it wakes, then looks for work
  } else {
    waking_.store(false);
  }
}

void pool::park(processor& self, std::chrono::steady_clock::time_point deadline) noexcept {
  const bool active = is_active(self);
  if (active) {
    std::lock_guard lock(idle_mutex_);
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
  // Cleared before this processor looks for work: a producer that saw
  // waking_ set and woke no one published its work before that.
  if (self.wake_pending.exchange(false)) waking_.store(false);
  std::lock_guard lock(idle_mutex_);
  if (auto it = std::find(idle_.begin(), idle_.end(), &self); it != idle_.end()) {
    idle_.erase(it);
    nidle_.fetch_sub(1);
  }
}

bool pool::spin_for_work(processor& self) noexcept {
  // A hand-off from another thread usually comes within microseconds, and
  // waking a sleeping thread costs far more; so, like Go's spinning Ms, look
  // a little longer before sleeping — but at most half the processors at once.
  if (spinning_.fetch_add(1) >= std::max(1, maxprocs() / 2)) {
    spinning_.fetch_sub(1);
    return work_available();
  }
  bool found = false;
  const auto give_up = std::chrono::steady_clock::now() + kSpinTime;
  while (!found && std::chrono::steady_clock::now() < give_up) {
    found = self.wake_pending.load() || work_available();
    for (int i = 0; i < 20 && !found; ++i) pause_briefly();
  }
  spinning_.fetch_sub(1);
  // The last look, after no longer counting as spinning (a producer that saw
  // us spinning did not wake anyone): a runnext still waiting after the whole
  // spin belongs to a processor busy running something else, so take it.
  if (!found && (work_available() || next_to_steal(self) || self.runnext.load() != nullptr)) {
    self.steal_next_allowed = true;
    found = true;
  }
  return found;
}

int pool::set_maxprocs(int n) {
  if (n < 1) return maxprocs();
  n = std::min(n, kMaxProcs);
  const int previous = maxprocs_.exchange(n);
  start_processors(n);
  if (n > previous) {
    // Surplus threads that are active again may be parked: let them look for work.
    for (int i = previous; i < std::min(n, started_.load()); ++i) procs_[i]->wake();
  } else {
    wake_idle_processor();  // someone must take over the surplus threads' queues
  }
  if (processor* self = current_processor(); self != nullptr && !is_active(*self)) {
    boost::this_fiber::yield();  // move the caller onto a thread that may still run it
    now_on_own_stack();
  }
  return previous;
}

// --- pool: threads and goroutines --------------------------------------------

pool::~pool() {
  while (outside_wakers_.load() != 0) std::this_thread::yield();
}

void pool::start(std::unique_ptr<task> main_goroutine) {
  main_body_ = std::move(main_goroutine);
  // Goroutine 1 counts as running from now, before run()'s caller blocks in
  // wait_main(), not from when processor 0 gets to launch it: in between, the
  // deadlock watchdog would see a blocked caller, no goroutine running, and
  // (leftovers of an earlier run aside) report a deadlock that is not one.
  goroutines_.fetch_add(1);
  liveness::goroutine_started();
  start_processors(maxprocs());
  if (schedtrace_.count() > 0) reporter_ = std::make_unique<sched_reporter>(*this, schedtrace_);
}

pool::snapshot pool::look() const {
  snapshot s;
  s.maxprocs = maxprocs();
  s.threads = started_.load(std::memory_order_acquire);
  s.idle = nidle_.load();
  s.spinning = spinning_.load();
  s.global = global_size_.load();
  for (int i = 0; i < s.threads; ++i) {
    s.local.push_back(procs_[i]->runq_size.load() + (procs_[i]->runnext.load() != nullptr ? 1 : 0));
  }
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
  const int count = started_.load(std::memory_order_acquire);
  for (int i = 0; i < count; ++i) {
    // Threads started after finish() (a leftover's gomaxprocs) were never detached.
    if (procs_[i]->thread.joinable()) procs_[i]->thread.detach();
  }
  delete this;
}

void pool::release(std::unique_ptr<pool> abandoned) noexcept { abandoned.release()->drop_holder(); }

void pool::processor_main(processor& self) {
  liveness::runtime_thread_started();
  tl_processor = &self;
  self.tsan_main.adopt_current();
  // Its trace buffer is made (1.3 MB of page faults) before any goroutine
  // runs here, so no goroutine's slice is charged for it.
  if (trace::on()) trace::thread_started();
  boost::fibers::use_scheduling_algorithm<pool_algorithm>(self);
  self.scheduler = boost::fibers::context::active()->get_scheduler();
  if (self.index == 0) {
    timers_.start();
    launch(std::move(main_body_), goroutine::role::main, "main", nullptr, nullptr);
  }
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

void pool::spawn(std::unique_ptr<task> body, std::string label, const char* type_name,
                 const void* entry) {
  launch(std::move(body), goroutine::role::user, std::move(label), type_name, entry);
}

void pool::start_system(std::unique_ptr<task> body, std::string label) {
  launch(std::move(body), goroutine::role::system, std::move(label), nullptr, nullptr);
}

void pool::launch(std::unique_ptr<task> body, goroutine::role role, std::string label,
                  const char* type_name, const void* entry) {
  const std::uint64_t id = role == goroutine::role::system ? 0 : next_id_.fetch_add(1);
  auto* g = new goroutine(*this, id, role, std::move(body), std::move(label), type_name, entry);
  if (g->counted()) {
    if (role != goroutine::role::main) {  // counted by start()
      goroutines_.fetch_add(1);
      liveness::goroutine_started();
    }
    register_goroutine(*g);
  }
  if (trace::on()) trace::created(*g);
  ready(*g, true);  // as Go's newproc: the new goroutine runs next on this thread
}

void pool::run_goroutine(goroutine& g) {
  now_on_stack_of(g);
  if (!g.counted()) {
    g.body->run();
    return;
  }
  bool goexited = false;
  try {
    g.body->run();
    g.body.reset();  // the goroutine's captures die with it, before it counts as ended
  } catch (const goexit_signal&) {
    goexited = true;
  } catch (const std::exception& e) {
    report_panic(g, e.what());
  } catch (...) {
    report_panic(g, "a C++ exception not derived from std::exception");
  }
  unregister_goroutine(g);
  const bool main_returned = g.what == goroutine::role::main && !goexited;
  if (main_returned) liveness::thread_unblocked();  // run()'s caller is about to go on
  if (g.what == goroutine::role::main && goexited) main_goexited_.store(true);
  const int left = goroutines_.fetch_sub(1) - 1;
  liveness::goroutine_exited();
  if (main_returned) {
    std::lock_guard lock(main_mutex_);
    main_done_ = true;
    main_cv_.notify_all();
  }
  if (left == 0 && main_goexited_.load()) fatal("no goroutines (main called runtime.Goexit) - deadlock!");
  // The last leftover of a run that has returned: the threads have nothing
  // more to do (finish() left them running only for the leftovers).
  if (left == 0 && abandoned_.load() && claim_stop()) stop_threads();
}

void pool::wait_main() {
  liveness::thread_blocked();  // until the main goroutine returns: see run_goroutine
  std::unique_lock lock(main_mutex_);
  main_cv_.wait(lock, [this] { return main_done_; });
}

bool pool::finish() {
  // Announced before looking: a goroutine that ends after this look, the
  // last one, sees it and stops the threads itself (run_goroutine).
  abandoned_.store(true);
  if (goroutines_.load() == 0 && claim_stop()) {
    stop_threads();
    const int count = started_.load();  // final: no goroutine is left to start a thread
    for (int i = 0; i < count; ++i) procs_[i]->thread.join();
    drop_never_started();
    return true;
  }
  // A leftover may be starting threads (gomaxprocs) meanwhile: under
  // procs_mutex_, every processor counted in started_ has its thread. Those
  // started after this are detached by the pool's last holder.
  std::lock_guard lock(procs_mutex_);
  const int count = started_.load();
  for (int i = 0; i < count; ++i) procs_[i]->thread.detach();
  return false;
}

void pool::drop_never_started() noexcept {
  auto drop_all = [](run_list& queue) {
    while (goroutine* g = queue.pop_front()) {
      if (!g->started()) delete g;  // a started one belongs to its fiber, which frees it
    }
  };
  drop_all(global_);
  for (int i = 0; i < started_.load(); ++i) {
    processor& p = *procs_[i];
    drop_all(p.runq);
    if (goroutine* g = p.runnext.exchange(nullptr); g != nullptr && !g->started()) delete g;
  }
}

bool pool::claim_stop() noexcept {
  bool expected = false;
  return stop_claimed_.compare_exchange_strong(expected, true);
}

void pool::stop_threads() {
  reporter_.reset();
  timers_.stop();
  if (timers_.is_virtual()) liveness::remove_virtual_clock(timers_);
  stopping_.store(true);
  const int count = started_.load(std::memory_order_acquire);
  for (int i = 0; i < count; ++i) procs_[i]->wake();
}

}  // namespace gort::detail
