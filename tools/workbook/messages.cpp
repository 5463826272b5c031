// SPDX-License-Identifier: MIT
// messages: the English and Chinese text of every message, and the language.
#include "messages.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <utility>

namespace workbook {
namespace {

struct entry {
  msg id;
  std::string_view en;
  std::string_view zh;
};

// The table lists every msg once, in the enum's order.
constexpr std::array<entry, static_cast<std::size_t>(msg::count)> table{{
    {msg::no_such_exercise, "workbook: there is no exercise '{}'; `workbook list` shows them all\n",
     "workbook：没有练习 '{}'；`workbook list` 会列出全部练习\n"},
    {msg::no_such_example,
     "workbook: there is no example '{}'; the examples are listed in chapters/README.md\n",
     "workbook：没有示例 '{}'；chapters/README.md 列出了全部示例\n"},
    {msg::no_exercises_folder, "workbook: {} has no exercises/ folder; pass --root\n",
     "workbook：{} 下没有 exercises/ 文件夹；请用 --root 指定项目文件夹\n"},
    {msg::state_not_checked, "not checked", "尚未检查"},
    {msg::state_done, "done", "完成"},
    {msg::state_tests_pass, "{}/{} tests pass", "通过 {}/{} 个测试"},
    {msg::list_chapter, "chapter {}", "第 {} 章"},
    {msg::offer_hint, "Stuck? `workbook hint {}` shows hint {} of {}.\n",
     "卡住了？`workbook hint {}` 会显示第 {} 条提示（共 {} 条）。\n"},
    {msg::checking, "Checking {} {} (chapter {}, {})\n", "正在检查 {} {}（第 {} 章，{}）\n"},
    {msg::does_not_compile, "Your code does not compile yet. The compiler says:\n",
     "你的代码还不能编译。编译器的输出是：\n"},
    {msg::tests_pass, "{}/{} tests pass", "通过 {}/{} 个测试"},
    {msg::not_run_after_failure,
     " ({} not run after the first failure; `workbook check {} --all` runs them all)",
     "（第一个失败之后有 {} 个测试没有运行；`workbook check {} --all` 会运行全部测试）"},
    {msg::sentence_end, ".\n", "。\n"},
    {msg::first_problem, "\nFirst problem, {}: {}\n", "\n第一个问题，{}：{}\n"},
    {msg::exercise_done, "✓ {} {} is done.", "✓ {} {} 完成了。"},
    {msg::next_exercise, " Next: {} {} (chapter {}; `workbook check {}`).",
     "下一个：{} {}（第 {} 章；`workbook check {}`）。"},
    {msg::no_hints, "Exercise {} has no hints.\n", "练习 {} 没有提示。\n"},
    {msg::hint_line, "Hint {}: {}\n", "提示 {}：{}\n"},
    {msg::last_hint, "That was the last hint; the reference solution is in solutions/{}/.\n",
     "这是最后一条提示；参考答案在 solutions/{}/ 中。\n"},
    {msg::watching, "Watching {} {}: save a file in {} to check it again.\n",
     "正在监视 {} {}：在 {} 中保存文件，就会重新检查。\n"},
    {msg::all_done, "Every exercise is done. Well done!\n", "所有练习都完成了。干得好！\n"},
    {msg::grade_number, "NN", "编号"},
    {msg::grade_exercise, "exercise", "练习"},
    {msg::grade_chapter, "chapter", "章"},
    {msg::grade_tests, "tests", "测试"},
    {msg::grade_points, "points", "分数"},
    {msg::grade_state, "state", "状态"},
    {msg::grade_state_does_not_compile, "does not compile", "无法编译"},
    {msg::grade_state_done, "done", "完成"},
    {msg::grade_state_to_do, "to do", "未完成"},
    {msg::grade_summary, "exercises: {}/{} complete, {}/{} tests, {}/{} points\n",
     "练习：完成 {}/{}，测试 {}/{}，分数 {}/{}\n"},
    {msg::points_written, "Points written to {}\n", "分数已写入 {}\n"},
    {msg::setting_up_build, "Setting up your build in {} (once; takes a minute)...\n",
     "正在 {} 中配置你的构建（只需一次，约一分钟）……\n"},
    {msg::configure_failed, "workbook: configuring {} failed:\n", "workbook：配置 {} 失败：\n"},
    {msg::detail_data_race,
     "  Two goroutines touched the same memory, at least one of them writing, with\n"
     "  no lock or channel between them to order the two (ThreadSanitizer):\n",
     "  两个协程访问了同一块内存，至少有一个在写，而它们之间没有锁或通道\n"
     "  来规定先后（ThreadSanitizer）：\n"},
    {msg::detail_hung,
     "  still running after 30 s, past the test's own 5 s limit: code that blocks or\n"
     "  replaces the signals that limit uses (SIGALRM, SIGQUIT), or an endless loop\n",
     "  30 秒后仍在运行，超过了测试自己的 5 秒限制：代码屏蔽或替换了这个限制所用的\n"
     "  信号（SIGALRM、SIGQUIT），或者陷入了死循环\n"},
    {msg::detail_crashed,
     "  killed by signal {} (11 is a bad memory access: a dangling reference to a local "
     "variable?)\n",
     "  被信号 {} 终止（11 表示非法内存访问：是不是引用了已经失效的局部变量？）\n"},
    {msg::detail_skipped,
     "  GoogleTest skipped the test (GTEST_SKIP in the solution?): a skipped test\n"
     "  does not pass.\n",
     "  GoogleTest 跳过了这个测试（解答里用了 GTEST_SKIP？）：被跳过的测试不算通过。\n"},
    {msg::detail_ended_process,
     "  the process ended (exit status {}) before GoogleTest could say the test passed: exit(), "
     "std::exit, _Exit or\n"
     "  quick_exit in the solution? Return from the function instead.\n",
     "  在 GoogleTest 报告测试通过之前，进程就结束了（退出状态 {}）：解答里调用了 "
     "exit()、std::exit、_Exit\n"
     "  或 quick_exit？请从函数返回。\n"},
    {msg::detail_not_run_yet, "  runs once every other test passes\n",
     "  其他测试全部通过后才会运行\n"},
    {msg::not_in_your_code, "{} (not in your code)", "{}（不在你的代码中）"},
    {msg::verdict_passed, "passed", "通过"},
    {msg::verdict_wrong_result, "wrong result", "结果错误"},
    {msg::verdict_leaked_goroutine, "leaked goroutine", "协程泄漏"},
    {msg::verdict_deadlock, "deadlock", "死锁"},
    {msg::verdict_too_slow, "too slow: spinning or waiting forever", "超时：空转或永远等待"},
    {msg::verdict_panicked, "panicked", "发生 panic"},
    {msg::verdict_crashed, "crashed", "崩溃"},
    {msg::verdict_not_written_yet, "not written yet", "未完成"},
    {msg::verdict_ended_process, "the solution ended the process", "解答结束了进程"},
    {msg::verdict_data_race, "data race", "数据竞争"},
    {msg::verdict_tsan_report, "ThreadSanitizer report", "ThreadSanitizer 报告"},
    {msg::verdict_hung, "hung", "挂起"},
    {msg::verdict_skipped, "skipped", "被跳过"},
    {msg::verdict_not_run_yet, "not run yet", "尚未运行"},
    {msg::verdict_did_not_build, "did not build", "无法构建"},
}};

// A message missing from the table, or out of order, is a compile error.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i || table[i].en.empty() || table[i].zh.empty())
      return false;
  }
  return true;
}
static_assert(in_enum_order(), "every msg has an English and a Chinese text, in the enum's order");

