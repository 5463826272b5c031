// SPDX-License-Identifier: MIT
// Exercise 17: heartbeat — a worker that says "still alive" on a second
// channel every interval, without ever waiting for anyone to listen.
#pragma once

#include <functional>
#include <gort/gort.hpp>

namespace exercise {

// worker_outputs is what a started worker gives back.
struct worker_outputs {
  gort::recv_chan<int> results;                         // work(item) for each item, in order
  gort::recv_chan<gort::clock::time_point> heartbeats;  // the time of each tick
};

// start_worker() returns at once, having started a worker goroutine that
// receives items until `items` is closed and sends work(item) on results,
// unbuffered. Every `interval` from the call, a ticker ticks, and the worker
// sends the tick's time on heartbeats if someone is ready to receive it, and
// otherwise drops it: a heartbeat never makes the worker wait. It beats while
// it waits for an item and while it waits for someone to take a result. Once
// `items` is closed it stops its ticker and closes both channels.
worker_outputs start_worker(gort::recv_chan<int> items, gort::clock::duration interval,
                            std::function<int(int)> work);

}  // namespace exercise
