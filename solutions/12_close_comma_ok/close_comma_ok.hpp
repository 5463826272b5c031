// SPDX-License-Identifier: MIT
// Exercise 12: close and comma-ok — the sender closes a channel to say "no
// more"; receivers see it with `v, ok := <-ch`, a range loop, or a select.
#pragma once

#include <cstddef>
#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// produce() returns a channel with room for buffer values and starts a
// goroutine that sends each of values on it, in order, then closes it.
gort::recv_chan<int> produce(std::vector<int> values, std::size_t buffer);

// collect() receives from in until it is closed and drained, and returns the
// values in order. It blocks while in is open and empty; 0 is a value like any other.
std::vector<int> collect(gort::recv_chan<int> in);

// poll_state is what poll() found on a channel.
enum class poll_state {
  value,   // a value was ready, and poll took it
  empty,   // the channel is open and nothing is ready (the nil channel never is)
  closed,  // the channel is closed and drained: nothing will ever come
};

// poll_result is a poll_state and, for poll_state::value, the value taken (else 0).
struct poll_result {
  poll_state state;
  int value;
};

// poll() takes a value from in if one is ready, without ever blocking, and
// tells an open channel with nothing ready from a closed and drained one.
poll_result poll(gort::recv_chan<int> in);

}  // namespace exercise
