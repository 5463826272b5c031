// SPDX-License-Identifier: MIT
// Deadlock detection while goroutines start and end as fast as they can
// (the churn program): each start and end is counted in the share of the
// thread it happens on, so a look that summed the shares at different
// instants could see a chain's +1 missing and its -1 present — nothing
// running — and report a deadlock that is not one; and a deadlock that
// begins amid that traffic must still be reported. Each case runs in a
// fresh process at maxprocs 1, 2 and 4, GORT_STRESS_SCALE times over.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "child_process.hpp"
#include "runtime_test.hpp"

namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

constexpr int kChains = 8;
constexpr int kHops = 50000;

gort_test::child_result churn(int maxprocs, const char* end) {
  return gort_test::run_child(
      CHURN_PROGRAM,
      {"--maxprocs", std::to_string(maxprocs), "--chains", std::to_string(kChains), "--hops",
       std::to_string(kHops), "--end", end},
      60s);
}

std::ptrdiff_t occurrences(const std::string& text, const std::string& part) {
  std::ptrdiff_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class Churn : public testing::TestWithParam<int> {};

TEST_P(Churn, NoDeadlockIsReportedWhileChainsRun) {
  const std::string expected = std::to_string(kChains * kHops) + " goroutines ran\n";
  for (int round = 0; round < 3 * gort_test::stress_scale(); ++round) {
    const auto child = churn(GetParam(), "finish");
    ASSERT_FALSE(child.timed_out) << "round " << round;
    ASSERT_EQ(child.exit_code, 0) << "round " << round << ":\n" << child.err;
    ASSERT_EQ(child.out, expected);
  }
}

TEST_P(Churn, TheDeadlockAtTheLastChainsEndIsReported) {
  for (int round = 0; round < 3 * gort_test::stress_scale(); ++round) {
    const auto child = churn(GetParam(), "deadlock");
    ASSERT_FALSE(child.timed_out) << "round " << round << ": no deadlock was reported";
    ASSERT_EQ(child.exit_code, 2) << child.err;
    // "blocking at" is written by the last chain to end, before it blocks: a
    // report without it came while a chain could still move.
    ASSERT_THAT(child.err, testing::StartsWith("blocking at "))
        << "round " << round << ": reported before every chain had ended:\n"
        << child.err;
    EXPECT_THAT(child.err, HasSubstr("fatal error: all goroutines are asleep - deadlock!\n\n"));
    EXPECT_THAT(child.err, HasSubstr("goroutine 1 [chan receive]:\nmain\n"));
    EXPECT_EQ(occurrences(child.err, " [chan receive]:\nhop\n"), kChains) << child.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Pool, Churn, testing::Values(1, 2, 4), gort_test::maxprocs_name);

TEST(ChurnBadInput, AnUnknownEndIsRefused) {
  const auto child = gort_test::run_child(CHURN_PROGRAM, {"--end", "sideways"}, 10s);
  EXPECT_NE(child.exit_code, 0);
  EXPECT_THAT(child.err, HasSubstr("--end"));
}

}  // namespace
