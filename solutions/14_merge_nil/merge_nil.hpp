// SPDX-License-Identifier: MIT
// Exercise 14: merge with nil channels — fan two inputs into one output with
// one select loop, switching off each input as it closes.
#pragma once

#include <functional>
#include <gort/gort.hpp>

namespace exercise {

// merge() forwards to out every value from a and from b as it arrives, and
// closes out once, after both a and b are closed and drained. It calls
// saw_close() each time its select takes a closed input; since it then sets
// that input's handle to nil (a case select never chooses), that is exactly
// once per input: merge never spins on a closed input.
void merge(gort::recv_chan<int> a, gort::recv_chan<int> b, gort::send_chan<int> out,
           std::function<void()> saw_close);

}  // namespace exercise
