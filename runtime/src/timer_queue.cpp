// SPDX-License-Identifier: MIT
// timer_queue: see timer_queue.hpp for the invariants.
#include "timer_queue.hpp"

#include <algorithm>
#include <boost/fiber/fiber.hpp>
#include <mutex>

#include "goroutine.hpp"
#include "liveness.hpp"
#include "pool.hpp"

namespace gort::detail {
namespace {

// The timer queues of runs on virtual time.
std::mutex& clocks_mutex() {
  static auto* m = new std::mutex;
  return *m;
}
std::vector<timer_queue*>& virtual_clocks() {  // guarded by clocks_mutex()
  static auto* clocks = new std::vector<timer_queue*>;
  return *clocks;
}
std::atomic<int> virtual_clock_count{0};

}  // namespace

timer_queue::timer_queue(pool& home, bool virtual_time) : home_pool_(home), virtual_(virtual_time) {
  if (!virtual_) return;
  std::lock_guard lock(clocks_mutex());
  virtual_clocks().push_back(this);
  virtual_clock_count.fetch_add(1);
}

void timer_queue::poke_virtual_clocks() noexcept {
  if (virtual_clock_count.load() == 0) return;
  std::lock_guard lock(clocks_mutex());
  for (timer_queue* q : virtual_clocks()) q->poke();
}

clock::time_point deadline(clock::time_point now, clock::duration d) noexcept {
  if (d <= clock::duration::zero()) return now;
  if (d >= clock::time_point::max() - now) return clock::time_point::max();
  return now + d;
}

void timer_queue::start() {
  // The serving fiber is the runtime's own goroutine (id 0): it can wake
  // goroutines, but it is not counted among them.
  home_pool_.start_system(bind_task([this] { serve(); }), "timers");
}

void timer_queue::stop() {
  std::vector<entry> left;
  {
    std::lock_guard lock(lock_);
    stopping_ = true;
    left = heap_.take_all();
    wakeup_.notify_all();
  }
  for (const entry& e : left) {  // they will never fire: no longer pending
    std::lock_guard lock(e.item.timer->lock);
    if (e.item.generation == e.item.timer->generation) cancel(*e.item.timer);
  }
  if (virtual_) {
    std::lock_guard lock(clocks_mutex());
    auto& clocks = virtual_clocks();
    clocks.erase(std::remove(clocks.begin(), clocks.end(), this), clocks.end());
    virtual_clock_count.fetch_sub(1);
  }
}

void timer_queue::poke() {
  std::lock_guard lock(lock_);  // a serve() between its check and its wait gets the notify
  wakeup_.notify_all();
}

clock::time_point timer_queue::now() const noexcept {
  return virtual_ ? clock::time_point(clock::duration(virtual_now_.load())) : clock::now();
}

void timer_queue::schedule(const std::shared_ptr<timer_state>& t, clock::time_point when) {
  ++t->generation;
  if (t->what == timer_state::kind::timer && when <= now()) {
    // Already due (after(0), a reset to a past deadline): fire it here, as
    // the timer service would at once, without a trip through it.
    t->channel.try_send(now());
    if (t->pending) liveness::timer_settled();
    t->pending = false;
    return;
  }
  if (!t->pending) liveness::timer_armed();
  t->pending = true;
  std::lock_guard lock(lock_);
  if (heap_.size() >= sweep_at_) drop_unreachable();
  heap_.push(when, {t->generation, t});
  const scheduled& first = heap_.earliest().item;
  if (first.timer == t && first.generation == t->generation) wakeup_.notify_one();
}

void timer_queue::drop_unreachable() noexcept {
  heap_.remove_if([](entry& e) {
    timer_state& t = *e.item.timer;
    if (t.what != timer_state::kind::timer && t.what != timer_state::kind::ticker) return false;
    // A use count of 1 cannot rise under lock_: only the heap can hand the
    // timer out, and the channel is reachable only through the timer.
    if (e.item.timer.use_count() != 1 || state_of(t.channel).use_count() != 1) return false;
    // Its lock, taken only if free (the lock order puts it before lock_),
    // shows this thread what its last holder wrote under it.
    if (!t.lock.try_lock()) return false;
    if (e.item.generation == t.generation && t.pending) {  // never to fire: no longer pending
      t.pending = false;
      liveness::timer_settled();
    }
    t.lock.unlock();
    return true;
  });
  sweep_at_ = std::max(kFirstSweep, 2 * heap_.size());
}

bool timer_queue::cancel(timer_state& t) {
  bool was_pending = t.pending;
  if (t.pending) liveness::timer_settled();
  t.pending = false;
  ++t.generation;
  if (t.channel && t.channel.try_recv()) was_pending = true;
  return was_pending;
}

void timer_queue::serve() {
  std::unique_lock lock(lock_);
  while (!stopping_) {
    if (heap_.empty()) {
      wakeup_.wait(lock);
      continue;
    }
    const clock::time_point when = heap_.earliest().when;
    if (now() >= when) {
      const entry due = heap_.pop();
      lock.unlock();
      fire(due);
      lock.lock();
    } else if (when == clock::time_point::max()) {
      wakeup_.wait(lock);  // a saturated duration: it never fires
    } else if (!virtual_) {
      wakeup_.wait_until(lock, when);
    } else if (liveness::all_goroutines_parked()) {
      virtual_now_ = when.time_since_epoch().count();  // nobody can run: jump to the deadline
    } else {
      wakeup_.wait(lock);  // poked when every goroutine has parked
    }
  }
}

void timer_queue::fire(const entry& e) {
  timer_state& t = *e.item.timer;
  std::unique_lock lock(t.lock);
  if (e.item.generation != t.generation || !t.pending) return;  // stopped or reset since
  t.pending = false;
  switch (t.what) {
    case timer_state::kind::timer:
      t.channel.try_send(now());
      break;
    case timer_state::kind::ticker: {
      const clock::time_point fired = now();
      t.channel.try_send(fired);  // a receiver that has not taken the last tick misses this one
      // The next tick is the first one after now, keeping the original phase.
      schedule(e.item.timer, e.when + t.period * (1 + (fired - e.when) / t.period));
      break;
    }
    case timer_state::kind::func: {
      std::function<void()> body = t.func;  // copied: a reset may fire it again
      lock.unlock();
      home_pool_.spawn(std::make_unique<task_of<std::function<void()>>>(std::move(body)),
                       "after_func", nullptr, nullptr);
      break;
    }
    case timer_state::kind::sleep: {
      wake_token& sleeper = *t.sleeper;
      sleeper.claim();
      lock.unlock();
      unpark(sleeper);
      break;
    }
  }
  liveness::timer_settled();  // after its effect: see the invariant in liveness.cpp
}

}  // namespace gort::detail
