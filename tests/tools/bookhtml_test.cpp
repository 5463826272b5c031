// SPDX-License-Identifier: MIT
// bookhtml's pages: how a book splits into pages with the same names in both
// editions, and how an example's two programs become two columns.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "site.hpp"

namespace {

using testing::HasSubstr;

TEST(Site, ChaptersAppendicesAndTheGlossaryKeepOneNameInBothEditions) {
  const auto en = bookhtml::split(
      "# Title\nfront\n## Getting started\na\n## Chapter 2: Channels\nb\n## Appendix A: "
      "Seeing\nc\n");
  ASSERT_EQ(en.pages.size(), 3U);
  EXPECT_EQ(en.title, "Title");
  EXPECT_EQ(en.front, "# Title\nfront\n");
  EXPECT_EQ(en.pages[0].slug, "getting-started");
  EXPECT_EQ(en.pages[1].slug, "chapter-2");
  EXPECT_EQ(en.pages[2].slug, "appendix-a");
  const auto zh =
      bookhtml::split("# 标题\n## 术语表\n## 快速上手\n## 第 2 章：通道\n## 附录 A：观察协程\n",
                      {"getting-started"});
  ASSERT_EQ(zh.pages.size(), 4U);
  EXPECT_EQ(zh.pages[0].slug, "glossary");
  EXPECT_EQ(zh.pages[1].slug, "getting-started");
  EXPECT_EQ(zh.pages[2].slug, "chapter-2");
  EXPECT_EQ(zh.pages[3].slug, "appendix-a");
}

TEST(Site, AGoTwinAndItsCppProgramBecomeTwoColumnsAndAnOutputPlainText) {
  const std::string markdown =
      "### 06 send_data — two goroutines talk\n\n"
      "<!-- include: chapters/channels/06_send_data/main.go -->\n```go\nfunc main() {}\n```\n"
      "*Left out here: the imports. The whole program is "
      "[main.go](chapters/channels/06_send_data/main.go).*\n"
      "<!-- end include -->\n\n"
      "<!-- include: chapters/channels/06_send_data/main.cpp -->\n```cpp\nint main() {}\n```\n<!-- "
      "end include -->\n\n"
      "It prints:\n\n<!-- include: chapters/channels/06_send_data/expected "
      "-->\n```text\nWashington <3>\n```\n"
      "<!-- end include -->\n";
  const auto page = bookhtml::render(markdown, bookhtml::english(), 1, ".");
  ASSERT_EQ(page.blocks.size(), 2U);
  EXPECT_EQ(page.blocks[0].language, "go");
  EXPECT_EQ(page.blocks[1].text, "int main() {}\n");
  EXPECT_THAT(
      page.html,
      HasSubstr("<div class=\"pair\"><div class=\"col go\"><div class=\"label\">Go · main.go</div>"
                "<pre class=\"code\">@@CODE 0@@</pre>"));
  EXPECT_THAT(page.html,
              HasSubstr("<div class=\"col cpp\"><div class=\"label\">C++ · main.cpp</div>"));
  EXPECT_THAT(page.html,
              HasSubstr("href=\"../files/chapters/channels/06_send_data/main.go.html\""));
  EXPECT_THAT(page.html, HasSubstr("<pre class=\"output\">Washington &lt;3&gt;&#10;</pre>"));
}

}  // namespace
