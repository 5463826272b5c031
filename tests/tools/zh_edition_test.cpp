// SPDX-License-Identifier: MIT
// The Chinese edition holds to its glossary: the course text's terms and
// headings, no other word for channel, full-width punctuation in prose, and
// the programs' own messages kept in English. It reads book.zh.md, README.zh.md
// and every README.zh.md of exercises/ and solutions/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = PROJECT_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// chinese_files() is every file of the Chinese edition, relative to the root.
std::vector<std::string> chinese_files() {
  std::vector<std::string> files{"book.zh.md", "README.zh.md", "exercises/README.zh.md"};
  if (fs::exists(kRoot / "solutions"))
    files.push_back("solutions/README.zh.md");  // not in a student's repository
  for (const auto& entry : fs::directory_iterator(kRoot / "exercises")) {
    if (entry.is_directory())
      files.push_back("exercises/" + entry.path().filename().string() + "/README.zh.md");
  }
  return files;
}

std::u32string decoded(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out += code;
    i += length;
  }
  return out;
}

bool is_han(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// prose_lines() is each line of a Markdown file outside code fences and
// comments, with its inline code, link targets and “quotations” (the course
// text's own words, half-width marks and all) blanked out.
std::vector<std::pair<int, std::u32string>> prose_lines(const std::string& text) {
  std::vector<std::pair<int, std::u32string>> lines;
  std::istringstream in(text);
  bool fenced = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.starts_with("```")) fenced = !fenced;
    if (fenced || line.starts_with("```") || line.starts_with("<!--")) continue;
    std::u32string prose;
    char32_t closing = 0;
    for (char32_t c : decoded(line)) {
      if (closing != 0) {
        if (c == closing) closing = 0;
        prose += U' ';
      } else if (c == U'`' || c == U'“') {
        closing = c == U'`' ? U'`' : U'”';
        prose += U' ';
      } else if (c == U'(' && !prose.empty() && prose.back() == U']') {
        closing = U')';
      } else {
        prose += c;
      }
    }
    lines.emplace_back(number, prose);
  }
  return lines;
}

std::string utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

TEST(ChineseEdition, EveryPartExists) {
  for (const auto& file : chinese_files()) EXPECT_TRUE(fs::exists(kRoot / file)) << file;
  EXPECT_GE(chinese_files().size(), 3U + 23U) << "a README.zh.md for each of the 23 exercises";
}

TEST(ChineseEdition, ProseUsesFullWidthPunctuationBesideChinese) {
  const std::u32string half_width = U",;:?!()";
  for (const auto& file : chinese_files()) {
    int reported = 0;
    for (const auto& [number, line] : prose_lines(read(kRoot / file))) {
      for (std::size_t i = 0; i + 1 < line.size() && reported < 5; ++i) {
        const bool mark_after_han =
            is_han(line[i]) && half_width.find(line[i + 1]) != std::u32string::npos;
        const bool mark_before_han =
            half_width.find(line[i]) != std::u32string::npos && is_han(line[i + 1]);
        const bool period_after_han =
            is_han(line[i]) && line[i + 1] == U'.' && (i + 2 == line.size() || line[i + 2] == U' ');
        if (mark_after_han || mark_before_han || period_after_han) {
          ADD_FAILURE() << file << ":" << number << ": half-width mark beside Chinese: "
                        << utf8(line.substr(i >= 8 ? i - 8 : 0, 20));
          ++reported;
        }
      }
    }
  }
}

TEST(ChineseEdition, ChannelIsAlways通道) {
  // 信道 and 频道 are other books' words for channel, Go例程 for goroutine;
  // 管道 is a pipe, and is
  // used only in the pattern's name 管道-过滤器 and in the course text's own
  // 管道和选择器 (whose 选择器 the edition corrects).
  for (const auto& file : chinese_files()) {
    for (const auto& [number, line] : prose_lines(read(kRoot / file))) {
      const std::string text = utf8(line);
      for (const char* banned : {"信道", "频道", "Go例程"}) {
        EXPECT_EQ(text.find(banned), std::string::npos) << file << ":" << number << ": " << banned;
      }
      for (auto at = text.find("管道"); at != std::string::npos; at = text.find("管道", at + 1)) {
        const auto is = [&](std::string_view name) {
          return text.compare(at, name.size(), name) == 0;
        };
        const bool allowed = is("管道-过滤器") || is("管道和选择器");
        EXPECT_TRUE(allowed) << file << ":" << number
                             << ": 管道 for something else than the pattern";
      }
    }
  }
}

