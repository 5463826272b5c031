// SPDX-License-Identifier: MIT
// The public time functions, on the calling pool's timer_queue.
#include "gort/time.hpp"

#include <mutex>
#include <string>
#include <thread>

#include "fatal.hpp"
#include "gort/runtime.hpp"
#include "pool.hpp"
#include "timer_queue.hpp"

namespace gort {
namespace {

using detail::timer_state;

// make_timer() makes a timer of this kind on the calling goroutine's pool.
std::shared_ptr<timer_state> make_timer(timer_state::kind what, const char* caller) {
  detail::processor* p = detail::current_processor();
  if (p == nullptr) detail::fatal(std::string("gort::") + caller + " called outside gort::run");
  auto t = std::make_shared<timer_state>(p->home_pool.timers(), what);
  if (what == timer_state::kind::timer || what == timer_state::kind::ticker) {
    t->channel = make_chan<clock::time_point>(1);
  }
  return t;
}

// start() schedules a new timer d from now.
void start(const std::shared_ptr<timer_state>& t, clock::duration d) {
  std::lock_guard lock(t->lock);
  t->queue.schedule(t, detail::deadline(t->queue.now(), d));
}

}  // namespace

clock::time_point now() {
  detail::processor* p = detail::current_processor();
  return p != nullptr ? p->home_pool.timers().now() : clock::now();
}

void sleep(clock::duration d) {
  if (d <= clock::duration::zero()) {
    // Go returns at once; without preemption, yielding is what a learner's
    // sleep(0) in a polling loop needs to let other goroutines (and timers) run.
    gosched();
    return;
  }
  if (detail::current_processor() == nullptr) {  // a plain OS thread sleeps the plain way
    std::this_thread::sleep_for(d);
    return;
  }
  auto t = make_timer(timer_state::kind::sleep, "sleep");
  detail::wake_token token;
  t->sleeper = &token;
  t->lock.lock();
  t->queue.schedule(t, detail::deadline(t->queue.now(), d));
  detail::park(token, t->lock, detail::wait_reason::sleep);
}

timer::timer(std::shared_ptr<detail::timer_state> state)
    : C(state->channel), state_(std::move(state)) {}

bool timer::stop() {
  std::lock_guard lock(state_->lock);
  return detail::timer_queue::cancel(*state_);
}

bool timer::reset(clock::duration d) {
  std::lock_guard lock(state_->lock);
  const bool was_active = detail::timer_queue::cancel(*state_);
  state_->queue.schedule(state_, detail::deadline(state_->queue.now(), d));
  return was_active;
}

ticker::ticker(std::shared_ptr<detail::timer_state> state)
    : C(state->channel), state_(std::move(state)) {}

void ticker::stop() {
  std::lock_guard lock(state_->lock);
  detail::timer_queue::cancel(*state_);
}

void ticker::reset(clock::duration d) {
  if (d <= clock::duration::zero()) panic("non-positive interval for Ticker.Reset");
  std::lock_guard lock(state_->lock);
  detail::timer_queue::cancel(*state_);
  state_->period = d;
  state_->queue.schedule(state_, detail::deadline(state_->queue.now(), d));
}

timer new_timer(clock::duration d) {
  auto t = make_timer(timer_state::kind::timer, "new_timer");
  start(t, d);
  return timer(std::move(t));
}

timer after_func(clock::duration d, std::function<void()> f) {
  auto t = make_timer(timer_state::kind::func, "after_func");
  t->func = std::move(f);
  start(t, d);
  return timer(std::move(t));
}

ticker new_ticker(clock::duration d) {
  if (d <= clock::duration::zero()) panic("non-positive interval for NewTicker");
  auto t = make_timer(timer_state::kind::ticker, "new_ticker");
  t->period = d;
  start(t, d);
  return ticker(std::move(t));
}

recv_chan<clock::time_point> after(clock::duration d) { return new_timer(d).C; }

recv_chan<clock::time_point> tick(clock::duration d) {
  if (d <= clock::duration::zero()) return {};
  return new_ticker(d).C;
}

}  // namespace gort
