// SPDX-License-Identifier: MIT
// site: the course's books as web pages. A book splits into an index (its
// title and opening) and one page per "## " section; each page's Markdown
// becomes HTML through md4c, with every example's Go twin and C++ program
// side by side and each exercise's task and (folded) hints from its README.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace bookhtml {

// words are what an edition's pages say around the book's own text.
struct words {
  std::string lang;  // "en" or "zh", the pages' lang attribute
  std::string contents, previous, next, other_language, hints, task, whole_file, print_title;
};

words english();
words chinese();

struct page {
  std::string slug;      // its file name without .html: "chapter-2", "appendix-a", …
  std::string title;     // the heading's text
  std::string markdown;  // the section, heading included
};

struct book {
  std::string title;  // the "# " line's text
  std::string front;  // what comes before the first "## " section
  std::vector<page> pages;
};

// split() cuts a book's Markdown into its front matter and sections. The
// slug of "Chapter N" / "第 N 章" is chapter-N, of "Appendix X" / "附录 X"
// appendix-x, of 术语表 glossary; any other takes the slug of the section at
// its place in slugs_of (the English book's), or of its own English title.
book split(const std::string& markdown, const std::vector<std::string>& slugs_of = {});

// code is one block to highlight: a language Pygments knows and its text.
struct code {
  std::string language;
  std::string text;
};

// rendered is a page's body, with "@@CODE n@@" where highlighted block n of
// blocks goes once Pygments has done them all (highlight()).
struct rendered {
  std::string html;
  std::vector<code> blocks;
};

// render() turns a section's Markdown into HTML for an edition whose pages
// lie at depth folders below the site's root (0 for English, 1 for zh/);
// root is the project folder, for the exercises' READMEs.
rendered render(const std::string& markdown, const words& w, int depth,
                const std::filesystem::path& root);

// highlighted() runs Pygments once over every block, through python and
// tools/bookhtml/highlight.py, and returns their HTML and, last, the style
// sheet for them.
std::vector<std::string> highlighted(const std::vector<code>& blocks, const std::string& python,
                                     const std::filesystem::path& helper);

// markdown_to_html() is md4c's HTML for a piece of Markdown, GitHub dialect.
std::string markdown_to_html(const std::string& markdown);

std::string escaped(const std::string& text);

}  // namespace bookhtml
