// SPDX-License-Identifier: MIT
// What workbook tells a learner about each kind of mistake: verdict_cases
// makes each one for real, judge() names it.
#include <stdlib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "child_process.hpp"
#include "grading.hpp"

namespace {

using namespace std::chrono_literals;

struct verdict_case {
  std::string test;                  // Verdicts.<test> in verdict_cases
  std::string verdict;               // what judge() must call it
  std::vector<std::string> details;  // patterns its detail must contain
};

class Verdict : public testing::TestWithParam<verdict_case> {};

TEST_P(Verdict, NamesTheMistakeAndShowsWhy) {
  const verdict_case& c = GetParam();
  // Under the 30 s that workbook would call "hung": every verdict here comes first.
  const auto run = gort_test::run_child(VERDICT_CASES, {"--gtest_filter=Verdicts." + c.test}, 20s);
  const workbook::test_outcome t = workbook::judge("Verdicts." + c.test, run);
  EXPECT_EQ(t.verdict, c.verdict) << run.out << run.err;
  EXPECT_EQ(t.passed, c.verdict == "passed");
  for (const std::string& pattern : c.details) EXPECT_THAT(t.detail, testing::ContainsRegex(pattern));
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, Verdict,
    testing::Values(
        verdict_case{"Passes", "passed", {}},
        verdict_case{"WrongResult", "wrong result", {"the answer is off by one"}},
        verdict_case{"LeaksAGoroutine",
                     "leaked goroutine",
                     {"a goroutine was left behind \\(leaked\\)", "goroutine [0-9]+ \\[chan receive\\]:"}},
        verdict_case{"Deadlocks", "deadlock", {"fatal error: all goroutines are asleep - deadlock!"}},
        verdict_case{"Spins", "too slow: spinning or waiting forever", {"goroutine 1 \\["}},
        verdict_case{"EndsTheProcess",
                     "the solution ended the process",
                     {"before GoogleTest could say the test passed"}},
        verdict_case{"Skips", "skipped", {"a skipped test\n  does not pass"}},
        verdict_case{"Panics", "panicked", {"panic: close of nil channel"}}),
    [](const testing::TestParamInfo<verdict_case>& each) { return each.param.test; });

#ifdef VERDICT_CASES_RACE
TEST(RaceVerdict, ShowsBothAccessesInTheLearnersFile) {
  ::setenv("TSAN_OPTIONS", "halt_on_error=1", 1);  // as workbook runs the race check
  const auto run = gort_test::run_child(VERDICT_CASES_RACE, {"--gtest_filter=Verdicts.Races"}, 20s);
  const workbook::test_outcome t = workbook::judge("race detector", run, "/verdict_cases.cpp");
  EXPECT_EQ(t.verdict, "data race") << run.out << run.err;
  EXPECT_FALSE(t.passed);
  EXPECT_THAT(t.detail, testing::ContainsRegex("  (Read|Write) of size 4 by thread T[0-9]+\n"
                                               "    at verdict_cases.cpp:[0-9]+\n"));
  EXPECT_THAT(t.detail, testing::ContainsRegex("  Previous (read|write) of size 4 by thread T[0-9]+\n"
                                               "    at verdict_cases.cpp:[0-9]+\n"));
}

TEST(RaceVerdict, RaceFreeCasesStillPassUnderTheRaceDetector) {
  ::setenv("TSAN_OPTIONS", "halt_on_error=1", 1);
  const auto run = gort_test::run_child(VERDICT_CASES_RACE, {"--gtest_filter=Verdicts.Passes"}, 20s);
  EXPECT_EQ(workbook::judge("Verdicts.Passes", run, "/verdict_cases.cpp").verdict, "passed")
      << run.out << run.err;
}
#endif

}  // namespace
