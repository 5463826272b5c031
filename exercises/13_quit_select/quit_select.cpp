// SPDX-License-Identifier: MIT
#include "quit_select.hpp"

#include "todo.hpp"

namespace exercise {

int worker(gort::recv_chan<int> work, gort::recv_chan<gort::signal> quit,
           std::function<void(int)> handle) {
  // TODO(exercise): loop: first return if quit is already closed (a select on
  // quit with a default case); then block in a select on work and quit.
  // Handle an item and count it; return the count on quit, or when work's
  // case says it is closed.
  workbook::todo("worker");
}

}  // namespace exercise
