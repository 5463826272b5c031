// SPDX-License-Identifier: MIT
// Reports that end the program: see fatal.hpp.
#include "fatal.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <mutex>

#include "dump.hpp"
#include "gort/detail/check.hpp"
#include "goroutine.hpp"
#include "trace.hpp"

namespace gort::detail {
namespace {

// Taken for good by the first report, so two reports never interleave and the
// process ends with the first one.
void begin_report() noexcept {
  static auto* dying = new std::mutex;
  dying->lock();
  flush_output();
}

[[noreturn]] void end_report() noexcept {
  std::fflush(stderr);
  ::_exit(2);
}

}  // namespace

void flush_output() noexcept {
  trace::stop();  // a trace being recorded ends complete, whatever ends the program
  try {
    std::cout.flush();
    std::cerr.flush();
    std::clog.flush();
  } catch (...) {  // a failed flush must not stop the exit
  }
  std::fflush(nullptr);
}

void report_panic(const goroutine& g, std::string_view what) noexcept {
  begin_report();
  std::fprintf(stderr, "panic: %.*s\n\n", static_cast<int>(what.size()), what.data());
  write_goroutine(stderr, g, true);
  end_report();
}

void fatal(std::string_view message) noexcept {
  begin_report();
  std::fprintf(stderr, "fatal error: %.*s\n", static_cast<int>(message.size()), message.data());
  if (const goroutine* g = current_goroutine()) {
    std::fputc('\n', stderr);
    write_goroutine(stderr, *g, true);
  }
  end_report();
}

void invariant_broken(const char* what, const char* condition, const char* file, int line) noexcept {
  begin_report();
  std::fprintf(stderr, "fatal error: runtime: invariant broken: %s\n(%s, at %s:%d)\n\n", what, condition, file, line);
  write_all_goroutines(stderr, current_goroutine());  // the caller as running, as Go's throw shows it
  end_report();
}

void report_all(std::string_view header) noexcept {
  begin_report();
  std::fprintf(stderr, "%.*s\n\n", static_cast<int>(header.size()), header.data());
  write_all_goroutines(stderr, nullptr);
  end_report();
}

}  // namespace gort::detail