language current = language::en;

// display_width() counts terminal columns: two for a character of the CJK
// blocks and beyond (U+2E80 on), one for any other.
int display_width(const std::string& text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    width += code >= 0x2E80 ? 2 : 1;
    i += length;
  }
  return width;
}

}  // namespace

language language_named(std::string_view name) {
  if (name == "en") return language::en;
  if (name == "zh") return language::zh;
  throw std::invalid_argument("no language '" + std::string(name) + "': use en or zh");
}

language language_of_environment() {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("zh") ? language::zh : language::en;
  }
  return language::en;
}

void set_language(language lang) { current = lang; }
language current_language() { return current; }

std::string_view text_of(msg m, language lang) {
  const entry& e = table.at(static_cast<std::size_t>(m));
  return lang == language::zh ? e.zh : e.en;
}

std::string say(msg m, std::initializer_list<std::string> args) {
  const std::string_view text = text_of(m, current);
  std::string out;
  auto arg = args.begin();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{}") == 0 && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string verdict_text(const std::string& verdict) {
  for (std::size_t i = static_cast<std::size_t>(msg::verdict_passed); i < table.size(); ++i) {
    if (table[i].en == verdict) return std::string(text_of(table[i].id, current));
  }
  return verdict;
}

std::string padded(const std::string& text, int width) {
  return text +
         std::string(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
}

}  // namespace workbook
