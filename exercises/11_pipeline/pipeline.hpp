// SPDX-License-Identifier: MIT
// Exercise 11: pipeline — stages joined by one-way channels, each closing its
// output when done; one stage fanned out to several workers, merged back.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// generate() sends each of values on out, in order, then closes out.
void generate(std::vector<int> values, gort::send_chan<int> out);

// transform() sends f(v) on out for each v received from in, in order, until
// in is closed and drained; then it closes out. Several transform goroutines
// may read one in: each value goes to exactly one of them.
void transform(gort::recv_chan<int> in, gort::send_chan<int> out, std::function<int(int)> f);

// merge() forwards to out every value received from any of inputs, as it
// arrives, and closes out once every input is closed and drained (at once if
// there are none).
void merge(std::vector<gort::recv_chan<int>> inputs, gort::send_chan<int> out);

// run_pipeline() runs generate(values) → workers transform(f) goroutines, all
// reading generate's one channel (fan-out) → merge of their outputs (fan-in),
// and returns every result, in any order. f may be called from workers
// goroutines at once. Every goroutine of the pipeline ends. Needs workers >= 1.
std::vector<int> run_pipeline(std::vector<int> values, int workers, std::function<int(int)> f);

}  // namespace exercise
