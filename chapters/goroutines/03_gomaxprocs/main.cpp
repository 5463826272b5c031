// SPDX-License-Identifier: MIT
// 03 gomaxprocs: the -n flag sets GOMAXPROCS, how many threads run goroutines
// at once; then one CPU-bound job runs with GOMAXPROCS = 1, 2, ... num_cpu.
// Watch for: the speed-up stops growing at num_cpu, which counts only the
// CPUs this process may use (its affinity mask and its container's quota).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <gort/gort.hpp>
#include <vector>

// book:begin
// part does steps steps of CPU-bound work and sends the outcome on results.
void part(std::uint64_t x, std::int64_t steps, gort::chan<std::uint64_t> results) {
  for (std::int64_t i = 0; i < steps; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  results << x;  // the outcome keeps the compiler from skipping the work
}

// job splits size steps of work among parts goroutines and waits for them all.
void job(std::int64_t size, int parts) {
  auto results = gort::make_chan<std::uint64_t>();
  for (int i = 0; i < parts; ++i) {
    const std::int64_t steps = (i + 1) * size / parts - i * size / parts;
    gort::go(part, static_cast<std::uint64_t>(i + 1), steps, results);
  }
  for (int i = 0; i < parts; ++i) results.recv();
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"03 gomaxprocs: GOMAXPROCS and the speed-up of a CPU-bound job"};
  int numCores = 2;
  std::int64_t size = 100'000'000;
  app.add_option("-n", numCores, "number of CPU cores to use (GOMAXPROCS)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--size", size, "steps of work in the job, shared among its goroutines")
      ->check(CLI::Range(std::int64_t{1'000}, std::int64_t{100'000'000'000}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    const int previous = gort::gomaxprocs(numCores);
    std::printf("GOMAXPROCS=%d (-n); it was %d\n", numCores, previous);
    // num_cpu counts the CPUs of the affinity mask, lowered by a cgroup CPU
    // quota: in a 4-CPU container on a 48-CPU host it says 4, not 48.
    const int cpus = gort::num_cpu();
    std::printf("num_cpu=%d\n", cpus);

    // Rows for 1..num_cpu, and one for -n if it asks for more threads than CPUs.
    std::vector<int> rows;
    for (int procs = 1; procs <= cpus; ++procs) rows.push_back(procs);
    if (numCores > cpus) rows.push_back(numCores);
    // Four goroutines per thread of the largest row, the same for every row,
    // so each row does the same work and every thread gets some of it.
    const int parts = 4 * rows.back();

    std::printf("%lld steps of work in %d goroutines:\n", static_cast<long long>(size), parts);
    std::printf("GOMAXPROCS       time  speed-up\n");
    double baseline = 0;
    for (int procs : rows) {
      gort::gomaxprocs(procs);
      const auto start = gort::now();
      job(size, parts);
      const double ms = std::chrono::duration<double, std::milli>(gort::now() - start).count();
      if (procs == 1) baseline = ms;
      std::printf("%10d %8.1fms %8.2fx%s\n", procs, ms, baseline / ms,
                  procs == numCores ? "  <- -n" : "");
    }
  });
}
// book:end
