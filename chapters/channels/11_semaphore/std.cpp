// SPDX-License-Identifier: MIT
// 11 semaphore, with the C++ standard library only: std::async's future plays
// the channel that carries compute's result, and std::latch the channel that
// only says "done". Watch for: it prints what main.cpp prints, on OS threads;
// what it cannot do is wait for the first of two futures, or report a wait
// that nothing will ever end (count_down forgotten: main blocks forever).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <future>
#include <iostream>
#include <latch>
#include <thread>

// book:begin
// someComputation stands for slow work: the sum of the squares 1..n.
std::int64_t someComputation(std::int64_t n) {
  std::int64_t sum = 0;
  for (std::int64_t k = 1; k <= n; ++k) sum += k * k;
  return sum;
}

void doSomethingElseForAWhile() { std::cout << "main: doing something else meanwhile\n"; }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{
      "11 semaphore on std::async and std::latch: the standard library's twin of main.cpp"};
  std::int64_t n = 1000;
  app.add_option("-n", n, "compute the sum of the squares 1..n")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  // std::launch::async: a new thread now, not a call deferred until get().
  std::future<std::int64_t> result = std::async(std::launch::async, someComputation, n);
  doSomethingElseForAWhile();
  std::cout << "compute sent " << result.get() << '\n';  // blocks until it is done; once only

  // The lambda variant: a latch of one is the "done" signal. It cannot be
  // counted up again, and nothing can wait on it and on a timer at once.
  std::latch done(1);
  std::int64_t squares = 0;
  std::jthread worker([&] {
    squares = someComputation(2 * n);
    done.count_down();  // what it wrote is visible after wait() returns
  });
  doSomethingElseForAWhile();
  done.wait();
  std::cout << "the lambda is done: squares up to " << 2 * n << " add up to " << squares << '\n';
}
// book:end
