// SPDX-License-Identifier: MIT
// 01 go_sum: `go sum(bigArray, result)` adds up a big array in a background
// goroutine while main goes on with other work. Watch for: the go statement
// returns at once; main gets the sum only when it receives from result.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <gort/gort.hpp>
#include <iostream>
#include <numeric>
#include <span>
#include <vector>

// book:begin
// sum sends the total of a on result; the goroutine ends after that send.
void sum(std::span<const std::int64_t> a, gort::chan<std::int64_t> result) {
  std::int64_t s = 0;
  for (std::int64_t v : a) s += v;
  result << s;
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"01 go_sum: a sum computed in a background goroutine"};
  std::int64_t size = 1'000'000;
  app.add_option("--size", size, "how many numbers (1, 2, ..., size) to add up")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    std::vector<std::int64_t> bigArray(static_cast<std::size_t>(size));
    std::iota(bigArray.begin(), bigArray.end(), 1);

    auto result = gort::make_chan<std::int64_t>();
    // A span is what a Go slice is: a view, so the goroutine shares the
    // array instead of copying it. Both sides only read it, so that is safe.
    gort::go(sum, std::span<const std::int64_t>(bigArray), result);
    std::cout << "go sum(bigArray): adding up " << size << " numbers in the background\n";

    // Meanwhile main does something else with the same (read-only) array.
    std::int64_t sevens = 0;
    for (std::int64_t v : bigArray) sevens += v % 7 == 0 ? 1 : 0;
    std::cout << "meanwhile main counts the multiples of 7: " << sevens << '\n';

    // The receive waits for sum to finish, if it has not yet.
    std::cout << "sum = " << result.recv() << '\n';
  });
}
// book:end
