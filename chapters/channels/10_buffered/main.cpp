// SPDX-License-Identifier: MIT
// 10 buffered: a channel made with a capacity holds that many values without a
// receiver. Watch for: each send returns at once and len grows up to cap; once
// the buffer is full a send would block, so a non-blocking try fails; then the
// values come out in the order they went in.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <gort/gort.hpp>
#include <string>

// book:begin
int main(int argc, char** argv) {
  // book:end
  CLI::App app{"10 buffered: sends do not block until the buffer is full"};
  int capacity = 3;
  app.add_option("--cap", capacity, "buffer capacity of the channel")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch = gort::make_chan<std::string>(static_cast<std::size_t>(capacity));

    // No goroutine receives yet: while the buffer has room, each send returns at once.
    for (int i = 0; i < capacity; ++i) {
      std::string item = "item" + std::to_string(i);
      ch << item;
      std::printf("sent %s: len=%zu cap=%zu\n", item.c_str(), ch.len(), ch.cap());
    }

    // The buffer is full, so a plain send would block main forever; try one without waiting.
    if (ch.try_send("extra")) {
      std::printf("sent extra\n");
    } else {
      std::printf("buffer full: extra not sent\n");
    }

    // Receiving never blocks while values are buffered; they come out first in, first out.
    for (int i = 0; i < capacity; ++i) {
      std::string item = ch.recv();
      std::printf("received %s: len=%zu\n", item.c_str(), ch.len());
    }
  });
}
// book:end
