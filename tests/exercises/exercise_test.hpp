// SPDX-License-Identifier: MIT
// Helpers for the graded tests of the exercises. Every graded test fails fast
// and says why: a failed check ends the test at once (a test that went on
// could deadlock and hide its own message), a graded body that is still
// running after kGradedLimit is reported with a goroutine dump, and
// goroutines a body leaves behind are named.
#pragma once

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>
#include <gort/gort.hpp>
#include <string>
#include <thread>

#include "runtime_test.hpp"

namespace grading {

using namespace std::chrono_literals;

// kSoon bounds every wait of a graded test for something a correct solution
// does in microseconds (goroutines ending, k calls inside at once): long
// enough for a loaded 2-core machine, short enough to fail fast.
inline constexpr auto kSoon = 2s;
// kGradedLimit bounds one graded body: a spinning loop or a goroutine that
// waits for what never comes is reported after it (ctest's timeout stays the
// last guard).
inline constexpr auto kGradedLimit = 5s;

// soon() yields until done() holds and returns true, or false after kSoon.
inline bool soon(const std::function<bool()>& done) {
  const auto give_up = std::chrono::steady_clock::now() + kSoon;
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    gort::gosched();
    std::this_thread::yield();
  }
  return true;
}

// goroutines_settle_at() waits until exactly n goroutines are live, so a
// test can prove that an exercise left none behind; if they do not within
// kSoon, the result names every live goroutine and what it waits on. It
// waits by sleeping a millisecond at a time, so that on the virtual clock
// the time moves on and a goroutine still finishing its sleep can end.
inline testing::AssertionResult goroutines_settle_at(int n) {
  const auto give_up = std::chrono::steady_clock::now() + kSoon;
  while (gort::num_goroutine() != n && std::chrono::steady_clock::now() < give_up) gort::sleep(1ms);
  if (gort::num_goroutine() == n) return testing::AssertionSuccess();
  return testing::AssertionFailure() << gort::num_goroutine() << " goroutines are live, " << n
                                     << " expected; a goroutine was left behind (leaked).\n"
                                     << "The live goroutines, oldest first:\n"
                                     << gort::stack();
}

// stop_at_first_failure ends the test binary as soon as a check fails, after
// GoogleTest has printed it: a test that went on could block on a channel
// its failed step should have fed and be reported as a deadlock instead.
class stop_at_first_failure : public testing::EmptyTestEventListener {
  void OnTestPartResult(const testing::TestPartResult& result) override {
    if (result.failed()) gort::exit(1);
  }
};

inline const bool stop_installed = [] {
  testing::UnitTest::GetInstance()->listeners().Append(new stop_at_first_failure);
  return true;
}();

// watchdog reports a graded body still running after kGradedLimit, with the
// goroutine dump SIGQUIT prints, and ends the test. It is an alarm, not a
// thread: the deadlock detector counts a process's threads as possible wakers.
class watchdog {
 public:
  static_assert(kGradedLimit == 5s, "the message below says 5 s");
  watchdog() {
    std::signal(SIGALRM, [](int) {
      static constexpr char kWhy[] =
          "grading: the test did not finish within 5 s: a goroutine spins (a loop around a "
          "select with a default case?) or waits for something that never comes. What each "
          "goroutine was doing:\n";
      [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kWhy, sizeof kWhy - 1);
      std::raise(SIGQUIT);
    });
    ::alarm(static_cast<unsigned>(kGradedLimit / 1s));
  }
  ~watchdog() { ::alarm(0); }
  watchdog(const watchdog&) = delete;
  watchdog& operator=(const watchdog&) = delete;
};

// graded_run() runs body as the main goroutine of a run with opts, under
// the watchdog, and then checks that it left no goroutine behind.
inline void graded_run(gort::options opts, std::function<void()> body) {
  watchdog limit;
  ASSERT_EQ(gort::run(opts, [&body] {
              body();
              body = nullptr;  // what it captured (channels, evaluators) goes now
              EXPECT_TRUE(goroutines_settle_at(1)) << "after the test's last step";
            }),
            0);
}

// graded() runs body as the main goroutine of a run on maxprocs threads.
inline void graded(std::function<void()> body, int maxprocs = 2) {
  graded_run({.maxprocs = maxprocs}, std::move(body));
}

// graded_on_virtual_time() runs body on the runtime's virtual clock: timers
// fire exactly on time and at once, so timer exercises are graded exactly.
inline void graded_on_virtual_time(std::function<void()> body, int maxprocs = 2) {
  graded_run({.maxprocs = maxprocs, .virtual_time = true}, std::move(body));
}

// at_once is a probe for parallelism: the first callers of visit() wait until
// `want` of them are inside at once, which only happens if that many
// goroutines call it at the same time. It gives up after kSoon, so work done
// one piece after another fails instead of hanging.
class at_once {
 public:
  explicit at_once(int want) : want_(want) {}

  void visit() {
    const int inside = ++inside_;
    int peak = peak_;
    while (inside > peak && !peak_.compare_exchange_weak(peak, inside)) {
    }
    if (!reached_ && !gave_up_) {
      const bool settled = soon([this] {
        if (inside_ >= want_) reached_ = true;
        return reached_ || gave_up_;
      });
      if (!settled) gave_up_ = true;
    }
    // Stay inside a little: visits beyond the allowed number pile up here,
    // and peak() shows them.
    for (int i = 0; i < 10; ++i) gort::gosched();
    --inside_;
  }

  // reached() is whether `want` visits were ever inside at once.
  bool reached() const { return reached_; }
  // peak() is the most visits ever inside at once.
  int peak() const { return peak_; }

 private:
  const int want_;
  std::atomic<int> inside_{0};
  std::atomic<int> peak_{0};
  std::atomic<bool> reached_{false};
  std::atomic<bool> gave_up_{false};
};

}  // namespace grading
