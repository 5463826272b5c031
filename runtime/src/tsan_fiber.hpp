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
// Invariants: a thread names a fiber before it runs that fiber's code; the
// calls between the naming and the switch are the same for every switch
// (pick_next's own return), so each fiber's shadow stack stays balanced, and
// a fiber's first run starts from kFreshFrames placeholder frames.
#pragma once

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>

#include <utility>
#endif

// GORT_NO_TSAN_FRAMES marks the functions between a switch's naming and
// Boost's switch: TSan records no frames for them, so none is popped from
// the new fiber's shadow call stack.
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
  void switch_to() noexcept {
    if (handle_ == __tsan_get_current_fiber()) return;
    if (handle_ == nullptr) {
      handle_ = __tsan_create_fiber(0);
      owned_ = true;
    }
    __tsan_switch_to_fiber(handle_, 0);
    if (retiring() != nullptr && retiring() != handle_) __tsan_destroy_fiber(std::exchange(retiring(), nullptr));
  }

  // retire() is for a goroutine's fiber as its record is destroyed, by
  // Boost, just before Boost unwinds the ended fiber's stack: the unwinding
  // leaves instrumented frames (Boost's templates, compiled here) whose
  // exits must pop this fiber's shadow stack, not the dispatcher's. The
  // thread runs as this fiber until its next switch, which destroys it.
  void retire() noexcept {
    if (handle_ == nullptr) return;
    __tsan_switch_to_fiber(handle_, 0);
    if (retiring() != nullptr) __tsan_destroy_fiber(retiring());
    retiring() = std::exchange(handle_, nullptr);
    owned_ = false;
  }

 private:
  static void*& retiring() noexcept {
    thread_local void* fiber = nullptr;
    return fiber;
  }

  void* handle_ = nullptr;
  bool owned_ = false;
#else
  static constexpr bool kEnabled = false;

  void adopt_current() noexcept {}
  void switch_to() noexcept {}
  void retire() noexcept {}
#endif
};

// tsan_release() and tsan_acquire() make a happens-before edge that passes
// through Boost.Fiber's compiled, uninstrumented code (its mutex, its
// condition variable, a lock it releases after a switch), which TSan cannot
// see: release where the edge starts, acquire on the same address where it ends.
inline void tsan_release([[maybe_unused]] const void* address) noexcept {
#if defined(__SANITIZE_THREAD__)
  __tsan_release(const_cast<void*>(address));
#endif
}

inline void tsan_acquire([[maybe_unused]] const void* address) noexcept {
#if defined(__SANITIZE_THREAD__)
  __tsan_acquire(const_cast<void*>(address));
#endif
}

}  // namespace gort::detail
