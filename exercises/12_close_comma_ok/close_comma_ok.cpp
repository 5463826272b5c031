// SPDX-License-Identifier: MIT
#include "close_comma_ok.hpp"

#include "todo.hpp"

namespace exercise {

gort::recv_chan<int> produce(std::vector<int> values, std::size_t buffer) {
  // TODO(exercise): make a channel with capacity buffer, start a goroutine
  // that sends the values and then closes the channel, and return it at once.
  workbook::todo("produce");
}

std::vector<int> collect(gort::recv_chan<int> in) {
  // TODO(exercise): receive until in is closed and drained — a range loop, or
  // recv_ok until ok is false — and return what came.
  workbook::todo("collect");
}

poll_result poll(gort::recv_chan<int> in) {
  // TODO(exercise): one select with a recv case that gets (value, ok) and a
  // default case: ok tells value from closed, default means empty.
  workbook::todo("poll");
}

}  // namespace exercise
