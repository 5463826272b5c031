// SPDX-License-Identifier: MIT
// Chapter 5, patterns: the two task pools print the same summary whatever the
// scheduling, the generators and futures print exactly what the course says,
// and the data race of 30 loses nothing once fixed and is caught by
// ThreadSanitizer while it is not.
#include <stdlib.h>

#include <cstdint>
#include <string>

#include "example_test.hpp"

namespace {

using gort_test::expected_output;
using gort_test::run_example;
using testing::EndsWith;
using testing::HasSubstr;
using namespace std::chrono_literals;

// summary() is what 26 and 27 must print for n tasks: the checksum is the
// Collatz steps of 1..n, counted here independently of the examples.
std::string summary(int workers, int n) {
  long checksum = 0;
  for (std::int64_t start = 1; start <= n; ++start) {
    for (std::int64_t x = start; x != 1; ++checksum) x = x % 2 == 0 ? x / 2 : 3 * x + 1;
  }
  return "workers: " + std::to_string(workers) + "\ntasks: " + std::to_string(n) +
         "\nprocessed exactly once: " + std::to_string(n) +
         "\nchecksum: " + std::to_string(checksum) + "\n";
}

TEST(Patterns, PoolMutexPrintsTheExpectedSummary) {
  const auto run = run_example("26_pool_mutex");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("patterns/26_pool_mutex"));
  EXPECT_EQ(run.out, summary(4, 1000));
}

TEST(Patterns, PoolMutexProcessesEveryTaskOnceForAnyNumberOfWorkers) {
  for (int workers : {1, 3, 64}) {
    const auto run =
        run_example("26_pool_mutex", {"--workers", std::to_string(workers), "--tasks", "20000"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, summary(workers, 20000)) << workers << " workers";
  }
}

TEST(Patterns, PoolMutexRejectsZeroWorkers) {
  const auto run = run_example("26_pool_mutex", {"--workers", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("not in range"));
}

TEST(Patterns, PoolChannelsPrintsTheExpectedSummary) {
  const auto run = run_example("27_pool_channels");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("patterns/27_pool_channels"));
  EXPECT_EQ(run.out, summary(4, 1000));
}

TEST(Patterns, PoolChannelsProcessesEveryTaskOnceForAnyNumberOfWorkers) {
  for (int workers : {1, 3, 64}) {
    const auto run =
        run_example("27_pool_channels", {"--workers", std::to_string(workers), "--tasks", "20000"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, summary(workers, 20000)) << workers << " workers";
  }
}

TEST(Patterns, PoolChannelsRejectsTooManyTasks) {
  const auto run = run_example("27_pool_channels", {"--tasks", "100001"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("not in range"));
}

TEST(Patterns, LazyGeneratorPrintsIntegersEvensAndFibonacci) {
  const auto run = run_example("28_lazy_generator");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("patterns/28_lazy_generator"));
}

TEST(Patterns, LazyGeneratorYieldsAsManyValuesAsAsked) {
  const auto run = run_example("28_lazy_generator", {"--count", "90"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\neven: 0 2 4 "));
  EXPECT_THAT(run.out, HasSubstr(" 174 176 178\n"));  // the 90th even number, and no more
  EXPECT_THAT(run.out, EndsWith(" 1100087778366101931 1779979416004714189\n"));  // F88 F89
}

TEST(Patterns, LazyGeneratorRejectsACountPastTheLargestFibonacciItPrints) {
  const auto run = run_example("28_lazy_generator", {"--count", "91"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("not in range"));
}

TEST(Patterns, FuturesPrintsTheInverseProductAndChecksTheInverses) {
  const auto run = run_example("29_futures");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("patterns/29_futures"));
  EXPECT_THAT(run.out, HasSubstr("A x inv(A) = I within 1e-12: yes\n"));
  EXPECT_THAT(run.out, HasSubstr("B x inv(B) = I within 1e-12: yes\n"));
}

TEST(Patterns, FuturesRejectsAnUnknownFlag) {
  const auto run = run_example("29_futures", {"--size", "4"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--size"));
}

TEST(Patterns, DataRaceFixesCountEveryAdd) {
  for (const std::string fix : {"mutex", "channel"}) {
    const auto run = run_example("30_data_race", {"--fix", fix});
    EXPECT_EQ(run.exit_code, 0) << fix << ": " << run.err;
    EXPECT_EQ(run.out, "fix " + fix + ": counter 400000, want 400000\n");
    const auto small = run_example("30_data_race", {"--fix", fix, "--goroutines", "7", "--adds", "13"});
    EXPECT_EQ(small.out, "fix " + fix + ": counter 91, want 91\n");
  }
}

TEST(Patterns, DataRaceUnfixedSaysWhatItCounted) {
#ifdef EXAMPLES_UNDER_TSAN
  GTEST_SKIP() << "this build is under ThreadSanitizer: the race ends the run (the next test)";
#endif
  const auto run = run_example("30_data_race");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // The adds lost differ from run to run, and may be none.
  EXPECT_THAT(run.out, testing::MatchesRegex(
                           "fix none: counter [0-9]+, want 400000( \\([0-9]+ adds lost\\))?\n"));
}

TEST(Patterns, DataRaceIsReportedByThreadSanitizer) {
#ifndef DATA_RACE_UNDER_TSAN
  GTEST_SKIP() << "this build has no ThreadSanitizer (the asan preset)";
#else
  ::setenv("TSAN_OPTIONS", "halt_on_error=1", 1);
  // The race shows only where two goroutines overlap on two threads (gort::race
  // takes a switch of goroutines on one thread for a happens-before edge). A
  // million adds each give the second thread time to start one, even on a
  // loaded machine; a run that still saw no overlap is tried again, twice.
  gort_test::child_result racy;
  for (int attempt = 0; attempt < 3; ++attempt) {
    racy = gort_test::run_child(DATA_RACE_UNDER_TSAN, {"--fix", "none", "--adds", "1000000"}, 60s);
    if (racy.exit_code != 0) break;
  }
  EXPECT_NE(racy.exit_code, 0) << "no run of three reported the race";
  EXPECT_THAT(racy.err, HasSubstr("WARNING: ThreadSanitizer: data race"));
  EXPECT_THAT(racy.err, testing::ContainsRegex("30_data_race/main.cpp:[0-9]+"));
  for (const char* fix : {"mutex", "channel"}) {
    const auto fixed = gort_test::run_child(DATA_RACE_UNDER_TSAN, {"--fix", fix, "--adds", "1000"}, 60s);
    EXPECT_EQ(fixed.exit_code, 0) << fix << ": " << fixed.err;
    EXPECT_THAT(fixed.err, testing::Not(HasSubstr("ThreadSanitizer"))) << fix;
  }
#endif
}

TEST(Patterns, DataRaceRejectsAnUnknownFix) {
  const auto run = run_example("30_data_race", {"--fix", "atomic"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--fix"));
}

TEST(Patterns, EveryExampleExplainsItsFlags) {
  for (const char* example :
       {"26_pool_mutex", "27_pool_channels", "28_lazy_generator", "29_futures", "30_data_race"}) {
    const auto run = run_example(example, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << example << ": " << run.err;
    EXPECT_THAT(run.out, HasSubstr(std::string(example).substr(0, 3))) << example;
    EXPECT_THAT(run.out, HasSubstr("--help")) << example;
  }
}

}  // namespace
