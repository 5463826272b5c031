// SPDX-License-Identifier: MIT
// The shared main of the Google Benchmark runners (bench_gort, bench_fiber):
// one process runs at one thread count, given by --threads; every other flag
// goes to Google Benchmark. Each workload reports items_per_second, one item
// being what bench/README.md's table says.
#pragma once

#include <benchmark/benchmark.h>

#include <CLI/CLI.hpp>
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

}  // namespace bench
