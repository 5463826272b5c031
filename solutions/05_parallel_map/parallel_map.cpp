// SPDX-License-Identifier: MIT
#include "parallel_map.hpp"

#include <gort/gort.hpp>

namespace exercise {

std::vector<double> parallel_map(const std::vector<double>& data,
                                 const std::function<double(std::size_t i, double x)>& f) {
  std::vector<double> results(data.size());
  // One signal per finished call. Buffered for all of them, so no goroutine
  // waits for main to take its signal.
  auto sem = gort::make_chan<gort::signal>(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    // i and x are arguments of the goroutine, copied by go() now: each call
    // gets its own, as Go's `go func(i int, xi float64) {…}(i, xi)`. results
    // and f are shared by reference, and each goroutine writes only its slot.
    gort::go(
        [&results, &f, sem](std::size_t index, double x) {
          results[index] = f(index, x);
          sem << gort::signal{};
        },
        i, data[i]);
  }
  // Waiting for every signal is waiting for every call; the channel also makes
  // each goroutine's write to results visible here.
  for (std::size_t i = 0; i < data.size(); ++i) sem.recv();
  return results;
}

}  // namespace exercise
