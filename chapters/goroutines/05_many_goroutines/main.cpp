// SPDX-License-Identifier: MIT
// 05 many_goroutines: a chain of 100,000 goroutines in one address space
// passes a number along, each adding one. Watch for: they all exist at once
// (each waits for its right neighbour), yet each costs only a few KiB of
// memory and a few microseconds of time.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <gort/gort.hpp>

// book:begin
// whisper hears a number from its right neighbour and passes it on to its
// left, plus one.
void whisper(gort::chan<int> left, gort::chan<int> right) { left << 1 + right.recv(); }

// peak_rss_kib is the most memory this process has had in RAM so far.
long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"05 many_goroutines: 100,000 goroutines in one address space"};
  int count = 100'000;
  app.add_option("--count", count, "how many goroutines in the chain")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    const long before = peak_rss_kib();
    const auto start = gort::now();

    // Each goroutine gets the channel to its left and a new one to its right.
    auto leftmost = gort::make_chan<int>();
    auto left = leftmost;
    for (int i = 0; i < count; ++i) {
      auto right = gort::make_chan<int>();
      gort::go(whisper, left, right);
      left = right;
    }
    // Whisper 0 into the right end; it comes out of the left end as count.
    gort::go([](gort::chan<int> c) { c << 0; }, left);
    const int heard = leftmost.recv();

    const double elapsedUs = std::chrono::duration<double, std::micro>(gort::now() - start).count();
    // The peak is reached while the whole chain waits, so reading it after
    // the goroutines are gone still counts them all.
    const double grownKiB = static_cast<double>(peak_rss_kib() - before);
    std::printf("%d goroutines passed a number along: 0 went in, %d came out\n", count, heard);
    std::printf("memory: %.1f KiB per goroutine (%.1f MiB for the chain)\n", grownKiB / count,
                grownKiB / 1024);
    std::printf("time: %.2f µs per goroutine (start it, pass the number, end)\n",
                elapsedUs / count);
  });
}
// book:end
