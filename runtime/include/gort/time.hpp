// SPDX-License-Identifier: MIT
// Time: sleep, and channels that deliver the time later (Go's time.Sleep,
// After, Tick, NewTicker, NewTimer, AfterFunc), with Go 1.23's guarantee:
// after stop() or reset() returns, no value from before it is received.
//
// Timers live in one heap per gort::run, served by one internal fiber: a
// pending timer costs a heap entry, not a parked goroutine. Call these from
// goroutines (sleep also works on a plain OS thread).
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "gort/chan.hpp"

namespace gort {

using clock = std::chrono::steady_clock;

namespace detail {
struct timer_state;
}  // namespace detail

// now() is the runtime's clock (time.Now).
clock::time_point now();

// sleep() pauses the calling goroutine for at least d; other goroutines run
// on its thread meanwhile. d <= 0 only yields, like gosched().
void sleep(clock::duration d);

// timer delivers one time value on C once its duration has passed (time.Timer).
class timer {
 public:
  recv_chan<clock::time_point> C;  // nil for a timer made by after_func

  // stop() prevents the timer from firing. Returns true if that stopped it,
  // false if it had already fired (and its value was received) or was stopped.
  bool stop();

  // reset() makes the timer fire after d from now, as if newly made; returns
  // true if it had been active. No value from before the reset is received after it.
  bool reset(clock::duration d);

 private:
  explicit timer(std::shared_ptr<detail::timer_state> state);
  std::shared_ptr<detail::timer_state> state_;
  friend timer new_timer(clock::duration d);
  friend timer after_func(clock::duration d, std::function<void()> f);
};

// ticker delivers the time on C every period (time.Ticker). Its channel holds
// one value: a receiver that falls behind misses ticks rather than queueing them.
class ticker {
 public:
  recv_chan<clock::time_point> C;

  // stop() turns the ticker off; no tick is received after it returns.
  void stop();

  // reset() stops the ticker and restarts it with period d; panics with
  // "non-positive interval for Ticker.Reset" if d <= 0.
  void reset(clock::duration d);

 private:
  explicit ticker(std::shared_ptr<detail::timer_state> state);
  std::shared_ptr<detail::timer_state> state_;
  friend ticker new_ticker(clock::duration d);
};

// new_timer() makes a timer that fires once after d (time.NewTimer).
timer new_timer(clock::duration d);

// after_func() runs f in its own goroutine after d (time.AfterFunc); the
// timer's C is nil, and stop() returns whether it prevented f from running.
timer after_func(clock::duration d, std::function<void()> f);

// new_ticker() makes a ticker with period d (time.NewTicker); panics with
// "non-positive interval for NewTicker" if d <= 0.
ticker new_ticker(clock::duration d);

// after() is new_timer(d).C (time.After): receives once, after d.
recv_chan<clock::time_point> after(clock::duration d);

// tick() is new_ticker(d).C for a ticker that is never stopped (time.Tick);
// the nil channel if d <= 0.
recv_chan<clock::time_point> tick(clock::duration d);

}  // namespace gort
