// SPDX-License-Identifier: MIT
// Helpers for the graded tests of the exercises.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <gort/gort.hpp>

#include "runtime_test.hpp"

namespace grading {

// graded() runs body as the main goroutine of a run on maxprocs threads.
inline void graded(std::function<void()> body, int maxprocs = 2) {
  ASSERT_EQ(gort::run({.maxprocs = maxprocs}, std::move(body)), 0);
}

// graded_on_virtual_time() runs body on the runtime's virtual clock: timers
// fire exactly on time and at once, so timer exercises are graded exactly.
inline void graded_on_virtual_time(std::function<void()> body, int maxprocs = 2) {
  ASSERT_EQ(gort::run({.maxprocs = maxprocs, .virtual_time = true}, std::move(body)), 0);
}

// goroutines_settle_at() waits (yielding) until exactly n goroutines are
// live, so a test can prove that an exercise left none behind.
inline bool goroutines_settle_at(int n) {
  return gort_test::eventually([n] { return gort::num_goroutine() == n; });
}

// at_once is a probe for parallelism: the first callers of visit() wait until
// `want` of them are inside at once, which only happens if that many
// goroutines call it at the same time. It gives up after gort_test::eventually's
// bound, so work done one piece after another fails instead of hanging.
class at_once {
 public:
  explicit at_once(int want) : want_(want) {}

  void visit() {
    const int inside = ++inside_;
    int peak = peak_;
    while (inside > peak && !peak_.compare_exchange_weak(peak, inside)) {
    }
    if (!reached_ && !gave_up_) {
      const bool settled = gort_test::eventually([this] {
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
