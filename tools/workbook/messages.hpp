// SPDX-License-Identifier: MIT
// messages: everything workbook tells a learner, in English and in Chinese.
// The language comes from --lang, else from LC_ALL, LC_MESSAGES or LANG (the
// first that is set, as POSIX orders them): one starting with "zh" is Chinese.
// What a program prints (a panic, Go's deadlock message, a compiler error)
// stays as it was printed, in both languages: it is what a learner searches for.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace workbook {

enum class language { en, zh };

// language_named() is "en" or "zh" as a language; throws std::invalid_argument otherwise.
language language_named(std::string_view name);

// language_of_environment() is the language LC_ALL, LC_MESSAGES or LANG asks
// for: Chinese when the first of them that is set starts with "zh".
language language_of_environment();

// set_language() chooses the language of every say() from now on (default English).
void set_language(language lang);
language current_language();

// msg names one message. Its text may hold "{}" placeholders, filled in order.
enum class msg {
  no_such_exercise,
  no_such_example,
  no_exercises_folder,
  state_not_checked,
  state_done,
  state_tests_pass,
  list_chapter,
  offer_hint,
  checking,
  does_not_compile,
  tests_pass,
  not_run_after_failure,
  sentence_end,
  first_problem,
  exercise_done,
  next_exercise,
  no_hints,
  hint_line,
  last_hint,
  watching,
  all_done,
  grade_number,
  grade_exercise,
  grade_chapter,
  grade_tests,
  grade_points,
  grade_state,
  grade_state_does_not_compile,
  grade_state_done,
  grade_state_to_do,
  grade_summary,
  points_written,
  setting_up_build,
  configure_failed,
  detail_data_race,
  detail_hung,
  detail_crashed,
  detail_skipped,
  detail_ended_process,
  detail_not_run_yet,
  not_in_your_code,
  verdict_passed,
  verdict_wrong_result,
  verdict_leaked_goroutine,
  verdict_deadlock,
  verdict_too_slow,
  verdict_panicked,
  verdict_crashed,
  verdict_not_written_yet,
  verdict_ended_process,
  verdict_data_race,
  verdict_tsan_report,
  verdict_hung,
  verdict_skipped,
  verdict_not_run_yet,
  verdict_did_not_build,
  count  // not a message: how many there are
};

// text_of() is the text of m in lang, placeholders and all.
std::string_view text_of(msg m, language lang);

// say() is m in the current language, its placeholders filled with args in order.
std::string say(msg m, std::initializer_list<std::string> args = {});

// verdict_text() is how the current language says a verdict of judge()
// ("deadlock", "wrong result", …); an unknown verdict is returned as it is.
std::string verdict_text(const std::string& verdict);

// padded() is text followed by spaces up to width terminal columns (a Chinese
// character takes two), for the columns of `workbook grade` and `list`.
std::string padded(const std::string& text, int width);

}  // namespace workbook
