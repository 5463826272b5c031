// SPDX-License-Identifier: MIT
// bookhtml: the course as an offline web site. From book.md and book.zh.md it
// writes OUT/index.html and one page per chapter and appendix, the same under
// OUT/zh/, a page per program under OUT/files/, and OUT/print.html and
// OUT/zh/print.html (the whole book on one page, for the PDF). Markdown goes
// through md4c, code through Pygments; the pages need no JavaScript and fetch
// nothing: the style sheet, the timelines and the fonts are local.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "site.hpp"

namespace {

namespace fs = std::filesystem;
using namespace bookhtml;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// edition is one book and where its pages go.
struct edition {
  words w;
  bookhtml::book book;
  std::string folder;  // "" or "zh/"
  int depth = 0;
  std::vector<rendered> pages;
  rendered front;
};

std::string up(int depth) { return depth == 0 ? "" : "../"; }

// frame() wraps a page's body: the navigation, the language switch, the style sheet.
std::string frame(const edition& e, const std::string& title, const std::string& body,
                  const std::string& nav, const std::string& other_page) {
  return "<!DOCTYPE html>\n<html lang=\"" + e.w.lang + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escaped(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + up(e.depth) +
         "book.css\">\n</head>\n<body>\n<header><nav>" + nav + "<a class=\"language\" href=\"" +
         other_page + "\">" + e.w.other_language + "</a></nav></header>\n" + "<main>\n" + body +
         "</main>\n</body>\n</html>\n";
}

std::string link(const std::string& href, const std::string& text) {
  return "<a href=\"" + href + "\">" + escaped(text) + "</a> ";
}

// filled() puts the highlighted code in place of a page's placeholders.
std::string filled(const rendered& r, const std::vector<std::string>& html, std::size_t first) {
  static const std::regex placeholder(R"(@@CODE ([0-9]+)@@)");
  std::string out;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(r.html.begin(), r.html.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    out.append(r.html, copied, static_cast<std::size_t>(it->position(0)) - copied);
    out += html.at(first + std::stoul((*it)[1]));
    copied = static_cast<std::size_t>(it->position(0) + it->length(0));
  }
  return out + r.html.substr(copied);
}

void write_edition(const edition& e, const edition& other, const fs::path& out,
                   const std::vector<std::string>& html, std::size_t& next_block) {
  const fs::path dir = out / e.folder;
  const std::string other_root = e.depth == 0 ? other.folder : "../";
  // Each page's code comes in the order it was rendered: the front, then the pages.
  std::string contents = "<ol class=\"contents\">";
  for (const auto& p : e.book.pages) contents += "<li>" + link(p.slug + ".html", p.title) + "</li>";
  contents += "</ol>";
  const std::string front = filled(e.front, html, next_block);
  next_block += e.front.blocks.size();
  write(dir / "index.html",
        frame(e, e.book.title, front + "<h2>" + e.w.contents + "</h2>" + contents, "",
              other_root + "index.html"));
  std::string print = "<h1>" + escaped(e.book.title) + "</h1>" + front;
  for (std::size_t i = 0; i < e.book.pages.size(); ++i) {
    const page& p = e.book.pages[i];
    const std::string body = filled(e.pages[i], html, next_block);
    next_block += e.pages[i].blocks.size();
    std::string nav = link("index.html", e.w.contents);
    if (i > 0) nav += link(e.book.pages[i - 1].slug + ".html", "← " + e.w.previous);
    if (i + 1 < e.book.pages.size())
      nav += link(e.book.pages[i + 1].slug + ".html", e.w.next + " →");
    const bool twin = std::any_of(other.book.pages.begin(), other.book.pages.end(),
                                  [&](const page& q) { return q.slug == p.slug; });
    write(dir / (p.slug + ".html"),
          frame(e, p.title, body, nav, other_root + (twin ? p.slug : "index") + ".html"));
    print += body;
  }
  write(dir / "print.html", frame(e, e.w.print_title, print, "", other_root + "print.html"));
}

// program_files() is every program a book shows in part, which gets a page of its own.
std::set<std::string> program_files(const std::string& markdown) {
  static const std::regex include(R"(<!-- include: (\S+\.(?:go|cpp)) -->)");
  std::set<std::string> files;
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), include);
       it != std::sregex_iterator(); ++it) {
    files.insert((*it)[1]);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bookhtml: the course as an offline web site, in English and Chinese"};
  fs::path root = ".";
  fs::path out;
  app.add_option("--root", root, "the project folder holding book.md and book.zh.md")
      ->check(CLI::ExistingDirectory);
  app.add_option("--out", out, "the folder to write the site into")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    const std::string en_text = read(root / "book.md");
    const std::string zh_text = read(root / "book.zh.md");
    edition en{english(), split(en_text), "", 0, {}, {}};
    std::vector<std::string>
        slugs;  // the English sections that are not chapters or appendices, in order
    for (const auto& p : en.book.pages) {
      if (!p.slug.starts_with("chapter-") && !p.slug.starts_with("appendix-"))
        slugs.push_back(p.slug);
    }
    edition zh{chinese(), split(zh_text, slugs), "zh/", 1, {}, {}};

    std::vector<code> blocks;
    for (edition* e : {&en, &zh}) {
      e->front = render(e->book.front.substr(e->book.front.find('\n') + 1), e->w, e->depth, root);
      blocks.insert(blocks.end(), e->front.blocks.begin(), e->front.blocks.end());
      for (const auto& p : e->book.pages) {
        e->pages.push_back(render(p.markdown, e->w, e->depth, root));
        blocks.insert(blocks.end(), e->pages.back().blocks.begin(), e->pages.back().blocks.end());
      }
    }
    const std::set<std::string> programs = program_files(en_text);
    for (const auto& file : programs)
      blocks.push_back({file.ends_with(".go") ? "go" : "cpp", read(root / file)});

    const std::vector<std::string> html =
        highlighted(blocks, BOOKHTML_PYTHON, fs::path(BOOKHTML_HIGHLIGHTER));
    std::size_t next_block = 0;
    write_edition(en, zh, out, html, next_block);
    write_edition(zh, en, out, html, next_block);
    for (const auto& file : programs) {
      const std::string body =
          "<h1>" + escaped(file) + "</h1><pre class=\"code\">" + html.at(next_block++) + "</pre>";
      const int depth = static_cast<int>(std::count(file.begin(), file.end(), '/')) + 1;
      std::string back;
      for (int i = 0; i < depth; ++i) back += "../";
      write(out / "files" / (file + ".html"),
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                escaped(file) + "</title>\n<link rel=\"stylesheet\" href=\"" + back +
                "book.css\">\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n");
    }
    write(out / "book.css", read(fs::path(BOOKHTML_STYLE)) + html.back());
    fs::create_directories(out / "book");
    fs::copy(root / "book", out / "book",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::cout << "bookhtml: wrote " << (en.book.pages.size() + zh.book.pages.size() + 2)
              << " pages, " << programs.size() << " program pages and their style sheet into "
              << out.string() << "\n";
  } catch (const std::exception& error) {
    std::cerr << "bookhtml: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
