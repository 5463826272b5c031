// SPDX-License-Identifier: MIT
// bookgen's excerpts: which lines of a file book.md shows, what it says it left
// out, and how it reports a misplaced marker.
#include <gtest/gtest.h>

#include "excerpt.hpp"

namespace {

using bookgen::excerpt_of;
using bookgen::flags_of;

const char* const go_program = R"(// SPDX-License-Identifier: MIT
package main

import "flag"

// book:begin
func work(n int) int { return n * 2 }

func main() {
// book:end
	n := flag.Int("n", 3, "how many")
	flag.IntVar(&size, "size", 8, "how big")
	flag.Parse()
	// book:begin
	println(work(*n))
}
// book:end
)";

TEST(Excerpt, ShowsTheMarkedRegionsJoinedByAnElisionAtTheNextLinesIndent) {
  const auto shown = excerpt_of("chapters/x/01_x/main.go", go_program);
  EXPECT_EQ(shown.code,
            "func work(n int) int { return n * 2 }\n"
            "\n"
            "func main() {\n"
            "\t// …\n"
            "\tprintln(work(*n))\n"
            "}\n");
}

TEST(Excerpt, NamesTheFlagsItLeftOutAndLinksTheWholeFile) {
  EXPECT_EQ(excerpt_of("chapters/x/01_x/main.go", go_program).note,
            "*Left out here: the imports and the parsing of the flags `-n` and `-size`. "
            "The whole program is [main.go](chapters/x/01_x/main.go).*\n");
}

TEST(Excerpt, WritesTheNoteInTheChineseEditionsLanguage) {
  EXPECT_EQ(excerpt_of("chapters/x/01_x/main.go", go_program, bookgen::language::zh).note,
            "*此处略去：import 部分，以及参数 `-n` 和 `-size` 的解析。"
            "完整程序见 [main.go](chapters/x/01_x/main.go)。*\n");
  EXPECT_EQ(excerpt_of("chapters/x/01_x/main.cpp", "// book:begin\nint main() {}\n// book:end\n",
                       bookgen::language::zh)
                .note,
            "*此处略去：#include 部分。完整程序见 [main.cpp](chapters/x/01_x/main.cpp)。*\n");
}

TEST(Excerpt, ShowsAFileWithoutMarkersWhole) {
  const auto shown = excerpt_of("chapters/x/01_x/expected", "one\ntwo");
  EXPECT_EQ(shown.code, "one\ntwo\n");
  EXPECT_EQ(shown.note, "");
}

TEST(Excerpt, ReportsEachMisplacedMarkerWithItsLine) {
  const std::string file = "chapters/x/01_x/main.cpp";
  const auto message_of = [&](const std::string& text) {
    try {
      excerpt_of(file, text);
    } catch (const bookgen::excerpt_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message_of("a\n// book:end\n"), file + ":2: book:end without a book:begin");
  EXPECT_EQ(message_of("// book:begin\na\n  // book:begin\n"),
            file + ":3: book:begin inside the region begun at line 1");
  EXPECT_EQ(message_of("// book:begin\na\n"),
            file + ":2: the region begun at line 1 has no book:end");
  EXPECT_EQ(message_of("// book:begin\n// book:end\n"),
            file + ":2: the region begun at line 1 is empty");
}

TEST(Flags, ReadsCli11OptionsFlagsAndTheExamplesDurations) {
  const std::string text = R"(
  app.add_option("--count", count, "how many");
  app.add_flag("--yield", yield, "call yield");
  workbook::add_duration(app, "--interval", interval, "how often")
  app.add_option("-n", n, "a number");
)";
  EXPECT_EQ(flags_of("main.cpp", text),
            (std::vector<std::string>{"--count", "--yield", "--interval", "-n"}));
}

TEST(Flags, ReadsGoFlagsWithAndWithoutVar) {
  EXPECT_EQ(flags_of("main.go", go_program), (std::vector<std::string>{"-n", "-size"}));
}

}  // namespace
