// SPDX-License-Identifier: MIT
// 02 gosched: two busy goroutines, A and B, print their letter after each step
// of CPU-bound work. Watch for: with -n 1 (one thread) they take turns only
// because each calls gosched() after a step; try --yield=false and one runs
// to the end before the other starts.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
// work is one step of CPU-bound work: it never blocks, so it never lets
// another goroutine onto its thread by itself.
std::uint64_t work(std::uint64_t x) {
  for (int i = 0; i < 200'000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  return x;
}

// busy does steps steps of work, printing name after each one.
void busy(char name, int steps, bool yield, gort::chan<std::uint64_t> done) {
  std::uint64_t x = static_cast<unsigned char>(name);
  for (int i = 0; i < steps; ++i) {
    x = work(x);
    std::cout << name;
    if (yield) gort::gosched();  // let the other goroutine have this thread for a while
  }
  done << x;  // handing x over keeps the compiler from skipping the work
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"02 gosched: gosched() in a hot loop lets other goroutines run"};
  int numCores = 2;
  int steps = 10;
  bool yield = true;
  app.add_option("-n", numCores, "number of CPU cores to use (GOMAXPROCS)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--steps", steps, "steps of work for each goroutine")
      ->check(CLI::Range(1, 100'000))
      ->capture_default_str();
  app.add_flag("--yield", yield, "call gosched() after every step (--yield=false: never)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    gort::gomaxprocs(numCores);
    std::cout << "GOMAXPROCS=" << numCores << "; A and B take " << steps << " steps each and "
              << (yield ? "yield after every step" : "never yield") << '\n';

    auto done = gort::make_chan<std::uint64_t>();
    gort::go(busy, 'A', steps, yield, done);
    gort::go(busy, 'B', steps, yield, done);
    // Unlike Go, which also preempts a goroutine that has run for 10 ms,
    // gort never takes the thread away: without gosched the order is all
    // one letter, then all the other.
    done.recv();
    done.recv();
    std::cout << '\n';
  });
}
// book:end
