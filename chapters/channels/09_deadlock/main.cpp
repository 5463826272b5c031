// SPDX-License-Identifier: MIT
// 09 deadlock: main sends on an unbuffered channel before it starts the
// goroutine that would receive. Watch for: the runtime sees that every
// goroutine is asleep, prints Go's "fatal error: all goroutines are asleep -
// deadlock!" with a goroutine dump, and exits with status 2.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
void f1(gort::chan<int> in) { std::cout << in.recv() << '\n'; }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"09 deadlock: a send that no goroutine will ever receive"};
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([] {
    auto out = gort::make_chan<int>();
    out << 2;           // no receiver is running yet, so main blocks here for good
    gort::go(f1, out);  // never reached: the receiver would have had to start first
  });
}
// book:end