TEST(ChineseEdition, TheBookOpensWithTheGlossaryAndTheMotto) {
  const std::string book = read(kRoot / "book.zh.md");
  const auto glossary = book.find("\n## 术语表\n");
  ASSERT_NE(glossary, std::string::npos);
  EXPECT_LT(glossary, book.find("\n## 第 1 章：协程\n"));
  EXPECT_THAT(book, testing::HasSubstr("不要通过共享内存来通信，而通过通信来共享内存。"));
  const std::string table = book.substr(glossary, book.find("\n## ", glossary + 1) - glossary);
  for (const char* term :
       {"协程",       "纤程",         "通道",         "带缓冲的通道", "无缓冲通道", "死锁",
        "竞态",       "数据竞争",     "计时器",       "定时器",       "信号量模式", "通道工厂",
        "通道迭代",   "生产者消费者", "管道-过滤器",  "选择器",       "后台服务",   "简单超时",
        "惰性生成器", "Futures",      "Master/Worker"}) {
    EXPECT_THAT(table, testing::HasSubstr(term)) << "the glossary lacks " << term;
  }
}

TEST(ChineseEdition, TheChaptersCarryTheCourseTextsHeadings) {
  const std::string book = read(kRoot / "book.zh.md");
  for (const char* heading :
       {"\n## 第 1 章：协程\n", "\n## 第 2 章：通道\n", "\n## 第 3 章：使用 select 切换协程\n",
        "\n## 第 4 章：定时和计时器\n", "\n## 第 5 章：加锁和通道模式\n", "\n## 附录 A：观察协程\n",
        "\n## 附录 B：gort 有多快？\n"}) {
    EXPECT_THAT(book, testing::HasSubstr(heading));
  }
  for (const char* section :
       {"通信操作符 <-", "通道阻塞", "死锁", "带缓冲的通道", "信号量模式", "通道的方向", "关闭通道",
        "计时器（Ticker）", "定时器（Timer）", "惰性生成器的实现", "实现 Futures 模式"}) {
    EXPECT_THAT(book, testing::ContainsRegex("\n### [^\n]*" + std::string(section)))
        << "no heading names the course text's section " << section;
  }
}

TEST(ChineseEdition, HasEveryExampleAndSectionOfTheEnglishBook) {
  const std::string en = read(kRoot / "book.md");
  // The glossary is the Chinese edition's own section, with its own table.
  std::string zh = read(kRoot / "book.zh.md");
  const auto glossary = zh.find("\n## 术语表\n");
  ASSERT_NE(glossary, std::string::npos);
  zh.erase(glossary, zh.find("\n## ", glossary + 1) - glossary);
  const auto count = [](const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(zh, "\n## "), count(en, "\n## ")) << "chapters and appendices";
  EXPECT_EQ(count(zh, "\n### "), count(en, "\n### ")) << "sections";
  EXPECT_EQ(count(zh, "\n| "), count(en, "\n| ")) << "table rows";
  EXPECT_EQ(count(zh, "!["), count(en, "![")) << "pictures";
  for (int n = 1; n <= 30; ++n) {
    const std::string number = (n < 10 ? "0" : "") + std::to_string(n);
    EXPECT_EQ(count(zh, "\n### " + number + " "), 1) << "example " << number;
  }
}

TEST(ChineseEdition, KeepsWhatTheProgramsPrintInEnglish) {
  const std::string zh = read(kRoot / "book.zh.md");
  for (const char* message :
       {"fatal error: all goroutines are asleep - deadlock!", "panic: send on closed channel",
        "WARNING: ThreadSanitizer: data race"}) {
    EXPECT_THAT(zh, testing::HasSubstr(message));
  }
}

}  // namespace
