// SPDX-License-Identifier: MIT
// Exercise 01: sum in the background — Go's `go sum(bigArray)`.
#pragma once

#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// sum_in_background() returns at once, having started a goroutine that adds
// up numbers; the returned channel delivers the total exactly once.
gort::recv_chan<long long> sum_in_background(std::vector<int> numbers);

}  // namespace exercise
