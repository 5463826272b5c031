// SPDX-License-Identifier: MIT
// Exercise 07: generators — a goroutine that feeds a channel one value at a
// time, only as fast as it is read, until the consumer says quit.
#pragma once

#include <cstddef>
#include <functional>
#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// generate() starts a goroutine and returns the unbuffered channel it feeds:
// the goroutine calls next() for each value and sends it, so it computes a
// value only once the one before was taken, never more than one ahead. next()
// runs only in that goroutine. Once quit is closed, the goroutine closes the
// channel and ends, even while it is waiting for someone to take a value.
gort::recv_chan<long> generate(std::function<long()> next, gort::recv_chan<gort::signal> quit);

// count_from() is a generator of start, start + 1, start + 2, …, stopped by quit.
gort::recv_chan<long> count_from(long start, gort::recv_chan<gort::signal> quit);

// take() receives n values from ch and returns them in order; fewer if ch is
// closed before n values came.
std::vector<long> take(gort::recv_chan<long> ch, std::size_t n);

}  // namespace exercise
