// SPDX-License-Identifier: MIT
// bookgen: keeps the code in book.md and book.zh.md equal to the real files.
// Between
//   <!-- include: chapters/channels/06_send_data/main.go -->
//   <!-- end include -->
// it writes a fenced code block holding that file, or the regions the file
// marks for the book and a line, in the book's language, naming what was left
// out (excerpt.hpp). `bookgen --check` fails, naming the includes, when a book
// is out of date; `bookgen --write` fixes it. Both fail when a picture a book
// shows (![alt](path)) does not exist, and when the Chinese edition does not
// include the same files, in the same order, as the English one.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "excerpt.hpp"

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string language_of(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".go") return "go";
  if (ext == ".cpp" || ext == ".hpp") return "cpp";
  if (ext == ".md") return "markdown";
  return "text";
}

struct rendered {
  std::string book;
  std::vector<std::string> included;  // every include's file, in order
  std::vector<std::string> stale;     // includes whose block differed
  std::vector<std::string> missing;   // includes naming files that do not exist
  std::vector<std::string> broken;    // misplaced markers, as "file:line: what"
};

// render() rebuilds every include block of book from the files under root.
rendered render(const std::string& book, const fs::path& root, bookgen::language lang) {
  static const std::regex include(R"(<!-- include: ([^ ]+) -->\n([\s\S]*?)<!-- end include -->)");
  rendered out;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(book.begin(), book.end(), include);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const std::string file = m[1];
    out.included.push_back(file);
    out.book.append(book, copied, static_cast<std::size_t>(m.position(0)) - copied);
    std::string block = m[2];
    if (!fs::exists(root / file)) {
      out.missing.push_back(file);
    } else {
      try {
        const bookgen::excerpt shown = bookgen::excerpt_of(file, read(root / file), lang);
        const std::string fresh =
            "```" + language_of(file) + "\n" + shown.code + "```\n" + shown.note;
        if (fresh != block) out.stale.push_back(file);
        block = fresh;
      } catch (const bookgen::excerpt_error& e) {
        out.broken.push_back(e.what());
      }
    }
    out.book += "<!-- include: " + file + " -->\n" + block + "<!-- end include -->";
    copied = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  out.book.append(book, copied);
  return out;
}

// missing_pictures() lists the pictures a book shows (![alt](path)) that
// do not exist under root.
std::vector<std::string> missing_pictures(const std::string& book, const fs::path& root) {
  static const std::regex picture(R"(!\[[^\]]*\]\(([^)\s]+)\))");
  std::vector<std::string> missing;
  for (auto it = std::sregex_iterator(book.begin(), book.end(), picture);
       it != std::sregex_iterator(); ++it) {
    if (!fs::exists(root / (*it)[1].str())) missing.push_back((*it)[1]);
  }
  return missing;
}

// book is one edition: its file and its language.
struct book {
  std::string name;
  bookgen::language lang;
};

// update() checks one book, or rewrites it with write; returns whether it is
// (now) up to date, and the files it includes.
bool update(const book& edition, const fs::path& root, bool write,
            std::vector<std::string>& included) {
  const fs::path path = root / edition.name;
  const std::string text = read(path);
  const rendered r = render(text, root, edition.lang);
  included = r.included;
  const std::string& name = edition.name;
  for (const auto& file : r.missing)
    std::cerr << "bookgen: " << name << " includes " << file << ", which does not exist\n";
  for (const auto& marker : r.broken) std::cerr << "bookgen: " << marker << "\n";
  const auto pictures = missing_pictures(text, root);
  for (const auto& file : pictures) {
    std::cerr << "bookgen: " << name << " shows " << file
              << ", which does not exist (scripts/timelines makes the timelines)\n";
  }
  if (!r.missing.empty() || !r.broken.empty() || !pictures.empty()) return false;
  if (write) {
    std::ofstream(path, std::ios::binary) << r.book;
    std::cout << "bookgen: " << name << ": " << r.stale.size() << " code blocks updated\n";
    return true;
  }
  for (const auto& file : r.stale)
    std::cerr << "bookgen: " << name << "'s copy of " << file << " is out of date\n";
  if (!r.stale.empty()) {
    std::cerr << "bookgen: run `build/bin/bookgen --write` to update it\n";
    return false;
  }
  std::cout << "bookgen: " << name << " is up to date\n";
  return true;
}

// same_includes() says where the Chinese edition's includes part from the
// English ones: both books show the same code, block for block.
bool same_includes(const std::vector<std::string>& en, const std::vector<std::string>& zh) {
  for (std::size_t i = 0; i < std::max(en.size(), zh.size()); ++i) {
    const std::string a = i < en.size() ? en[i] : "(nothing)";
    const std::string b = i < zh.size() ? zh[i] : "(nothing)";
    if (a != b) {
      std::cerr << "bookgen: include " << i + 1 << " is " << a << " in book.md but " << b
                << " in book.zh.md\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bookgen: fill book.md's and book.zh.md's code blocks from the project's files"};
  fs::path root = ".";
  bool write = false;
  bool check_only = false;
  app.add_option("--root", root, "the project folder holding book.md")
      ->check(CLI::ExistingDirectory);
  auto* check = app.add_flag("--check", check_only, "fail if a book is out of date (the default)");
  app.add_flag("--write", write, "rewrite the books' include blocks")->excludes(check);
  CLI11_PARSE(app, argc, argv);

  if (!fs::exists(root / "book.md")) {
    std::cerr << "bookgen: " << (root / "book.md").string() << " does not exist\n";
    return 2;
  }
  std::vector<std::string> en, zh;
  bool ok = update({"book.md", bookgen::language::en}, root, write, en);
  if (fs::exists(root / "book.zh.md")) {
    ok = update({"book.zh.md", bookgen::language::zh}, root, write, zh) && ok;
    ok = same_includes(en, zh) && ok;
  }
  return ok ? 0 : 1;
}
