// SPDX-License-Identifier: MIT
// Helpers for the runtime's tests: run a test body under several pool sizes,
// and wait for a condition with a generous bound, so a broken runtime fails a
// test instead of hanging it.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <gort/gort.hpp>
#include <string>
#include <thread>

namespace gort_test {

// Maxprocs runs each test at the pool sizes it is instantiated with.
class Maxprocs : public testing::TestWithParam<int> {
 protected:
  // run_main() runs body as the main goroutine on GetParam() threads.
  void run_main(std::function<void()> body) {
    ASSERT_EQ(gort::run({.maxprocs = GetParam()}, std::move(body)), 0);
  }
};

inline std::string maxprocs_name(const testing::TestParamInfo<int>& info) {
  return "maxprocs" + std::to_string(info.param);
}

// eventually() yields until done() holds and returns true, or returns false
// after a bound far beyond any healthy run. It is a hang guard, not a timing test.
inline bool eventually(const std::function<bool()>& done) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    gort::gosched();
    std::this_thread::yield();
  }
  return true;
}

// stress_scale() is GORT_STRESS_SCALE, the stress suite's work multiplier: 1
// (ctest's short run) unless it names a larger whole number.
inline int stress_scale() {
  const char* text = std::getenv("GORT_STRESS_SCALE");
  const int n = text != nullptr ? std::atoi(text) : 1;
  return n > 0 ? n : 1;
}

}  // namespace gort_test

#define GORT_INSTANTIATE_MAXPROCS(suite) \
  INSTANTIATE_TEST_SUITE_P(Pool, suite, testing::Values(1, 2, 4), gort_test::maxprocs_name)
