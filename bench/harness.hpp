// SPDX-License-Identifier: MIT
// The shared main of the Google Benchmark runners (bench_gort, bench_fiber):
// one process runs at one thread count, given by --threads; every other flag
// goes to Google Benchmark. Each workload reports items_per_second, one item
// being what bench/README.md's table says.
#pragma once

#include <benchmark/benchmark.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace bench {

// workload: one benchmark body; threads is the scheduler's thread count.
struct workload {
  const char* key;  // bench/README.md's key, also the Google Benchmark name
  std::function<void(benchmark::State&, int threads)> body;
};

// main_with() parses --threads, calls start(threads) once (a runner whose
// scheduler is per process starts it there), registers every workload and
// runs the ones --benchmark_filter selects.
inline int main_with(int argc, char** argv, std::span<const workload> workloads,
                     const std::function<void(int threads)>& start = {}) {
  CLI::App app{"Runs the workloads of bench/README.md; other flags go to Google Benchmark"};
  int threads = 1;
  app.add_option("--threads", threads, "scheduler threads (GOMAXPROCS)")->check(CLI::Range(1, 1024));
  app.allow_extras();
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> rest{argv[0]};
  for (const std::string& extra : app.remaining()) rest.push_back(extra);
  std::vector<char*> benchmark_argv;
  for (std::string& arg : rest) benchmark_argv.push_back(arg.data());
  int benchmark_argc = static_cast<int>(benchmark_argv.size());
  benchmark::Initialize(&benchmark_argc, benchmark_argv.data());
  if (benchmark::ReportUnrecognizedArguments(benchmark_argc, benchmark_argv.data())) return 2;

  if (start) start(threads);
  for (const workload& w : workloads) {
    benchmark::RegisterBenchmark(w.key, [&w, threads](benchmark::State& state) { w.body(state, threads); })
        ->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// collatz_steps() is a pool task's work: the Collatz steps from n down to 1.
inline int collatz_steps(int n) {
  int steps = 0;
  for (; n != 1; ++steps) n = n % 2 == 0 ? n / 2 : 3 * n + 1;
  return steps;
}

// pool_task: one unit of work of the two task pools.
struct pool_task {
  int n = 0;
  int steps = 0;
};

constexpr int kPoolWorkers = 4;
constexpr int kPoolBatch = 1024;  // tasks per benchmark iteration

// pool_batch() is a fresh batch of tasks: n runs over 1..1000.
inline std::vector<pool_task> pool_batch() {
  std::vector<pool_task> tasks(kPoolBatch);
  for (int i = 0; i < kPoolBatch; ++i) tasks[static_cast<std::size_t>(i)].n = i % 1000 + 1;
  return tasks;
}

// pool_checksum() is the sum of steps a processed batch must show; computed on first use.
inline std::int64_t pool_checksum() {
  static const std::int64_t sum = [] {
    std::int64_t total = 0;
    for (const pool_task& t : pool_batch()) total += collatz_steps(t.n);
    return total;
  }();
  return sum;
}

inline std::int64_t checksum_of(const std::vector<pool_task>& tasks) {
  std::int64_t sum = 0;
  for (const pool_task& t : tasks) sum += t.steps;
  return sum;
}

}  // namespace bench
