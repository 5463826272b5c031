// SPDX-License-Identifier: MIT
#include "generator.hpp"

namespace exercise {

gort::recv_chan<long> generate(std::function<long()> next, gort::recv_chan<gort::signal> quit) {
  // Unbuffered: a send completes only when a consumer takes the value, so the
  // generator waits there, one value ahead, until the next one is wanted.
  auto values = gort::make_chan<long>();
  gort::go([values, quit, next = std::move(next)] {
    for (;;) {
      const long value = next();
      // A plain send would wait forever once the consumer has gone; the select
      // also wakes on quit, which a close makes ready for good.
      if (gort::select(gort::send_case(values, value), gort::recv_case(quit)) == 1) break;
    }
    values.close();  // a consumer still reading sees the end instead of waiting forever
  });
  return values;
}

gort::recv_chan<long> count_from(long start, gort::recv_chan<gort::signal> quit) {
  // The counter lives in the lambda, and only the generator's goroutine calls it.
  return generate([n = start]() mutable { return n++; }, quit);
}

std::vector<long> take(gort::recv_chan<long> ch, std::size_t n) {
  std::vector<long> values;
  while (values.size() < n) {
    auto [value, ok] = ch.recv_ok();
    if (!ok) break;  // closed: the generator has stopped
    values.push_back(value);
  }
  return values;
}

}  // namespace exercise
