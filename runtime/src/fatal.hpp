// SPDX-License-Identifier: MIT
// How the runtime ends a program that cannot go on, in Go's words: a report
// on stderr, the goroutine dump, then exit status 2.
#pragma once

#include <string_view>

namespace gort::detail {

class goroutine;

// goexit_signal is thrown by gort::goexit() and caught where the goroutine began.
struct goexit_signal {};

// flush_output() ends a trace being recorded and flushes the C++ streams and C stdio, before _exit.
void flush_output() noexcept;

// report_panic() prints "panic: what" and the panicking goroutine, then exits with 2.
[[noreturn]] void report_panic(const goroutine& g, std::string_view what) noexcept;

// fatal() prints "fatal error: message" (Go's throw) and the calling
// goroutine, if any, then exits with 2.
[[noreturn]] void fatal(std::string_view message) noexcept;

// report_all() prints header and every live goroutine, then exits with 2
// (a deadlock, or SIGQUIT).
[[noreturn]] void report_all(std::string_view header) noexcept;

}  // namespace gort::detail
