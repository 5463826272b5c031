// SPDX-License-Identifier: MIT
// Chapter 4, timers: the examples' output depends on time, so these tests
// check counts and generous bounds, never exact times.
#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "example_test.hpp"

namespace {

using gort_test::run_example;
using testing::HasSubstr;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

long count_of(const std::vector<std::string>& lines, const std::string& wanted) {
  return std::count(lines.begin(), lines.end(), wanted);
}

TEST(Timers, TickerTicksAtItsPaceWhileJobsAndNapsGoOn) {
  const auto run = run_example("22_ticker", {"--duration", "600ms", "--interval", "50ms", "--work",
                                             "20ms", "--idle", "5ms"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_FALSE(lines.empty());
  int ticks = -1, jobs = -1, naps = -1;
  ASSERT_EQ(std::sscanf(lines.back().c_str(), "stopped: %d ticks, %d jobs, %d naps", &ticks, &jobs,
                        &naps),
            3)
      << run.out;
  // 600ms / 50ms is 12 ticks at most; a receiver that is napping may miss some.
  EXPECT_GE(ticks, 4);
  EXPECT_LE(ticks, 13);
  EXPECT_GE(jobs, 1);
  EXPECT_LE(jobs, 31);  // a job every 20ms at most
  EXPECT_GE(naps, 1);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(ticks) + 1) << run.out;
  for (int i = 0; i < ticks; ++i) {
    EXPECT_TRUE(lines[i].starts_with("tick " + std::to_string(i + 1) + ": ")) << lines[i];
  }
}

TEST(Timers, TickerWithNoTimeStopsAtOnce) {
  const auto run = run_example("22_ticker", {"--duration", "0s"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "stopped: 0 ticks, 0 jobs, 0 naps\n");
}

// expect_refused() runs an example with a duration flag its Go twin refuses
// (d <= 0): a clear message and a non-zero status, never a panic.
void expect_refused(const std::string& example, const std::string& flag, const std::string& value) {
  const auto run = run_example(example, {flag, value});
  EXPECT_NE(run.exit_code, 0) << example << " " << flag << " " << value;
  EXPECT_THAT(run.err, HasSubstr("must be more than 0")) << example << " " << flag << " " << value;
  EXPECT_THAT(run.err, testing::Not(HasSubstr("panic"))) << example << " " << flag << " " << value;
}

TEST(Timers, TickerRejectsAnIntervalOfZeroOrLess) {
  for (const char* value : {"0s", "-1ms", "-2h"}) expect_refused("22_ticker", "--interval", value);
}

TEST(Timers, TickerRejectsANapOfZeroOrLess) {
  for (const char* value : {"0", "-1ms"}) expect_refused("22_ticker", "--idle", value);
}

TEST(Timers, RateLimitLetsAtMostRateCallsIntoAnySecond) {
  const auto run = run_example("23_rate_limit", {"--rate", "20", "--requests", "30"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_EQ(lines.size(), 32u) << run.out;
  std::vector<int> seen(31, 0);
  for (std::size_t i = 0; i < 30; ++i) {
    int req = 0;
    double at = -1;
    ASSERT_EQ(std::sscanf(lines[i].c_str(), "call %d arrives at %lfs", &req, &at), 2) << lines[i];
    ASSERT_GE(req, 1);
    ASSERT_LE(req, 30);
    ++seen[req];
  }
  EXPECT_EQ(std::count(seen.begin() + 1, seen.end(), 1), 30) << "every request called once";
  int busiest = -1, rate = -1;
  ASSERT_EQ(std::sscanf(lines[30].c_str(), "busiest 1s window: %d calls (rate %d per second)",
                        &busiest, &rate),
            2)
      << lines[30];
  EXPECT_EQ(rate, 20);
  EXPECT_GE(busiest, 1);
  EXPECT_LE(busiest, 21);  // 20, or 21 when a window catches a tick at each edge
  double total = -1;
  ASSERT_EQ(std::sscanf(lines[31].c_str(), "total time: %lfs", &total), 1) << lines[31];
  EXPECT_GE(total, (30 - 1) / 20.0);
  EXPECT_LT(total, 30.0);
}

TEST(Timers, RateLimitRejectsARateOfZero) {
  const auto run = run_example("23_rate_limit", {"--rate", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("not in range"));
}

TEST(Timers, BoomTicksThenEndsWithBoom) {
  const auto run = run_example("24_boom");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "BOOM!");
  EXPECT_EQ(count_of(lines, "BOOM!"), 1);
  const long ticks = count_of(lines, "tick.");
  EXPECT_GE(ticks, 2);  // 500ms / 100ms is 5
  EXPECT_LE(ticks, 6);
  EXPECT_GE(count_of(lines, "    ."), 1);
  EXPECT_EQ(count_of(lines, "    .") + ticks + 1, static_cast<long>(lines.size())) << run.out;
}

TEST(Timers, BoomComesBeforeASlowTick) {
  const auto run = run_example("24_boom", {"--tick", "1h", "--boom", "100ms", "--nap", "10ms"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto lines = lines_of(run.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "BOOM!");
  EXPECT_EQ(count_of(lines, "tick."), 0);
  EXPECT_EQ(count_of(lines, "    .") + 1, static_cast<long>(lines.size())) << run.out;
}

TEST(Timers, BoomRejectsANapOfZeroOrLess) {
  for (const char* value : {"0s", "-1ms"}) expect_refused("24_boom", "--nap", value);
}

TEST(Timers, TimeoutLetsTheFastCallThroughAndGivesUpOnTheSlowOne) {
  const auto run =
      run_example("25_timeout", {"--timeout", "500ms", "--fast", "1ms", "--slow", "1s"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "fast call: got \"fast reply\" in time\n"
            "slow call: timed out\n"
            "both workers have ended: none is stuck on its send\n");
}

TEST(Timers, TimeoutCanTimeOutBothCalls) {
  const auto run =
      run_example("25_timeout", {"--timeout", "1ms", "--fast", "300ms", "--slow", "300ms"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "fast call: timed out\n"
            "slow call: timed out\n"
            "both workers have ended: none is stuck on its send\n");
}

TEST(Timers, TimeoutRejectsABadDuration) {
  const auto run = run_example("25_timeout", {"--timeout", "soon"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("'soon' is not a duration like 1s or 250ms"));
}

TEST(Timers, EveryExampleExplainsItsFlags) {
  for (const char* example : {"22_ticker", "23_rate_limit", "24_boom", "25_timeout"}) {
    const auto run = run_example(example, {"--help"});
    EXPECT_EQ(run.exit_code, 0) << example << ": " << run.err;
    EXPECT_THAT(run.out, HasSubstr(std::string(example).substr(0, 3))) << example;
    EXPECT_THAT(run.out, HasSubstr("--")) << example;
  }
}

}  // namespace
