// SPDX-License-Identifier: MIT
// Exercise 13: quit with select — a worker loop that waits on its work and on
// a quit channel at once, and stops as soon as quit is closed.
#pragma once

#include <functional>
#include <gort/gort.hpp>

namespace exercise {

// worker() calls handle(item) for each item it receives from work, in order,
// and returns how many it handled once quit is closed, or once work is closed
// and drained. While neither has anything it blocks. A closed quit wins over
// waiting work: once quit is closed, worker handles no further item.
int worker(gort::recv_chan<int> work, gort::recv_chan<gort::signal> quit,
           std::function<void(int)> handle);

}  // namespace exercise
