// SPDX-License-Identifier: MIT
// 20 select_two_channels: a goroutine sends on ch, then on ch2, and a select
// over both prints 0 for ch and 1 for ch2. Watch for: only one case is ever
// ready, because the second send waits for the first to be received, so the
// output is always 0 then 1.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
int main(int argc, char** argv) {
  // book:end
  CLI::App app{"20 select_two_channels: a select over two channels prints 0 then 1"};
  int rounds = 1;
  app.add_option("--rounds", rounds, "how many times the sender sends on ch, then on ch2")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch = gort::make_chan<int>();
    auto ch2 = gort::make_chan<int>();
    gort::go([ch, ch2, rounds] {
      for (int i = 0; i < rounds; ++i) {
        ch << 0;
        ch2 << 0;  // waits until main has taken the value from ch
      }
    });
    // Two values per round; main returns once it has received them all.
    for (int i = 0; i < 2 * rounds; ++i) {
      gort::select(gort::recv_case(ch, [] { std::cout << "0\n"; }),
                   gort::recv_case(ch2, [] { std::cout << "1\n"; }));
    }
  });
}
// book:end
