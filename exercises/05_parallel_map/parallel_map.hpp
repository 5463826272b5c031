// SPDX-License-Identifier: MIT
// Exercise 05: parallel map — the course's parallel for loop: one goroutine
// per element, all at once, waited on with a semaphore channel.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace exercise {

// parallel_map() returns f(i, data[i]) for every index i, in the order of
// data. Every call of f runs in a goroutine of its own, all of them at once;
// parallel_map() returns only when every call has finished. f may be called
// from several threads at the same time.
std::vector<double> parallel_map(const std::vector<double>& data,
                                 const std::function<double(std::size_t i, double x)>& f);

}  // namespace exercise
