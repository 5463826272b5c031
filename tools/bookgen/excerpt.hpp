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

struct excerpt {
  std::string code;  // the lines shown, each ending in '\n'
  std::string note;  // the line under the block; empty when the file is shown whole
};

// excerpt_of() cuts what book.md shows of file (its path as book.md names it)
// out of its text; throws excerpt_error on a `book:end` without a
// `book:begin`, a `book:begin` inside a region, an unclosed region or an empty one.
excerpt excerpt_of(const std::string& file, const std::string& text);

// flags_of() lists the command-line flags a Go (flag.Int("n", …)) or C++
// (CLI11's add_option("--n", …) and the examples' add_duration) program
// declares, as a user types them, in the order they are declared.
std::vector<std::string> flags_of(const std::string& file, const std::string& text);

}  // namespace bookgen
