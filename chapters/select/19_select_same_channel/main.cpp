// SPDX-License-Identifier: MIT
// 19 select_same_channel: two receive cases wait on one channel, the first
// printing 0 and the second 1. Watch for: whenever a value arrives both cases
// are ready, and select picks one at random, so out comes a random 0/1
// stream; each value is still received only once.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
int main(int argc, char** argv) {
  // book:end
  CLI::App app{"19 select_same_channel: two cases on one channel, a random 0/1 stream"};
  int count = 20;
  app.add_option("--count", count, "how many values to receive")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch = gort::make_chan<int>();
    // The sender never stops; it is still blocked on a send when main returns.
    gort::go([ch] {
      for (;;) ch << 0;
    });
    for (int i = 0; i < count; ++i) {
      gort::select(gort::recv_case(ch, [] { std::cout << "0\n"; }),
                   gort::recv_case(ch, [] { std::cout << "1\n"; }));
    }
  });
}
// book:end
