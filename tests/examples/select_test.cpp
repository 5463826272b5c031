// SPDX-License-Identifier: MIT
// Chapter 3, select: each example prints what the course says it does.
#include <string>

#include "example_test.hpp"

namespace {

using gort_test::expected_output;
using gort_test::run_example;
using testing::HasSubstr;

// --- 19 select_same_channel --------------------------------------------------

TEST(Select, TwoCasesOnOneChannelMakeAFairRandomStream) {
  constexpr int kCount = 20'000;
  const auto run = run_example("19_select_same_channel", {"--count", std::to_string(kCount)});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.out.size(), 2u * kCount);
  int ones = 0;
  int repeats = 0;  // lines equal to the line before
  for (int i = 0; i < kCount; ++i) {
    const char digit = run.out[2 * static_cast<std::size_t>(i)];
    ASSERT_TRUE(digit == '0' || digit == '1') << "line " << i << ": " << digit;
    ASSERT_EQ(run.out[2 * static_cast<std::size_t>(i) + 1], '\n') << "line " << i;
    ones += digit == '1' ? 1 : 0;
    if (i > 0) repeats += digit == run.out[2 * static_cast<std::size_t>(i - 1)] ? 1 : 0;
  }
  // A fair coin gives 50% with a standard deviation of 0.35% here: 45% to
  // 55% fails only a biased choice (or one that takes turns, for repeats).
  EXPECT_GE(ones, kCount * 45 / 100);
  EXPECT_LE(ones, kCount * 55 / 100);
  EXPECT_GE(repeats, (kCount - 1) * 45 / 100);
  EXPECT_LE(repeats, (kCount - 1) * 55 / 100);
}

TEST(Select, SameChannelPrintsTwentyDigitsByDefault) {
  const auto run = run_example("19_select_same_channel");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, testing::MatchesRegex("([01]\n){20}"));
}

TEST(Select, SameChannelRejectsAZeroCount) {
  const auto run = run_example("19_select_same_channel", {"--count", "0"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--count"));
  EXPECT_EQ(run.out, "");
}

// --- 20 select_two_channels --------------------------------------------------

TEST(Select, TwoChannelsPrintZeroThenOne) {
  const auto run = run_example("20_select_two_channels");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, expected_output("select/20_select_two_channels"));
}

TEST(Select, TwoChannelsKeepTheirOrderOverManyRounds) {
  const auto run = run_example("20_select_two_channels", {"--rounds", "1000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string pairs;
  for (int i = 0; i < 1000; ++i) pairs += "0\n1\n";
  EXPECT_EQ(run.out, pairs);
}

TEST(Select, TwoChannelsRejectAWordForRounds) {
  const auto run = run_example("20_select_two_channels", {"--rounds", "many"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("--rounds"));
}

// --- 21 backend_service ------------------------------------------------------

// 21 and its standard-library twin, std.cpp, behave the same.
TEST(Select, BackendServesTheClientInOrder) {
  for (const std::string name : {"21_backend_service", "21_backend_service_std"}) {
    const auto run = run_example(name);
    EXPECT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_EQ(run.out, expected_output("select/21_backend_service")) << name;
  }
}

TEST(Select, BackendCountsEveryCommandBeforeStop) {
  for (const std::string name : {"21_backend_service", "21_backend_service_std"}) {
    const auto run = run_example(name, {"--count", "1000"});
    ASSERT_EQ(run.exit_code, 0) << run.err << " (" << name << ")";
    EXPECT_THAT(run.out, HasSubstr("add 999: total 499500\nadd 1000: total 500500\n")) << name;
    EXPECT_TRUE(run.out.ends_with("stop: the backend served 2000 commands\n"))
        << run.out << " (" << name << ")";
  }
}

TEST(Select, BackendRejectsTooManyAdds) {
  for (const std::string name : {"21_backend_service", "21_backend_service_std"}) {
    const auto run = run_example(name, {"--count", "10001"});
    EXPECT_NE(run.exit_code, 0) << name;
    EXPECT_THAT(run.err, HasSubstr("--count")) << name;
  }
}

}  // namespace
