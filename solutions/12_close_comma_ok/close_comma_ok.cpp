// SPDX-License-Identifier: MIT
#include "close_comma_ok.hpp"

namespace exercise {

gort::recv_chan<int> produce(std::vector<int> values, std::size_t buffer) {
  auto ch = gort::make_chan<int>(buffer);
  gort::go([ch, values = std::move(values)] {
    for (int v : values) ch << v;
    // The sender closes, never the receiver: only the sender knows that no
    // value is left. Values still buffered are delivered before the close is seen.
    ch.close();
  });
  return ch;
}

std::vector<int> collect(gort::recv_chan<int> in) {
  std::vector<int> values;
  // A range loop ends only when in is closed and drained: an empty moment,
  // or a 0 that was sent, does not end it.
  for (int v : in) values.push_back(v);
  return values;
}

poll_result poll(gort::recv_chan<int> in) {
  // try_recv() cannot do this: it gives nullopt both for "nothing yet" and for
  // "closed". A receive case with ok, next to a default case, tells them apart
  // without blocking: a closed channel is always ready (with ok == false).
  poll_result result{poll_state::empty, 0};  // what the default case leaves
  auto received = [&result](int v, bool ok) {
    result = ok ? poll_result{poll_state::value, v} : poll_result{poll_state::closed, 0};
  };
  gort::select(gort::recv_case(in, received), gort::default_case());
  return result;
}

}  // namespace exercise
