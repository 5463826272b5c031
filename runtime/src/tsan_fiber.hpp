// SPDX-License-Identifier: MIT
// What ThreadSanitizer must be told about goroutines: which fiber runs.
//
// TSan keeps a shadow call stack and a happens-before clock per thread it
// knows. Boost.Fiber switches stacks inside its own, uninstrumented code, so
// without help TSan would see one thread whose calls and returns come from
// unrelated stacks, and every goroutine on a thread as one thread. With its
// fiber API, each goroutine, and each pool thread's main and dispatcher
// contexts, is a TSan fiber; the scheduler names the fiber it is about to
// switch to in pool_algorithm::pick_next(), which every switch goes through
// but one: the dispatcher's last return to its thread's main context, named
// when the thread's algorithm is destroyed. A switch so named is also a
// happens-before edge, as a hand-over between threads is. Without TSan a
// tsan_fiber is empty and its calls are nothing.
//
// Invariants: a thread names a fiber before it runs that fiber's code; no
// frame TSan records straddles a switch — none between the naming and
// Boost's switch (GORT_NO_TSAN_FRAMES), none of Boost's fiber templates
// (goroutine_fiber.cpp) — so each fiber's shadow call stack is pushed and
// popped by its own code only; a goroutine's TSan fiber is destroyed with its
// record, once Boost has switched away from it for good.
#pragma once

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

// GORT_NO_TSAN_FRAMES marks the functions that name a switch or call the
// function that does: TSan records no frames for them, so no fiber's shadow
// call stack is pushed by one fiber and popped by another.
#define GORT_NO_TSAN_FRAMES __attribute__((no_sanitize("thread")))

namespace gort::detail {

class tsan_fiber {
 public:
#if defined(__SANITIZE_THREAD__)
  static constexpr bool kEnabled = true;

  tsan_fiber() = default;
  tsan_fiber(const tsan_fiber&) = delete;
  tsan_fiber& operator=(const tsan_fiber&) = delete;
  ~tsan_fiber() {
    if (owned_) __tsan_destroy_fiber(handle_);
  }

  // adopt_current() makes this the calling thread's own fiber (kept by TSan).
  void adopt_current() noexcept { handle_ = __tsan_get_current_fiber(); }

  // switch_to() tells TSan that the calling thread runs this fiber from now
  // on; made on the first switch.
  GORT_NO_TSAN_FRAMES void switch_to() noexcept {
    if (handle_ == __tsan_get_current_fiber()) return;
    if (handle_ == nullptr) {
      handle_ = __tsan_create_fiber(0);
      owned_ = true;
    }
    __tsan_switch_to_fiber(handle_, 0);
  }

 private:
  void* handle_ = nullptr;
  bool owned_ = false;
#else
  static constexpr bool kEnabled = false;

  void adopt_current() noexcept {}
  void switch_to() noexcept {}
#endif
};

// tsan_release() states a happens-before edge that starts here and ends in
// Boost.Fiber's compiled, uninstrumented code, which TSan cannot see: a lock
// that Boost releases after a switch (park.cpp) is released, for TSan, here.
inline void tsan_release([[maybe_unused]] const void* address) noexcept {
#if defined(__SANITIZE_THREAD__)
  __tsan_release(const_cast<void*>(address));
#endif
}

}  // namespace gort::detail
