// SPDX-License-Identifier: MIT
#include "heartbeat.hpp"

#include "todo.hpp"

namespace exercise {

worker_outputs start_worker(gort::recv_chan<int> items, gort::clock::duration interval,
                            std::function<int(int)> work) {
  // TODO(exercise): make the two output channels and a ticker, then start the
  // worker goroutine. It selects between the next item and the next tick; on
  // a tick it sends a heartbeat without waiting. With an item, it selects
  // between sending the result and the next tick until the result is taken.
  // When items is closed: stop the ticker, close both outputs, return.
  workbook::todo("start_worker");
}

}  // namespace exercise
