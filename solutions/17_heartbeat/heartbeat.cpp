// SPDX-License-Identifier: MIT
#include "heartbeat.hpp"

#include <optional>
#include <utility>

namespace exercise {

worker_outputs start_worker(gort::recv_chan<int> items, gort::clock::duration interval,
                            std::function<int(int)> work) {
  auto results = gort::make_chan<int>();
  auto heartbeats = gort::make_chan<gort::clock::time_point>();
  // Made here, not in the goroutine, so the beats are counted from the call.
  auto ticker = gort::new_ticker(interval);
  gort::go([items, results, heartbeats, ticker, work = std::move(work)]() mutable {
    // try_send is select with a default case: the beat goes to a listener
    // who is waiting right now, or nowhere. The worker never waits for it.
    auto beat = [heartbeats](gort::clock::time_point tick) { heartbeats.try_send(tick); };
    for (;;) {
      std::optional<int> item;
      bool open = true;
      gort::select(gort::recv_case(items,
                                   [&](int v, bool ok) {
                                     if (ok) item = v;
                                     open = ok;
                                   }),
                   gort::recv_case(ticker.C, beat));
      if (!open) break;
      if (!item) continue;  // it was a tick
      const int result = work(*item);
      // Beat on while waiting for a reader: with a plain `results << result`
      // the worker would fall silent, and look as dead as a stuck one.
      for (bool taken = false; !taken;) {
        gort::select(gort::send_case(results, result, [&] { taken = true; }),
                     gort::recv_case(ticker.C, beat));
      }
    }
    // A ticker nobody stops goes on firing for ever.
    ticker.stop();
    results.close();
    heartbeats.close();
  });
  return {results, heartbeats};
}

}  // namespace exercise
