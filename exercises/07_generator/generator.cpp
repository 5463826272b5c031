// SPDX-License-Identifier: MIT
#include "generator.hpp"

#include "todo.hpp"

namespace exercise {

gort::recv_chan<long> generate(std::function<long()> next, gort::recv_chan<gort::signal> quit) {
  // TODO(exercise): make an unbuffered channel, start a goroutine that loops
  // forever computing next() and offering the value, and return the channel.
  // The goroutine must wait for a taker OR for quit, whichever comes first;
  // on quit it closes the channel and returns.
  workbook::todo("generate");
}

gort::recv_chan<long> count_from(long start, gort::recv_chan<gort::signal> quit) {
  // TODO(exercise): call generate() with a next() that counts up from start.
  workbook::todo("count_from");
}

std::vector<long> take(gort::recv_chan<long> ch, std::size_t n) {
  // TODO(exercise): receive up to n values; stop early if ch is closed.
  workbook::todo("take");
}

}  // namespace exercise
