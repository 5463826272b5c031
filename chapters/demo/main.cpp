// SPDX-License-Identifier: MIT
// demo: the workbook's first program, until the numbered chapters exist.
// Watch for: the two goroutines take turns on an unbuffered channel — each
// send waits for its receive — and main ends once it has seen every reply.
#include <gort/gort.hpp>
#include <iostream>

int main() {
  return gort::run([] {
    auto ping = gort::make_chan<int>();
    auto pong = gort::make_chan<int>();
    gort::go([=] {
      for (int ball : ping) pong << ball + 1;  // return each ball, one more
      pong.close();
    });
    for (int ball = 0; ball < 6; ball += 2) {
      ping << ball;
      std::cout << "sent " << ball << ", got back " << pong.recv() << '\n';
    }
    ping.close();
    std::cout << "goroutines on " << gort::gomaxprocs(0) << " threads; " << gort::num_cpu()
              << " CPUs usable\n";
  });
}
