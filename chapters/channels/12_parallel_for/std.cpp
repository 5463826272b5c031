// SPDX-License-Identifier: MIT
// 12 parallel_for, with the C++ standard library only: one std::jthread per
// element and a std::counting_semaphore that main acquires once per thread,
// where main.cpp receives once per goroutine. Watch for: it prints what
// main.cpp prints, but every element costs an OS thread (about 8 MiB of
// address space and tens of microseconds to start), and the semaphore carries
// no value and cannot be closed.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <semaphore>
#include <thread>
#include <vector>

// book:begin
// doSomething stands for the work on one element: its square root, scaled by
// its position.
double doSomething(std::size_t i, double xi) { return std::sqrt(xi) / static_cast<double>(i + 1); }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{
      "12 parallel_for on std::jthread and std::counting_semaphore: the standard library's twin"};
  int n = 8;
  app.add_option("-n", n, "how many elements, one thread each")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  const auto size = static_cast<std::size_t>(n);
  std::vector<double> data(size);
  for (std::size_t i = 0; i < size; ++i) data[i] = static_cast<double>(i * i + 1);
  std::vector<double> res(size);
  std::counting_semaphore<> sem(0);  // a release() per finished thread

  auto work = [&res, &sem](std::size_t i, double xi) {
    res[i] = doSomething(i, xi);
    sem.release();
  };
  std::vector<std::jthread> workers;  // each joins when main returns
  // i and xi are copied into each thread, as go() copies them for a goroutine.
  for (std::size_t i = 0; i < size; ++i) workers.emplace_back(work, i, data[i]);

  // Wait for the threads to finish: one acquire each.
  for (std::size_t i = 0; i < size; ++i) sem.acquire();
  for (std::size_t i = 0; i < size; ++i) {
    std::printf("res[%zu] = sqrt(%6.1f) / %zu = %8.4f\n", i, data[i], i + 1, res[i]);
  }
}
// book:end
