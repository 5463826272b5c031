// SPDX-License-Identifier: MIT
#include "rate_limiter.hpp"

namespace exercise {

std::vector<served> serve_limited(gort::recv_chan<int> requests, limit l) {
  // The bucket is a buffered channel: its capacity is the burst, and a token
  // is a value in it. Full at the start, so the first burst is served at once.
  auto tokens = gort::make_chan<gort::signal>(static_cast<std::size_t>(l.burst));
  for (int i = 0; i < l.burst; ++i) tokens << gort::signal{};
  // Made here, not in the goroutine, so the ticks are counted from the call.
  auto ticker = gort::new_ticker(l.per / l.rate);
  auto quit = gort::make_chan<gort::signal>();
  gort::go([tokens, ticker, quit]() mutable {
    for (bool running = true; running;) {
      gort::select(
          // try_send drops the token when the bucket is full: idle time saves
          // up at most `burst` tokens, and the refiller never blocks.
          gort::recv_case(ticker.C, [&] { tokens.try_send(gort::signal{}); }),
          gort::recv_case(quit, [&] { running = false; }));
    }
    // A ticker nobody stops keeps firing for ever.
    ticker.stop();
  });

  std::vector<served> log;
  for (int request : requests) {
    tokens.recv();  // blocks until the bucket has a token: this is the limit
    log.push_back({request, gort::now()});
  }
  // Closing quit wakes the refiller wherever it waits, so it ends before long.
  quit.close();
  return log;
}

}  // namespace exercise
