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

// feed() sends every word on `words`, then closes it.
void feed(std::vector<std::string> words, gort::send_chan<std::string> to_measure) {
  for (std::string& word : words) to_measure << std::move(word);
  to_measure.close();
}

}  // namespace

std::vector<std::size_t> word_lengths(const std::vector<std::string>& words) {
  auto to_measure = gort::make_chan<std::string>();
  auto lengths = gort::make_chan<std::size_t>();
  // A send on an unbuffered channel waits for a receiver, so the receiver
  // must be running before the first word is sent.
  gort::go(gort::named{"measure"}, measure, to_measure, lengths);
  // The words go in from a goroutine of their own: measure blocks on sending
  // the first length until someone receives it, so main must be free to
  // receive lengths while words are still going in.
  gort::go(gort::named{"feed"}, feed, words, to_measure);
  std::vector<std::size_t> result;
  for (std::size_t length : lengths) result.push_back(length);
  return result;
}

std::size_t total_length(const std::vector<std::string>& words) {
  // Room for every length: no goroutine waits for a receiver, so each one
  // reaches done() and wait() returns before main receives anything.
  auto lengths = gort::make_chan<std::size_t>(words.size());
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
