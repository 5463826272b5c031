// SPDX-License-Identifier: MIT
// pool_algorithm: Boost.Fiber's scheduling policy on one pool thread. It and
// scheduler.cpp are the only code that calls into Boost's scheduler (besides
// the making of a goroutine's fiber, goroutine_fiber.cpp): picking the next
// fiber, finding and stealing work, spinning and parking idle threads,
// waking them, and switching a goroutine out when it blocks.
#pragma once

#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/context.hpp>
#include <boost/fiber/scheduler.hpp>
#include <chrono>
#include <mutex>

#include "processor.hpp"
#include "tsan_fiber.hpp"

namespace gort::detail {

using ready_queue = boost::fibers::scheduler::ready_queue_type;

// pool_algorithm: Boost.Fiber's scheduling policy on one pool thread.
class pool_algorithm final : public boost::fibers::algo::algorithm {
 public:
  explicit pool_algorithm(processor& self) noexcept : self_(self) {}
  pool_algorithm(const pool_algorithm&) = delete;
  pool_algorithm& operator=(const pool_algorithm&) = delete;
  // Destroyed as the thread ends, on its main context (tsan_fiber.hpp).
  GORT_NO_TSAN_FRAMES ~pool_algorithm() override { self_.tsan_main.switch_to(); }

  void awakened(boost::fibers::context* ctx) noexcept override;
  GORT_NO_TSAN_FRAMES boost::fibers::context* pick_next() noexcept override;
  bool has_ready_fibers() const noexcept override;
  void suspend_until(std::chrono::steady_clock::time_point const& deadline) noexcept override;
  void notify() noexcept override;

 private:
  // Boost.Fiber's dispatcher context (release of ended fibers, Boost's own
  // sleep and remote-ready queues) is ready whenever a fiber runs; going
  // through it at every switch would double the switches and read the clock
  // each time, so it runs once every kDispatchEvery picks, or when no
  // goroutine is runnable.
  static constexpr int kDispatchEvery = 16;

  // announce_switch() names the fiber Boost is about to switch to (tsan_fiber.hpp).
  GORT_NO_TSAN_FRAMES void announce_switch(boost::fibers::context* to) noexcept;

  processor& self_;
  ready_queue pinned_;  // this thread's own main context; touched by this thread only
  boost::fibers::context* dispatcher_ = nullptr;  // while ready; this thread only
  int picks_since_dispatch_ = 0;
};

// switch_out() switches the calling goroutine out, detached from its thread,
// until unpark() queues it again; Boost releases `lock` (the goroutine's
// parker lock) once it is switched out.
void switch_out(goroutine& g, std::unique_lock<boost::fibers::detail::spinlock>& lock) noexcept;
// switch_out_forever() switches the calling goroutine out for good (a nil
// channel, an empty select); lock is its parker lock.
[[noreturn]] void switch_out_forever(goroutine& g,
                                     std::unique_lock<boost::fibers::detail::spinlock>& lock);
// yield() puts the calling goroutine at the tail of its thread's run queue (Go's Gosched).
void yield();

}  // namespace gort::detail
