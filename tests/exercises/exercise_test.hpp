// SPDX-License-Identifier: MIT
// Helpers for the graded tests of the exercises.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace grading
