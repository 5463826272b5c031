// SPDX-License-Identifier: MIT
// The workbook command as a learner uses it: list, check, hint, watch, grade,
// and clear errors for wrong numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "child_process.hpp"

namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

gort_test::child_result workbook(std::vector<std::string> args,
                                 std::chrono::milliseconds timeout = 120s) {
  args.insert(args.begin(), {"--build", PROJECT_BUILD_DIR});
  return gort_test::run_child(WORKBOOK_BINARY, args, timeout);
}

// A fresh start: no exercise checked, no hint shown.
void forget_progress() {
  std::filesystem::remove(std::filesystem::path(PROJECT_BUILD_DIR) / "workbook-progress.txt");
}

TEST(Workbook, ListShowsEveryExerciseAndWhereToStart) {
  forget_progress();
  const auto run = workbook({"list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, testing::StartsWith("→ 01  sum_in_background      chapter 1"));
  EXPECT_THAT(run.out, HasSubstr("  22  map_service            chapter 3"));
  EXPECT_LT(run.out.find("  04  ping_pong"), run.out.find("  03  fix_deadlock")) << "course order";
  EXPECT_LT(run.out.find("  19  locks_vs_channels"), run.out.find("  07  generator")) << "course order";
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 22);
}

TEST(Workbook, CheckExplainsTheFirstFailureAndOffersAHint) {
  forget_progress();
  const auto run = workbook({"check", "1"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("Checking 01 sum_in_background (chapter 1"));
  EXPECT_THAT(run.out, HasSubstr("✗ SumInBackground."));
  EXPECT_THAT(run.out, HasSubstr(" — not written yet"));
  EXPECT_THAT(run.out, HasSubstr("0/5 tests pass (4 not run after the first failure"));
  EXPECT_THAT(run.out, HasSubstr("panic: TODO(exercise): sum_in_background is not written yet"));
  EXPECT_THAT(run.out, HasSubstr("`workbook hint 01` shows hint 1 of 3."));
  EXPECT_THAT(workbook({"list"}).out, HasSubstr("01  sum_in_background      chapter 1  0/5 tests pass"));
}

TEST(Workbook, CheckReportsADeadlockInPlainWords) {
  const auto run = workbook({"check", "03"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("— deadlock"));
  EXPECT_THAT(run.out, HasSubstr("fatal error: all goroutines are asleep - deadlock!"));
}

TEST(Workbook, HintsComeOneAtATime) {
  forget_progress();
  const auto first = workbook({"hint", "01"});
  EXPECT_THAT(first.out, HasSubstr("Hint 1: "));
  EXPECT_THAT(first.out, testing::Not(HasSubstr("Hint 2: ")));
  EXPECT_THAT(workbook({"hint", "01"}).out, HasSubstr("Hint 2: "));
  const auto last = workbook({"hint", "01"});
  EXPECT_THAT(last.out, HasSubstr("Hint 3: "));
  EXPECT_THAT(last.out, HasSubstr("the reference solution is in solutions/01_sum_in_background/"));
}

TEST(Workbook, WatchChecksTheCurrentExerciseAndWaitsForASave) {
  forget_progress();
  const auto run = workbook({"watch"}, 8s);
  EXPECT_TRUE(run.timed_out) << "watch keeps watching until the exercise passes";
  EXPECT_THAT(run.out, HasSubstr("Watching 01 sum_in_background"));
  EXPECT_THAT(run.out, HasSubstr("0/5 tests pass ("));
}

TEST(Workbook, GradePrintsTheScoreAndWritesPoints) {
  const std::string points = std::string(PROJECT_BUILD_DIR) + "/workbook-test-points.json";
  const auto run = workbook({"grade", "--points", points}, 300s);
  EXPECT_EQ(run.exit_code, 1) << "untouched stubs complete nothing";
  EXPECT_THAT(run.out, HasSubstr("01   sum_in_background            1   0/5     0/1   to do"));
  EXPECT_THAT(run.out, testing::ContainsRegex("exercises: 0/22 complete, 0/[0-9]+ tests, 0/22 points"));
  std::ifstream in(points);
  std::stringstream json;
  json << in.rdbuf();
  EXPECT_THAT(json.str(), HasSubstr("\"complete\": 0,\n  \"total\": 22"));
}

TEST(Workbook, WrongNumbersAndFoldersAreClearErrors) {
  const auto no_exercise = workbook({"check", "99"});
  EXPECT_EQ(no_exercise.exit_code, 2);
  EXPECT_THAT(no_exercise.err, HasSubstr("there is no exercise '99'"));
  const auto no_example = workbook({"run", "77"});
  EXPECT_EQ(no_example.exit_code, 2);
  EXPECT_THAT(no_example.err, HasSubstr("there is no example '77'"));
  EXPECT_EQ(workbook({"hint", "x1"}).exit_code, 2);
  const auto no_root = gort_test::run_child(WORKBOOK_BINARY, {"--root", "/tmp", "list"}, 30s);
  EXPECT_EQ(no_root.exit_code, 2);
  EXPECT_THAT(no_root.err, HasSubstr("has no exercises/ folder"));
  const auto no_subcommand = gort_test::run_child(WORKBOOK_BINARY, {}, 30s);
  EXPECT_NE(no_subcommand.exit_code, 0);
}

}  // namespace
