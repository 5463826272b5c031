// SPDX-License-Identifier: MIT
// What workbook tells a learner about each kind of mistake: verdict_cases
// makes each one for real, judge() names it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "child_process.hpp"
#include "grading.hpp"

namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

workbook::test_outcome judged(const std::string& test) {
  // Under the 30 s that workbook would call "hung": every verdict below comes first.
  const auto run = gort_test::run_child(VERDICT_CASES, {"--gtest_filter=Verdicts." + test}, 20s);
  return workbook::judge("Verdicts." + test, run);
}

TEST(Verdict, APassingTestPasses) {
  const auto t = judged("Passes");
  EXPECT_TRUE(t.passed);
  EXPECT_EQ(t.verdict, "passed");
}

TEST(Verdict, AFailedCheckIsAWrongResultWithItsMessage) {
  const auto t = judged("WrongResult");
  EXPECT_EQ(t.verdict, "wrong result");
  EXPECT_THAT(t.detail, HasSubstr("the answer is off by one"));
}

TEST(Verdict, ALeftoverGoroutineIsALeakNamedWithWhatItWaitsOn) {
  const auto t = judged("LeaksAGoroutine");
  EXPECT_EQ(t.verdict, "leaked goroutine");
  EXPECT_THAT(t.detail, HasSubstr("a goroutine was left behind (leaked)"));
  EXPECT_THAT(t.detail, testing::ContainsRegex("goroutine [0-9]+ \\[chan receive\\]:"));
}

TEST(Verdict, ADeadlockIsGosReport) {
  const auto t = judged("Deadlocks");
  EXPECT_EQ(t.verdict, "deadlock");
  EXPECT_THAT(t.detail, HasSubstr("fatal error: all goroutines are asleep - deadlock!"));
}

TEST(Verdict, ASpinIsStoppedAtTheLimitWithADump) {
  const auto t = judged("Spins");
  EXPECT_EQ(t.verdict, "too slow: spinning or waiting forever");
  EXPECT_THAT(t.detail, HasSubstr("goroutine 1 ["));
}

TEST(Verdict, EndingTheProcessIsNotAPass) {
  const auto t = judged("EndsTheProcess");
  EXPECT_FALSE(t.passed);
  EXPECT_EQ(t.verdict, "the solution ended the process");
}

TEST(Verdict, APanicShowsGosMessage) {
  const auto t = judged("Panics");
  EXPECT_EQ(t.verdict, "panicked");
  EXPECT_THAT(t.detail, HasSubstr("panic: close of nil channel"));
}

}  // namespace
