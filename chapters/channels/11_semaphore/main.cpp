// SPDX-License-Identifier: MIT
// 11 semaphore: main starts work in a goroutine, does something else, then
// waits for the goroutine by receiving from a channel. Watch for: the first
// goroutine's signal is its result; the second (a lambda) sends an empty
// value that only says "done", and what it wrote is safe to read after <-done.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
// someComputation stands for slow work: the sum of the squares 1..n.
std::int64_t someComputation(std::int64_t n) {
  std::int64_t sum = 0;
  for (std::int64_t k = 1; k <= n; ++k) sum += k * k;
  return sum;
}

// compute signals on ch when it completes: the value sent is its result.
void compute(gort::chan<std::int64_t> ch, std::int64_t n) { ch << someComputation(n); }

void doSomethingElseForAWhile() { std::cout << "main: doing something else meanwhile\n"; }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"11 semaphore: wait for a goroutine by receiving its signal"};
  std::int64_t n = 1000;
  app.add_option("-n", n, "compute the sum of the squares 1..n")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch = gort::make_chan<std::int64_t>();
    gort::go(compute, ch, n);  // start something in a goroutine
    doSomethingElseForAWhile();
    std::int64_t result = ch.recv();  // blocks until compute is done
    std::cout << "compute sent " << result << '\n';

    // The lambda variant: the value sent does not matter, only that it arrives.
    auto done = gort::make_chan<gort::signal>();
    std::int64_t squares = 0;
    gort::go([&] {
      squares = someComputation(2 * n);
      done << gort::signal{};  // send a signal; the value is empty
    });
    doSomethingElseForAWhile();
    done.recv();  // wait for the goroutine to finish; discard the value
    std::cout << "the lambda is done: squares up to " << 2 * n << " add up to " << squares << '\n';
  });
}
// book:end
