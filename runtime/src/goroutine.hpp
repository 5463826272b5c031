// SPDX-License-Identifier: MIT
// goroutine: the runtime's record of one goroutine, and parker, the place
// where a goroutine or a plain OS thread sleeps while blocked.
#pragma once

#include <boost/fiber/context.hpp>
#include <boost/fiber/properties.hpp>
#include <cstdint>

#include "gort/detail/park.hpp"

namespace gort::detail {

class pool;

// parker: one sleeper. Its lock orders a token's park() against its unpark().
class parker {
 public:
  explicit parker(boost::fibers::context* ctx) noexcept : ctx_(ctx) {}

  boost::fibers::context* context() const noexcept { return ctx_; }
  void set_context(boost::fibers::context* ctx) noexcept { ctx_ = ctx; }

  // Guards the signalled/parked fields of this parker's wake_tokens. Taken
  // after any queue lock; nothing else is locked while it is held.
  boost::fibers::detail::spinlock lock;
  wait_reason reason = wait_reason::chan_receive;  // valid while parked

 private:
  boost::fibers::context* ctx_;
};

// goroutine: attached to its fiber as Boost.Fiber properties, so the running
// fiber finds its own record through context::active().
class goroutine final : public boost::fibers::fiber_properties {
 public:
  goroutine(pool& owner_pool, std::uint64_t goroutine_id, bool main_goroutine) noexcept
      : fiber_properties(nullptr),
        owner(owner_pool),
        id(goroutine_id),
        is_main(main_goroutine),
        sleeper(nullptr) {}

  pool& owner;
  const std::uint64_t id;  // Go's goroutine id: main is 1
  const bool is_main;
  parker sleeper;  // its context is set when the goroutine starts running
};

// current_goroutine() is the calling goroutine's record; nullptr on a thread
// that is not running a goroutine.
inline goroutine* current_goroutine() noexcept {
  return static_cast<goroutine*>(boost::fibers::context::active()->get_properties());
}

}  // namespace gort::detail
