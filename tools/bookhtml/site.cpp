// SPDX-License-Identifier: MIT
// site: a book's sections as HTML pages, its examples side by side.
#include "site.hpp"

#include <md4c-html.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "child_process.hpp"

namespace bookhtml {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string slugified(const std::string& title) {
  std::string slug;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// fixed_slug() is the slug a chapter, appendix or the glossary has in both
// editions; empty for any other section.
std::string fixed_slug(const std::string& title) {
  static const std::regex chapter(R"(^(?:Chapter |第 )([0-9]+).*)");
  static const std::regex appendix(R"(^(?:Appendix |附录 )([A-Z]).*)");
  std::smatch m;
  if (std::regex_match(title, m, chapter)) return "chapter-" + m[1].str();
  if (std::regex_match(title, m, appendix))
    return "appendix-" + std::string(1, static_cast<char>(std::tolower(m[1].str()[0])));
  if (title == "术语表") return "glossary";
  return "";
}

std::string up(int depth) {
  std::string path;
  for (int i = 0; i < depth; ++i) path += "../";
  return path;
}

// one_line() makes a raw HTML block of html: a block ends at a blank line, so
// the newlines inside <pre> become character references.
std::string one_line(std::string html) {
  std::string out;
  for (char c : html) out += c == '\n' ? std::string("&#10;") : std::string(1, c);
  return "\n\n" + out + "\n\n";
}

// inline_html() is md4c's HTML for one paragraph, without its <p> tags.
std::string inline_html(const std::string& markdown) {
  std::string html = markdown_to_html(markdown);
  while (!html.empty() && html.back() == '\n') html.pop_back();
  if (html.starts_with("<p>") && html.ends_with("</p>")) html = html.substr(3, html.size() - 7);
  return html;
}

// files_link() points a link to a project file at its page under files/.
std::string files_links(std::string html, int depth) {
  static const std::regex link(R"re(href="((?:chapters|exercises)/[^"#]+)")re");
  return std::regex_replace(html, link, "href=\"" + up(depth) + "files/$1.html\"");
}

struct include {
  std::string file, language, code, note;
  std::size_t begin = 0, end = 0;  // where it lies in the Markdown
};

std::vector<include> includes_of(const std::string& markdown) {
  static const std::regex block(
      R"(<!-- include: (\S+) -->\n```(\w+)\n([\s\S]*?)```\n(\*[^\n]*\*\n)?<!-- end include -->)");
  std::vector<include> found;
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), block);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    found.push_back({m[1], m[2], m[3], m[4], static_cast<std::size_t>(m.position(0)),
                     static_cast<std::size_t>(m.position(0) + m.length(0))});
  }
  return found;
}

// column() is one program of a pair, or a program on its own: its label, its
// code (a placeholder for the highlighted block) and the note under it.
std::string column(const include& in, int depth, rendered& out) {
  const std::string name = in.file.substr(in.file.find_last_of('/') + 1);
  const std::string language = in.language == "go" ? "Go" : "C++";
  std::string html = "<div class=\"col " + in.language + "\"><div class=\"label\">" + language +
                     " · " + escaped(name) + "</div><pre class=\"code\">@@CODE " +
                     std::to_string(out.blocks.size()) + "@@</pre>";
  out.blocks.push_back({in.language, in.code});
  if (!in.note.empty())
    html += "<p class=\"note\">" + files_links(inline_html(in.note), depth) + "</p>";
  return html + "</div>";
}

// with_code() replaces every include of the Markdown with HTML: a Go twin and
// the C++ program that follows it side by side, an output as plain text.
std::string with_code(const std::string& markdown, int depth, rendered& out) {
  const auto found = includes_of(markdown);
  std::string text;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const include& in = found[i];
    text.append(markdown, copied, in.begin - copied);
    const bool pair =
        in.file.ends_with("/main.go") && i + 1 < found.size() &&
        found[i + 1].file == in.file.substr(0, in.file.size() - 2) + "cpp" &&
        markdown.substr(in.end, found[i + 1].begin - in.end).find_first_not_of("\n ") ==
            std::string::npos;
    if (pair) {
      const std::string go = column(in, depth, out);  // first: the blocks are numbered in page order
      text += one_line("<div class=\"pair\">" + go + column(found[i + 1], depth, out) + "</div>");
      copied = found[++i].end;
    } else if (in.language == "go" || in.language == "cpp") {
      text += one_line("<div class=\"single\">" + column(in, depth, out) + "</div>");
      copied = in.end;
    } else {
      text += one_line("<pre class=\"output\">" + escaped(in.code) + "</pre>");
      copied = in.end;
    }
  }
  text.append(markdown, copied);
  return text;
}

