// SPDX-License-Identifier: MIT
// 08 pump_suck: pump sends 0, 1, 2, ... and suck receives and prints each
// number, both forever, until main stops sleeping (--duration). Watch for: the
// numbers come out consecutively, each send meeting one receive; when main
// returns, the program ends in the middle of the stream.
#include <CLI/CLI.hpp>
#include <chrono>
#include <gort/gort.hpp>
#include <iostream>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
void pump(gort::chan<int> ch) {
  for (int i = 0;; ++i) {
    ch << i;  // blocks until suck is ready for it
  }
}

void suck(gort::chan<int> ch) {
  for (;;) {
    std::cout << ch.recv() << '\n';  // blocks until pump sends
  }
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"08 pump_suck: a sender and a receiver in step, for a while"};
  std::chrono::nanoseconds duration = 1s;
  workbook::add_duration(app, "--duration", duration,
                         "how long pump and suck run before main returns")
      ->default_str("1s");
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch1 = gort::make_chan<int>();
    gort::go(pump, ch1);
    gort::go(suck, ch1);
    gort::sleep(duration);  // when main returns, the program ends: pump and suck with it
  });
}
// book:end
