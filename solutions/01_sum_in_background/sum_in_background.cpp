// SPDX-License-Identifier: MIT
#include "sum_in_background.hpp"

namespace exercise {

gort::recv_chan<long long> sum_in_background(std::vector<int> numbers) {
  // Buffered, so the goroutine can deliver and end even if nobody receives.
  auto total = gort::make_chan<long long>(1);
  // numbers moves into the goroutine: it owns the data now, the caller keeps none.
  gort::go([total, numbers = std::move(numbers)] {
    long long sum = 0;
    for (int n : numbers) sum += n;
    total << sum;
  });
  return total;
}

}  // namespace exercise
