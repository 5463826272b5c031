// SPDX-License-Identifier: MIT
// excerpt: what book.md shows of a source file. A file may mark the lines the
// book shows between `// book:begin` and `// book:end` lines; then the book
// shows only those regions, joins them with a `// …` line, and says under the
// block which flags it left out and where the whole file is. A file without
// markers is shown whole.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace bookgen {

// excerpt_error is a misplaced marker, with the file and line in its message.
struct excerpt_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// language is the book's: the note under an excerpt is written in it.
enum class language { en, zh };

struct excerpt {
  std::string code;  // the lines shown, each ending in '\n'
  std::string note;  // the line under the block; empty when the file is shown whole
};

// excerpt_of() cuts what a book in lang shows of file (its path as the book
// names it) out of its text; throws excerpt_error on a `book:end` without a
// `book:begin`, a `book:begin` inside a region, an unclosed region or an empty one.
excerpt excerpt_of(const std::string& file, const std::string& text, language lang = language::en);

// flags_of() lists the command-line flags a Go (flag.Int("n", …)) or C++
// (CLI11's add_option("--n", …) and the examples' add_duration) program
// declares, as a user types them, in the order they are declared.
std::vector<std::string> flags_of(const std::string& file, const std::string& text);

}  // namespace bookgen
