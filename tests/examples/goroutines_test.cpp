// SPDX-License-Identifier: MIT
// Chapter 1, goroutines: each example prints what the course says it does.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "example_test.hpp"

namespace {

using gort_test::expected_output;
using gort_test::run_example;
using testing::HasSubstr;
using testing::MatchesRegex;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string::size_type begin = 0;
  while (begin < text.size()) {
    const auto end = text.find('\n', begin);
    if (end == std::string::npos) {
      lines.push_back(text.substr(begin));
      break;
    }
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// switches() counts the places where a run of one letter gives way to another.
int switches(const std::string& letters) {
  int count = 0;
  for (std::size_t i = 1; i < letters.size(); ++i) count += letters[i] != letters[i - 1] ? 1 : 0;
  return count;
}

// --- 01 go_sum ---------------------------------------------------------------

TEST(Goroutines, GoSumPrintsTheSumOfAMillionNumbers) {
  const auto run = run_example("01_go_sum");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("goroutines/01_go_sum"));
}

TEST(Goroutines, GoSumFollowsTheSizeFlag) {
  const auto run = run_example("01_go_sum", {"--size", "20"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "go sum(bigArray): adding up 20 numbers in the background\n"
            "meanwhile main counts the multiples of 7: 2\n"
            "sum = 210\n");
}

TEST(Goroutines, GoSumRejectsAnEmptyArray) {
  const auto run = run_example("01_go_sum", {"--size", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--size"));
  EXPECT_EQ(run.out, "");
}

// --- 02 gosched --------------------------------------------------------------

TEST(Goroutines, GoschedOnOneThreadMakesTheGoroutinesTakeTurns) {
  const auto run = run_example("02_gosched", {"-n", "1", "--steps", "50"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0], "GOMAXPROCS=1; A and B take 50 steps each and yield after every step");
  const std::string& letters = lines[1];
  EXPECT_EQ(std::count(letters.begin(), letters.end(), 'A'), 50) << letters;
  EXPECT_EQ(std::count(letters.begin(), letters.end(), 'B'), 50) << letters;
  // Only yielding hands the one thread over, so the turn changes at almost every step.
  EXPECT_GE(switches(letters), 50) << letters;
}

TEST(Goroutines, WithoutGoschedOneGoroutineKeepsTheOnlyThread) {
  const auto run = run_example("02_gosched", {"-n", "1", "--steps", "30", "--yield=false"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0], "GOMAXPROCS=1; A and B take 30 steps each and never yield");
  EXPECT_EQ(lines[1].size(), 60u) << lines[1];
  EXPECT_EQ(switches(lines[1]), 1) << lines[1];
}

TEST(Goroutines, GoschedOnTwoThreadsFinishesBothGoroutines) {
  const auto run = run_example("02_gosched", {"--steps", "20"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  EXPECT_EQ(lines[0], "GOMAXPROCS=2; A and B take 20 steps each and yield after every step");
  EXPECT_EQ(std::count(lines[1].begin(), lines[1].end(), 'A'), 20) << lines[1];
  EXPECT_EQ(std::count(lines[1].begin(), lines[1].end(), 'B'), 20) << lines[1];
}

TEST(Goroutines, GoschedRejectsABadYield) {
  const auto run = run_example("02_gosched", {"--yield=sometimes"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("sometimes"));
}

// --- 03 gomaxprocs -----------------------------------------------------------

// num_cpu_of() reads "num_cpu=K" from 03's output; 0 if it is missing.
int num_cpu_of(const std::vector<std::string>& lines) {
  return lines.size() > 1 && lines[1].starts_with("num_cpu=") ? std::stoi(lines[1].substr(8)) : 0;
}

TEST(Goroutines, GomaxprocsPrintsARowForEachCpu) {
  const auto run = run_example("03_gomaxprocs", {"-n", "1", "--size", "4000000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  EXPECT_THAT(lines.at(0), MatchesRegex("GOMAXPROCS=1 \\(-n\\); it was [0-9]+")) << run.out;
  const int cpus = num_cpu_of(lines);
  ASSERT_GE(cpus, 1) << run.out;
  EXPECT_LE(cpus, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  EXPECT_EQ(lines.at(2), "4000000 steps of work in " + std::to_string(4 * cpus) + " goroutines:");
  EXPECT_EQ(lines.at(3), "GOMAXPROCS       time  speed-up");
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(4 + cpus)) << run.out;
  for (int procs = 1; procs <= cpus; ++procs) {
    const std::string& row = lines[static_cast<std::size_t>(3 + procs)];
    EXPECT_THAT(row, MatchesRegex(" *" + std::to_string(procs) +
                                  " +[0-9]+\\.[0-9]ms +[0-9]+\\.[0-9][0-9]x.*"));
    // Only the row GOMAXPROCS=-n is marked; the first row is the baseline.
    EXPECT_EQ(row.ends_with("  <- -n"), procs == 1) << row;
    if (procs == 1) {
      EXPECT_THAT(row, HasSubstr(" 1.00x"));
    }
  }
}

TEST(Goroutines, GomaxprocsAddsARowWhenNAsksForMoreThanTheCpus) {
  const auto probe = run_example("03_gomaxprocs", {"--size", "1000"});
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  const int cpus = num_cpu_of(lines_of(probe.out));
  ASSERT_GE(cpus, 1) << probe.out;
  const std::string more = std::to_string(cpus + 1);
  const auto run = run_example("03_gomaxprocs", {"-n", more, "--size", "1000000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  EXPECT_TRUE(lines.at(0).starts_with("GOMAXPROCS=" + more + " (-n); it was ")) << lines.at(0);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(5 + cpus)) << run.out;
  EXPECT_THAT(lines.back(), MatchesRegex(" *" + more + " .*x  <- -n"));
}

TEST(Goroutines, GomaxprocsRejectsABadN) {
  for (const char* bad : {"0", "-1", "abc", "257"}) {
    const auto run = run_example("03_gomaxprocs", {"-n", bad});
    EXPECT_NE(run.exit_code, 0) << "-n " << bad;
    EXPECT_THAT(run.err, HasSubstr("-n")) << "-n " << bad;
    EXPECT_EQ(run.out, "") << "-n " << bad;
  }
}

// --- 04 parallel_search ------------------------------------------------------

TEST(Goroutines, ParallelSearchFindsTheTarget) {
  const auto run = run_example("04_parallel_search");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("goroutines/04_parallel_search"));
}

TEST(Goroutines, ParallelSearchReportsTheSliceThatHoldsTheTarget) {
  // With size 10 the array is 0 9 8 7 6 5 4 3 2 1; slice 2 is indices 6..9.
  const auto run =
      run_example("04_parallel_search", {"--size", "10", "--slices", "3", "--target", "3"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "3 goroutines search 10 numbers for 3, about 3 each\n"
            "found 3 at index 7 (slice 2)\n");
}

TEST(Goroutines, ParallelSearchKeepsTheFirstOfSeveralMatches) {
  // 7919 divides the size, so 0 is at every index that is a multiple of 10,
  // in every slice; the answer must still be index 0.
  const auto run =
      run_example("04_parallel_search", {"--size", "79190", "--slices", "7", "--target", "0"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("found 0 at index 0 (slice 0)\n"));
}

TEST(Goroutines, ParallelSearchSaysWhenTheTargetIsMissing) {
  const auto run = run_example("04_parallel_search", {"--size", "1000", "--target", "1000"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("1000 is not in the array\n"));
}

TEST(Goroutines, ParallelSearchRejectsMoreSlicesThanNumbers) {
  const auto run = run_example("04_parallel_search", {"--size", "10", "--slices", "11"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--slices"));
}

// --- 05 many_goroutines ------------------------------------------------------

TEST(Goroutines, ManyGoroutinesPassTheNumberThroughEveryOne) {
  const auto run = run_example("05_many_goroutines", {"--count", "20000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 3u) << run.out;
  EXPECT_EQ(lines[0], "20000 goroutines passed a number along: 0 went in, 20000 came out");
  EXPECT_THAT(lines[1], MatchesRegex("memory: [0-9]+\\.[0-9] KiB per goroutine "
                                     "\\([0-9]+\\.[0-9] MiB for the chain\\)"));
  EXPECT_THAT(lines[2], MatchesRegex("time: [0-9]+\\.[0-9][0-9] µs per goroutine "
                                     "\\(start it, pass the number, end\\)"));
  // A goroutine's 128 KiB stack is reserved, not committed: it uses a few pages.
  const double kib = std::stod(lines[1].substr(std::string("memory: ").size()));
  EXPECT_LT(kib, 64.0) << lines[1];
}

TEST(Goroutines, ManyGoroutinesRejectsAZeroCount) {
  const auto run = run_example("05_many_goroutines", {"--count", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--count"));
}

}  // namespace
