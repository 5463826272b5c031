// SPDX-License-Identifier: MIT
#include "bounded_map.hpp"

#include <gort/gort.hpp>

namespace exercise {

std::vector<double> bounded_map(const std::vector<double>& data, std::size_t limit,
                                const std::function<double(std::size_t i, double x)>& f) {
  std::vector<double> results(data.size());
  // The counting semaphore: each call in flight holds one of its `limit`
  // places, so a send blocks while `limit` calls are running.
  auto tokens = gort::make_chan<gort::signal>(limit);
  for (std::size_t i = 0; i < data.size(); ++i) {
    // Take a place before starting the goroutine: main waits here, so no more
    // than `limit` goroutines ever exist, not just run f.
    tokens << gort::signal{};
    gort::go(
        [&results, &f, tokens](std::size_t index, double x) {
          results[index] = f(index, x);
          tokens.recv();  // give the place back: the next call may start
        },
        i, data[i]);
  }
  // Taking every place means no call is left holding one: all have finished.
  for (std::size_t k = 0; k < limit; ++k) tokens << gort::signal{};
  return results;
}

}  // namespace exercise
