// SPDX-License-Identifier: MIT
// What AddressSanitizer must be told about goroutine stacks.
//
// ASan knows each OS thread's own stack. When an exception is thrown (a
// panic), it clears the stale poison of the frames about to be unwound — but
// only if the stack pointer lies in the stack it believes current; on a fiber
// stack it ignores the request, and the unwound frames' redzones stay
// poisoned, so later calls on that stack are reported as overflows that are
// not there. So whenever a goroutine starts or resumes running on a thread,
// the runtime names its stack as the thread's current one (the sanitizer's
// fiber-switch API, used as a plain announcement). Boost.Fiber's own
// switches to its dispatcher and main contexts are not announced; no
// goroutine code runs on those. Without ASan this is nothing.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#include "goroutine.hpp"

namespace gort::detail {

// now_on_stack_of() tells ASan that the calling thread runs on g's stack.
inline void now_on_stack_of([[maybe_unused]] const goroutine& g) noexcept {
#if defined(__SANITIZE_ADDRESS__)
  if (g.stack_bottom == nullptr) return;
  void* fake_stack = nullptr;
  __sanitizer_start_switch_fiber(&fake_stack, g.stack_bottom, g.stack_size);
  __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
}

// now_on_own_stack() does the same for the calling goroutine, if any.
inline void now_on_own_stack() noexcept {
  if (const goroutine* g = current_goroutine()) now_on_stack_of(*g);
}

}  // namespace gort::detail
