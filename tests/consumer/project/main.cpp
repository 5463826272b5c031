// SPDX-License-Identifier: MIT
// Sums 1..10 in a goroutine and prints "consumer: 55".
#include <gort/gort.hpp>
#include <iostream>

int main() {
  return gort::run([] {
    auto sum = gort::make_chan<int>();
    gort::go([sum] {
      int total = 0;
      for (int i = 1; i <= 10; ++i) total += i;
      sum << total;
    });
    std::cout << "consumer: " << sum.recv() << '\n';
  });
}
