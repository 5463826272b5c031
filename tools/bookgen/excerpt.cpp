// SPDX-License-Identifier: MIT
// excerpt: the marked regions of a source file, and the flags it declares.
#include "excerpt.hpp"

#include <regex>
#include <sstream>

namespace bookgen {
namespace {

bool is_go(const std::string& file) { return file.ends_with(".go"); }

// marker() says which marker a line is: "begin", "end", or "" for code.
std::string marker(const std::string& line) {
  static const std::regex pattern(R"(^\s*// book:(begin|end)\s*$)");
  std::smatch m;
  return std::regex_match(line, m, pattern) ? m[1].str() : "";
}

std::string indentation(const std::string& line) {
  return line.substr(0, line.find_first_not_of(" \t"));
}

// joined() lists words as code: "`a`, `b` and `c`", or "`a`、`b` 和 `c`" in Chinese.
std::string joined(const std::vector<std::string>& words, language lang) {
  const std::string comma = lang == language::zh ? "、" : ", ";
  const std::string last = lang == language::zh ? " 和 " : " and ";
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? last : comma;
    out += "`" + words[i] + "`";
  }
  return out;
}

// note_for() is the line under an excerpt: what was left out, and the link.
std::string note_for(const std::string& file, const std::string& text, language lang) {
  const std::vector<std::string> flags = flags_of(file, text);
  const std::string name = file.substr(file.find_last_of('/') + 1);
  const std::string link = "[" + name + "](" + file + ")";
  if (lang == language::zh) {
    std::string left_out = is_go(file) ? "import 部分" : "#include 部分";
    if (!flags.empty()) left_out += "，以及参数 " + joined(flags, lang) + " 的解析";
    return "*此处略去：" + left_out + "。完整程序见 " + link + "。*\n";
  }
  std::string left_out = is_go(file) ? "the imports" : "the includes";
  if (!flags.empty()) {
    left_out +=
        (flags.size() == 1 ? " and the parsing of the flag " : " and the parsing of the flags ") +
        joined(flags, lang);
  }
  return "*Left out here: " + left_out + ". The whole program is " + link + ".*\n";
}

}  // namespace

excerpt excerpt_of(const std::string& file, const std::string& text, language lang) {
  std::istringstream lines(text);
  std::string line, shown;
  std::vector<std::string> regions;
  bool inside = false, marked = false;
  int number = 0, begun_at = 0;
  const auto fail = [&](const std::string& what) {
    throw excerpt_error(file + ":" + std::to_string(number) + ": " + what);
  };
  while (std::getline(lines, line)) {
    ++number;
    const std::string kind = marker(line);
    if (kind == "begin") {
      if (inside) fail("book:begin inside the region begun at line " + std::to_string(begun_at));
      inside = marked = true;
      begun_at = number;
    } else if (kind == "end") {
      if (!inside) fail("book:end without a book:begin");
      if (shown.empty()) fail("the region begun at line " + std::to_string(begun_at) + " is empty");
      regions.push_back(shown);
      shown.clear();
      inside = false;
    } else if (inside) {
      shown += line + "\n";
    }
  }
  if (inside) fail("the region begun at line " + std::to_string(begun_at) + " has no book:end");
  if (!marked) return {text.empty() || text.back() == '\n' ? text : text + "\n", ""};

  excerpt out;
  for (const std::string& region : regions) {
    if (!out.code.empty()) out.code += indentation(region) + "// …\n";
    out.code += region;
  }
  out.note = note_for(file, text, lang);
  return out;
}

std::vector<std::string> flags_of(const std::string& file, const std::string& text) {
  static const std::regex go_flag(R"re(flag\.[A-Z][A-Za-z0-9]*\((?:&\w+,\s*)?"([^"]+)")re");
  static const std::regex cpp_flag(
      R"re((?:add_option|add_flag|add_duration)\((?:\s*app\s*,)?\s*"(-[^"]+)")re");
  std::vector<std::string> flags;
  const std::regex& pattern = is_go(file) ? go_flag : cpp_flag;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    flags.push_back(is_go(file) ? "-" + (*it)[1].str() : (*it)[1].str());
  }
  return flags;
}

}  // namespace bookgen
