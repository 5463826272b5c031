// SPDX-License-Identifier: MIT
// 07 channel_block: pump sends 0, 1, 2, ... on an unbuffered channel, but main
// receives only once. Watch for: only 0 is printed; pump stays blocked on its
// second send, and the program still ends with status 0 when main returns.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
void pump(gort::chan<int> ch) {
  for (int i = 0;; ++i) {
    ch << i;  // blocks until someone receives: after the first value, nobody does
  }
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"07 channel_block: a sender blocks until someone receives"};
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([] {
    auto ch1 = gort::make_chan<int>();
    gort::go(pump, ch1);              // pump hangs
    std::cout << ch1.recv() << '\n';  // prints only 0
  });
}
// book:end
