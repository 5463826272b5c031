// SPDX-License-Identifier: MIT
#include "quit_select.hpp"

#include <optional>

namespace exercise {

namespace {

// quit_closed() looks at quit without blocking: the default case runs only
// while quit is open (a closed channel is always ready to receive from).
bool quit_closed(const gort::recv_chan<gort::signal>& quit) {
  return gort::select(gort::recv_case(quit), gort::default_case()) == 0;
}

}  // namespace

int worker(gort::recv_chan<int> work, gort::recv_chan<gort::signal> quit,
           std::function<void(int)> handle) {
  int handled = 0;
  for (;;) {
    // select picks at random among ready cases: with work waiting and quit
    // closed, the select below would still take work half the time. Looking
    // at quit alone first makes a closed quit win.
    if (quit_closed(quit)) return handled;
    std::optional<int> item;  // stays empty when this round ends the loop
    auto received = [&item](int v, bool ok) {
      if (ok) item = v;  // ok == false: work is closed and drained
    };
    // Waiting on quit here too is what wakes a worker blocked on empty work.
    gort::select(gort::recv_case(work, received), gort::recv_case(quit));
    if (!item) return handled;
    handle(*item);
    ++handled;
  }
}

}  // namespace exercise
