// SPDX-License-Identifier: MIT
// Exercise 06: bounded map — a parallel map with at most `limit` calls in
// flight, a buffered channel serving as a counting semaphore.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace exercise {

// bounded_map() returns f(i, data[i]) for every index i, in the order of data.
// Every call of f runs in a goroutine, and at most `limit` calls (limit >= 1)
// run at any moment; as soon as one finishes, the next may start. Returns
// only when every call has finished. f may be called from several threads at
// the same time.
std::vector<double> bounded_map(const std::vector<double>& data, std::size_t limit,
                                const std::function<double(std::size_t i, double x)>& f);

}  // namespace exercise
