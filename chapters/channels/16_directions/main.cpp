// SPDX-License-Identifier: MIT
// 16 directions: a channel is made bidirectional, but a function can take it
// as send-only (Go's chan<- int, gort::send_chan<int>) or receive-only (<-chan
// int, gort::recv_chan<int>). Watch for: the one chan converts to either view
// by itself; using a view the wrong way is a compile error, not a runtime one.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
// source may only send on ch (and close it: closing is the sender's job).
// Neither line below would compile here:
//   ch.recv();                  "cannot receive from send-only channel (send_chan)"
//   gort::chan<int> both = ch;  "conversion from 'gort::send_chan<int>' to
//                               non-scalar type 'gort::chan<int>' requested"
void source(gort::send_chan<int> ch, int count) {
  for (int i = 0; i < count; ++i) ch << i;
  ch.close();
}

// sink may only receive from ch. Neither line below would compile here:
//   ch << 1;     "cannot send to receive-only channel (recv_chan)"
//   ch.close();  "cannot close receive-only channel (recv_chan): only the sender closes"
void sink(gort::recv_chan<int> ch, gort::send_chan<int> done) {
  int received = 0;
  for (int v : ch) {
    std::cout << "sink got " << v << '\n';
    ++received;
  }
  done << received;
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"16 directions: send-only and receive-only channel parameters"};
  int count = 5;
  app.add_option("--count", count, "how many values source sends")
      ->capture_default_str()
      ->check(CLI::Range(0, 1'000'000));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto c = gort::make_chan<int>();  // bidirectional
    auto done = gort::make_chan<int>();
    gort::go(source, c, count);  // c converts to send_chan<int>
    gort::go(sink, c, done);     // and to recv_chan<int>
    // Receive before printing: C++ runs a << chain left to right, so a recv()
    // inside it would wait after "sink received " was already written.
    int received = done.recv();
    std::cout << "sink received " << received << " values\n";
  });
}
// book:end
