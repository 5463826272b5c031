// SPDX-License-Identifier: MIT
// 13 channel_factory: pump() makes a channel, starts the goroutine that feeds
// it, and returns the channel; the caller only sees a stream of numbers.
// Watch for: pump's goroutine outlives the call to pump; suck takes --count
// numbers from the stream and then tells main it is done.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
gort::chan<int> pump() {
  auto ch = gort::make_chan<int>();
  gort::go([ch] {  // a copy of the handle: the goroutine and the caller share one channel
    for (int i = 0;; ++i) ch << i;
  });
  return ch;
}

void suck(gort::chan<int> ch, int count, gort::chan<gort::signal> done) {
  for (int i = 0; i < count; ++i) std::cout << ch.recv() << '\n';
  done << gort::signal{};
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"13 channel_factory: a function that returns the channel it feeds"};
  int count = 10;
  app.add_option("--count", count, "how many numbers suck prints before main ends")
      ->capture_default_str()
      ->check(CLI::Range(0, 1'000'000));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto stream = pump();
    auto done = gort::make_chan<gort::signal>();
    gort::go(suck, stream, count, done);
    done.recv();  // main waits for suck, not for pump: pump is left blocked when main returns
  });
}
// book:end
