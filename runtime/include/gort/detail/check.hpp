// SPDX-License-Identifier: MIT
// GORT_CHECK(condition, what): an invariant the runtime states, checked where
// it must hold in a build with GORT_CHECKS (the dev, asan and tsan presets),
// and nothing in a release build. A broken one prints "fatal error: runtime:
// invariant broken: what", where it was and the condition, then every
// goroutine, and exits with 2, as Go's throw does on a corrupted wait list.
#pragma once

namespace gort::detail {

[[noreturn]] void invariant_broken(const char* what, const char* condition, const char* file,
                                   int line) noexcept;

}  // namespace gort::detail

#if defined(GORT_CHECKS)
#define GORT_CHECK(condition, what)                                                           \
  do {                                                                                        \
    if (!(condition)) ::gort::detail::invariant_broken(what, #condition, __FILE__, __LINE__); \
  } while (false)
#else
#define GORT_CHECK(condition, what) \
  do {                              \
  } while (false)
#endif
