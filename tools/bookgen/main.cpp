// SPDX-License-Identifier: MIT
// bookgen: keeps the code in book.md equal to the real files. Between
//   <!-- include: chapters/channels/06_send_data/main.go -->
//   <!-- end include -->
// it writes a fenced code block holding that file, or the regions the file
// marks for the book and a line naming what was left out (excerpt.hpp).
// `bookgen --check` fails, naming the includes, when book.md is out of date;
// `bookgen --write` fixes it.
// Both fail when a picture book.md shows (![alt](path)) does not exist.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

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
  std::vector<std::string> stale;    // includes whose block differed
  std::vector<std::string> missing;  // includes naming files that do not exist
  std::vector<std::string> broken;   // misplaced markers, as "file:line: what"
};

// render() rebuilds every include block of book from the files under root.
rendered render(const std::string& book, const fs::path& root) {
  static const std::regex include(R"(<!-- include: ([^ ]+) -->\n([\s\S]*?)<!-- end include -->)");
  rendered out;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(book.begin(), book.end(), include); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    const std::string file = m[1];
    out.book.append(book, copied, static_cast<std::size_t>(m.position(0)) - copied);
    std::string block = m[2];
    if (!fs::exists(root / file)) {
      out.missing.push_back(file);
    } else {
      try {
        const bookgen::excerpt shown = bookgen::excerpt_of(file, read(root / file));
        const std::string fresh = "```" + language_of(file) + "\n" + shown.code + "```\n" + shown.note;
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

// missing_pictures() lists the pictures book.md shows (![alt](path)) that
// do not exist under root.
std::vector<std::string> missing_pictures(const std::string& book, const fs::path& root) {
  static const std::regex picture(R"(!\[[^\]]*\]\(([^)\s]+)\))");
  std::vector<std::string> missing;
  for (auto it = std::sregex_iterator(book.begin(), book.end(), picture); it != std::sregex_iterator();
       ++it) {
    if (!fs::exists(root / (*it)[1].str())) missing.push_back((*it)[1]);
  }
  return missing;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bookgen: fill book.md's code blocks from the project's files"};
  fs::path root = ".";
  bool write = false;
  bool check_only = false;
  app.add_option("--root", root, "the project folder holding book.md")->check(CLI::ExistingDirectory);
  auto* check = app.add_flag("--check", check_only, "fail if book.md is out of date (the default)");
  app.add_flag("--write", write, "rewrite book.md's include blocks")->excludes(check);
  CLI11_PARSE(app, argc, argv);

  const fs::path book_path = root / "book.md";
  if (!fs::exists(book_path)) {
    std::cerr << "bookgen: " << book_path.string() << " does not exist\n";
    return 2;
  }
  const std::string book = read(book_path);
  const rendered r = render(book, root);
  for (const auto& file : r.missing) std::cerr << "bookgen: book.md includes " << file << ", which does not exist\n";
  for (const auto& marker : r.broken) std::cerr << "bookgen: " << marker << "\n";
  const auto pictures = missing_pictures(book, root);
  for (const auto& file : pictures) {
    std::cerr << "bookgen: book.md shows " << file << ", which does not exist (scripts/timelines makes the timelines)\n";
  }
  if (!r.missing.empty() || !r.broken.empty() || !pictures.empty()) return 1;
  if (write) {
    std::ofstream(book_path, std::ios::binary) << r.book;
    std::cout << "bookgen: " << r.stale.size() << " code blocks updated\n";
    return 0;
  }
  for (const auto& file : r.stale) {
    std::cerr << "bookgen: book.md's copy of " << file << " is out of date\n";
  }
  if (!r.stale.empty()) {
    std::cerr << "bookgen: run `build/bin/bookgen --write` to update it\n";
    return 1;
  }
  std::cout << "bookgen: book.md is up to date\n";
  return 0;
}