// readme_parts() is an exercise README's task (between its title and its
// hints) and its numbered hints.
std::pair<std::string, std::vector<std::string>> readme_parts(const std::string& readme,
                                                              const std::string& heading) {
  std::istringstream in(readme);
  std::string task, line;
  std::vector<std::string> hints;
  std::getline(in, line);  // the title
  bool in_hints = false;
  static const std::regex numbered(R"(^[0-9]+\.\s+(.*)$)");
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) {
      in_hints = line == heading;
      continue;
    }
    std::smatch m;
    if (in_hints && std::regex_match(line, m, numbered)) hints.push_back(m[1]);
    if (!in_hints) task += line + "\n";
  }
  return {task, hints};
}

// with_exercises() adds, after each exercise's entry ("**NN name.**"), its
// README's task and its hints, folded until the reader opens them.
std::string with_exercises(const std::string& markdown, const words& w, const fs::path& root) {
  static const std::regex entry(R"(\n\*\*([0-9]{2}) ([a-z_]+)(?:\.|。)\*\*)");
  std::string text;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), entry);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const auto paragraph_end = markdown.find("\n\n", static_cast<std::size_t>(m.position(0)) + 1);
    const std::size_t end = paragraph_end == std::string::npos ? markdown.size() : paragraph_end;
    const fs::path dir = root / "exercises" / (m[1].str() + "_" + m[2].str());
    const bool chinese = w.lang == "zh";
    const auto [task, hints] = readme_parts(read(dir / (chinese ? "README.zh.md" : "README.md")),
                                            chinese ? "## 提示" : "## Hints");
    std::string details = "<div class=\"exercise\"><div class=\"task\"><p class=\"label\">" +
                          w.task + "</p>" + markdown_to_html(task) +
                          "</div><details class=\"hints\"><summary>" + w.hints + " (" +
                          std::to_string(hints.size()) + ")</summary><ol>";
    for (const auto& hint : hints) details += "<li>" + inline_html(hint) + "</li>";
    details += "</ol></details></div>";
    text.append(markdown, copied, end - copied);
    text += one_line(details);
    copied = end;
  }
  text.append(markdown, copied);
  return text;
}

void append(const MD_CHAR* text, MD_SIZE size, void* out) {
  static_cast<std::string*>(out)->append(text, size);
}

}  // namespace

words english() {
  return {"en",
          "Contents",
          "Previous",
          "Next",
          "中文",
          "Hints",
          "The task, as the exercise's README states it",
          "The whole file",
          "Go's Concurrency in C++: a Workbook"};
}

words chinese() {
  return {"zh",
          "目录",
          "上一页",
          "下一页",
          "English",
          "提示",
          "练习的 README 中的完整任务",
          "完整文件",
          "Go 的并发，用 C++ 来学：一本练习册"};
}

book split(const std::string& markdown, const std::vector<std::string>& slugs_of) {
  book out;
  std::istringstream in(markdown);
  std::size_t others = 0;  // sections that are not chapters, appendices or the glossary
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# ") && out.title.empty()) {
      out.title = line.substr(2);
    } else if (line.starts_with("## ")) {
      const std::string title = line.substr(3);
      std::string slug = fixed_slug(title);
      if (slug.empty()) slug = others < slugs_of.size() ? slugs_of[others] : slugified(title);
      if (fixed_slug(title).empty()) ++others;
      out.pages.push_back({slug, title, ""});
    }
    (out.pages.empty() ? out.front : out.pages.back().markdown) += line + "\n";
  }
  return out;
}

rendered render(const std::string& markdown, const words& w, int depth, const fs::path& root) {
  rendered out;
  const std::string text = with_exercises(with_code(markdown, depth, out), w, root);
  static const std::regex picture(R"re(src="(book/[^"]+)")re");
  out.html = std::regex_replace(markdown_to_html(text), picture, "src=\"" + up(depth) + "$1\"");
  return out;
}

std::vector<std::string> highlighted(const std::vector<code>& blocks, const std::string& python,
                                     const fs::path& helper) {
  nlohmann::json request = nlohmann::json::array();
  for (const auto& block : blocks)
    request.push_back({{"language", block.language}, {"code", block.text}});
  const fs::path in =
      fs::temp_directory_path() / ("bookhtml-" + std::to_string(::getpid()) + "-in.json");
  const fs::path out =
      fs::temp_directory_path() / ("bookhtml-" + std::to_string(::getpid()) + "-out.json");
  std::ofstream(in) << request.dump();
  const auto run = gort_test::run_child(python, {helper.string(), in.string(), out.string()}, 300s);
  fs::remove(in);
  if (run.exit_code != 0)
    throw std::runtime_error("Pygments failed (python3-pygments installed?): " + run.err);
  const nlohmann::json answer = nlohmann::json::parse(read(out));
  fs::remove(out);
  std::vector<std::string> html = answer.at("blocks").get<std::vector<std::string>>();
  html.push_back(answer.at("css").get<std::string>());
  return html;
}

std::string markdown_to_html(const std::string& markdown) {
  std::string html;
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &html, MD_DIALECT_GITHUB,
          0);
  return html;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace bookhtml
