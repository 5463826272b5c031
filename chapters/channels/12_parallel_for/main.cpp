// SPDX-License-Identifier: MIT
// 12 parallel_for: one goroutine per element of a float64 slice, each storing
// its result at its own index, and a semaphore channel that main drains once
// per goroutine. Watch for: i and xi are passed as arguments, so each goroutine
// gets its own copy; results print in index order whatever order they finished.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <gort/gort.hpp>
#include <vector>

// book:begin
// doSomething stands for the work on one element: its square root, scaled by
// its position.
double doSomething(std::size_t i, double xi) { return std::sqrt(xi) / static_cast<double>(i + 1); }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"12 parallel_for: N goroutines over a slice, waited on with a semaphore"};
  int n = 8;
  app.add_option("-n", n, "how many elements, one goroutine each")
      ->capture_default_str()
      ->check(CLI::Range(1, 10'000));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    const auto size = static_cast<std::size_t>(n);
    std::vector<double> data(size);
    for (std::size_t i = 0; i < size; ++i) data[i] = static_cast<double>(i * i + 1);
    std::vector<double> res(size);
    auto sem = gort::make_chan<gort::signal>(size);  // room for every signal: no sender waits

    // i and xi are parameters, not captures: go() copies them now, for this
    // goroutine alone. A lambda that captured the loop's i by reference would
    // read wherever the loop had moved on to, and a dead variable once the loop
    // ended. res is shared on purpose: each goroutine writes only res[i].
    auto work = [&res, sem](std::size_t i, double xi) {
      res[i] = doSomething(i, xi);
      sem << gort::signal{};
    };
    for (std::size_t i = 0; i < size; ++i) gort::go(work, i, data[i]);

    // Wait for the goroutines to finish: one signal each.
    for (std::size_t i = 0; i < size; ++i) sem.recv();
    for (std::size_t i = 0; i < size; ++i) {
      std::printf("res[%zu] = sqrt(%6.1f) / %zu = %8.4f\n", i, data[i], i + 1, res[i]);
    }
  });
}
// book:end
