// SPDX-License-Identifier: MIT
// How the runtime ends a program that cannot go on, in Go's words.
#pragma once

#include <cstdint>
#include <string_view>

namespace gort::detail {

// goexit_signal is thrown by gort::goexit() and caught where the goroutine began.
struct goexit_signal {};

// flush_output() flushes the C++ streams and C stdio, before _exit.
void flush_output() noexcept;

// report_panic() prints "panic: what" and the goroutine, then exits with 2.
[[noreturn]] void report_panic(std::uint64_t goroutine_id, std::string_view what) noexcept;

// fatal() prints "fatal error: message" (Go's throw), then exits with 2.
[[noreturn]] void fatal(std::string_view message) noexcept;

}  // namespace gort::detail
