// SPDX-License-Identifier: MIT
// workbook's messages: every one has a Chinese text with the English one's
// placeholders, and the language follows --lang, then LC_ALL, LC_MESSAGES, LANG.
#include "messages.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace {

using workbook::language;
using workbook::msg;

int placeholders(std::string_view text) {
  int n = 0;
  for (auto at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) ++n;
  return n;
}

// has_chinese() is whether text holds a CJK character or full-width mark.
bool has_chinese(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xE3 && lead <= 0xE9) return true;  // U+3000..U+9FFF: CJK punctuation and ideographs
  }
  return false;
}

TEST(Messages, EveryMessageIsTranslatedWithTheSamePlaceholders) {
  for (int i = 0; i < static_cast<int>(msg::count); ++i) {
    const auto m = static_cast<msg>(i);
    const auto en = workbook::text_of(m, language::en);
    const auto zh = workbook::text_of(m, language::zh);
    EXPECT_TRUE(has_chinese(zh)) << "message " << i << " (" << en
                                 << ") has no Chinese text: " << zh;
    EXPECT_EQ(placeholders(en), placeholders(zh)) << en << " / " << zh;
  }
}

TEST(Messages, SayFillsThePlaceholdersInOrder) {
  workbook::set_language(language::zh);
  EXPECT_EQ(workbook::say(msg::state_tests_pass, {"2", "5"}), "通过 2/5 个测试");
  EXPECT_EQ(workbook::verdict_text("deadlock"), "死锁");
  EXPECT_EQ(workbook::verdict_text("something new"), "something new");
  workbook::set_language(language::en);
  EXPECT_EQ(workbook::say(msg::state_tests_pass, {"2", "5"}), "2/5 tests pass");
  EXPECT_EQ(workbook::verdict_text("deadlock"), "deadlock");
}

TEST(Messages, PaddingCountsAChineseCharacterAsTwoColumns) {
  EXPECT_EQ(workbook::padded("abc", 6), "abc   ");
  EXPECT_EQ(workbook::padded("未完成", 8), "未完成  ");
  EXPECT_EQ(workbook::padded("toolong", 3), "toolong");
}

TEST(Messages, TheFirstLocaleVariableSetDecides) {
  ::setenv("LANG", "zh_CN.UTF-8", 1);
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  EXPECT_EQ(workbook::language_of_environment(), language::zh);
  ::setenv("LC_MESSAGES", "en_US.UTF-8", 1);
  EXPECT_EQ(workbook::language_of_environment(), language::en);
  ::setenv("LC_ALL", "zh_TW.UTF-8", 1);
  EXPECT_EQ(workbook::language_of_environment(), language::zh);
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::unsetenv("LANG");
  EXPECT_EQ(workbook::language_of_environment(), language::en);
  EXPECT_THROW(workbook::language_named("fr"), std::invalid_argument);
}

}  // namespace
