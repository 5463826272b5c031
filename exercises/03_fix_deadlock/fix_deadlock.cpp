// SPDX-License-Identifier: MIT
#include "fix_deadlock.hpp"

#include <gort/gort.hpp>

namespace exercise {
namespace {

// measure() receives words until `words` is closed, sends the length of each
// on `lengths`, then closes `lengths`. Nothing is wrong with it.
void measure(gort::recv_chan<std::string> words, gort::send_chan<std::size_t> lengths) {
  for (const std::string& word : words) lengths << word.size();
  lengths.close();
}

}  // namespace

std::vector<std::size_t> word_lengths(const std::vector<std::string>& words) {
  // TODO(exercise): this deadlocks as soon as there is one word. Read the
  // report: which goroutine is asleep, and on what? Fix the order of things
  // here; then run it with two words or more.
  auto to_measure = gort::make_chan<std::string>();
  auto lengths = gort::make_chan<std::size_t>();
  for (const std::string& word : words) to_measure << word;
  to_measure.close();
  gort::go(gort::named{"measure"}, measure, to_measure, lengths);
  std::vector<std::size_t> result;
  for (std::size_t length : lengths) result.push_back(length);
  return result;
}

std::size_t total_length(const std::vector<std::string>& words) {
  // TODO(exercise): this deadlocks too. Every goroutine must reach done()
  // before wait() returns: what is each of them waiting for before that?
  auto lengths = gort::make_chan<std::size_t>();
  gort::wait_group measured;
  for (const std::string& word : words) {
    measured.add(1);
    gort::go(
        gort::named{"measure one word"},
        [&measured, lengths](const std::string& w) {
          lengths << w.size();
          measured.done();
        },
        word);
  }
  measured.wait();
  std::size_t total = 0;
  for (std::size_t i = 0; i < words.size(); ++i) total += lengths.recv();
  return total;
}

}  // namespace exercise
