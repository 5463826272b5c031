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

// workbook() runs the command in English, whatever the machine's locale.
gort_test::child_result workbook(std::vector<std::string> args,
                                 std::chrono::milliseconds timeout = 120s) {
  args.insert(args.begin(), {"--build", PROJECT_BUILD_DIR, "--lang", "en"});
  return gort_test::run_child(WORKBOOK_BINARY, args, timeout);
}

// workbook_zh() runs it as a Chinese learner would, with LANG=zh_CN.UTF-8
// and no --lang.
gort_test::child_result workbook_zh(std::vector<std::string> args,
                                    std::chrono::milliseconds timeout = 120s) {
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::setenv("LANG", "zh_CN.UTF-8", 1);
  args.insert(args.begin(), {"--build", PROJECT_BUILD_DIR});
  auto run = gort_test::run_child(WORKBOOK_BINARY, args, timeout);
  ::unsetenv("LANG");
  return run;
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
  EXPECT_LT(run.out.find("  19  locks_vs_channels"), run.out.find("  07  generator"))
      << "course order";
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 23);
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
  EXPECT_THAT(workbook({"list"}).out,
              HasSubstr("01  sum_in_background      chapter 1  0/5 tests pass"));
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
  EXPECT_THAT(run.out,
              testing::ContainsRegex("exercises: 0/23 complete, 0/[0-9]+ tests, 0/23 points"));
  std::ifstream in(points);
  std::stringstream json;
  json << in.rdbuf();
  EXPECT_THAT(json.str(), HasSubstr("\"complete\": 0,\n  \"total\": 23"));
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

// --- the same commands in Chinese ---------------------------------------------

TEST(WorkbookZh, ListSpeaksChinese) {
  forget_progress();
  const auto run = workbook_zh({"list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, testing::StartsWith("→ 01  sum_in_background      第 1 章  尚未检查"));
  EXPECT_THAT(run.out, HasSubstr("  22  map_service            第 3 章  尚未检查"));
}

TEST(WorkbookZh, CheckExplainsTheFirstFailureInChineseAndKeepsTheProgramsWords) {
  forget_progress();
  const auto run = workbook_zh({"check", "01"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("正在检查 01 sum_in_background（第 1 章"));
  EXPECT_THAT(run.out, HasSubstr(" — 未完成"));
  EXPECT_THAT(run.out, HasSubstr("通过 0/5 个测试（第一个失败之后有 4 个测试没有运行"));
  EXPECT_THAT(run.out, HasSubstr("panic: TODO(exercise): sum_in_background is not written yet"));
  EXPECT_THAT(run.out, HasSubstr("卡住了？`workbook hint 01` 会显示第 1 条提示（共 3 条）。"));
  const auto deadlock = workbook_zh({"check", "03"});
  EXPECT_THAT(deadlock.out, HasSubstr("— 死锁"));
  EXPECT_THAT(deadlock.out, HasSubstr("fatal error: all goroutines are asleep - deadlock!"));
}

// first_chinese_hint() is the first hint of exercises/01_sum_in_background/README.zh.md.
std::string first_chinese_hint() {
  std::ifstream readme(std::string(PROJECT_SOURCE_DIR) + "/exercises/01_sum_in_background/README.zh.md");
  bool in_hints = false;
  for (std::string line; std::getline(readme, line);) {
    if (line.starts_with("## ")) in_hints = line == "## 提示";
    if (in_hints && line.starts_with("1. ")) return line.substr(3);
  }
  return "(README.zh.md has no first hint under ## 提示)";
}

TEST(WorkbookZh, HintsComeFromTheChineseReadme) {
  forget_progress();
  const auto first = workbook_zh({"hint", "01"});
  EXPECT_THAT(first.out, HasSubstr("提示 1：" + first_chinese_hint()));
  EXPECT_THAT(first.out, testing::Not(HasSubstr("Hint")));
  workbook_zh({"hint", "01"});
  const auto last = workbook_zh({"hint", "01"});
  EXPECT_THAT(last.out, HasSubstr("提示 3："));
  EXPECT_THAT(last.out,
              HasSubstr("这是最后一条提示；参考答案在 solutions/01_sum_in_background/ 中。"));
}

TEST(WorkbookZh, WatchSpeaksChinese) {
  forget_progress();
  const auto run = workbook_zh({"watch"}, 8s);
  EXPECT_TRUE(run.timed_out);
  EXPECT_THAT(
      run.out,
      HasSubstr("正在监视 01 sum_in_background：在 exercises/01_sum_in_background 中保存文件"));
}

TEST(WorkbookZh, GradePrintsTheScoreTableInChinese) {
  const std::string points = std::string(PROJECT_BUILD_DIR) + "/workbook-test-points-zh.json";
  const auto run = workbook_zh({"grade", "--points", points}, 300s);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, testing::StartsWith("编号 练习"));
  EXPECT_THAT(run.out, HasSubstr("01   sum_in_background            1   0/5     0/1   未完成"));
  EXPECT_THAT(run.out, testing::ContainsRegex("练习：完成 0/23，测试 0/[0-9]+，分数 0/23"));
}

TEST(WorkbookZh, LangFlagOverridesTheLocaleBothWays) {
  forget_progress();
  EXPECT_THAT(workbook_zh({"--lang", "en", "list"}).out, HasSubstr("chapter 1  not checked"));
  const auto zh = gort_test::run_child(WORKBOOK_BINARY,
                                       {"--build", PROJECT_BUILD_DIR, "--lang", "zh", "list"}, 60s);
  EXPECT_THAT(zh.out, HasSubstr("第 1 章  尚未检查"));
  const auto bad = gort_test::run_child(WORKBOOK_BINARY, {"--lang", "fr", "list"}, 60s);
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_THAT(bad.err, HasSubstr("--lang"));
  EXPECT_THAT(workbook_zh({"check", "99"}).err, HasSubstr("workbook：没有练习 '99'"));
}

}  // namespace
