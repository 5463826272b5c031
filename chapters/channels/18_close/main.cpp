// SPDX-License-Identifier: MIT
// 18 close: the sender closes a channel to say no more values will come, and
// the receiver sees it as ok == false from `v, ok := <-ch` (recv_ok) or as the
// end of a range loop. Watch for: values already buffered are still delivered
// after close; after that every receive returns at once with 0 and ok == false.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <gort/gort.hpp>

// book:begin
// sendFloats sends count values, then closes ch. Only the sender closes: a
// receiver cannot know whether another value is on its way. (Go's twin says
// `defer close(ch)`; C++ has no defer, and closing last is the same here,
// since nothing returns early.)
void sendFloats(gort::send_chan<double> ch, int count) {
  for (int i = 1; i <= count; ++i) ch << i / 4.0;
  ch.close();
}

// text prints a bool as Go's %t does.
const char* text(bool ok) { return ok ? "true" : "false"; }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"18 close: close, v, ok := <-ch, and range until closed"};
  int count = 3;
  app.add_option("--count", count, "how many values each sender sends before it closes")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    // v, ok := <-ch in a loop: ok turns false once ch is closed and drained.
    auto ch = gort::make_chan<double>();
    gort::go(sendFloats, ch, count);
    for (;;) {
      auto [v, ok] = ch.recv_ok();
      if (!ok) break;
      std::printf("recv_ok: v=%.2f ok=%s\n", v, text(ok));
    }

    // From now on every receive returns at once, with the zero value and ok == false.
    auto [v, ok] = ch.recv_ok();
    std::printf("closed:  v=%.2f ok=%s\n", v, text(ok));

    // range runs the same loop for you and stops at the close.
    auto ch2 = gort::make_chan<double>();
    gort::go(sendFloats, ch2, count);
    for (double x : ch2) std::printf("range:   v=%.2f\n", x);

    // Values buffered before the close are still received, then ok turns false.
    auto buffered = gort::make_chan<double>(2);
    buffered << 1.5;
    buffered << 2.5;
    buffered.close();
    for (int i = 0; i < 3; ++i) {
      auto [bv, bok] = buffered.recv_ok();
      std::printf("buffered: v=%.2f ok=%s\n", bv, text(bok));
    }
  });
}
// book:end
