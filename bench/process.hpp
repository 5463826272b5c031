// SPDX-License-Identifier: MIT
// The shared frame of the whole-process runners (bench_gort_proc,
// bench_fiber_proc): `RUNNER skynet|parked|idle --threads N [-n N]` runs one
// workload of bench/README.md and prints one line, "<value> <unit>".
#pragma once

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace bench {

// skynet's shape: a 10-ary tree over 1,000,000 leaves whose ordinals sum to kSkynetSum.
constexpr std::int64_t kSkynetLeaves = 1'000'000;
constexpr std::int64_t kSkynetDiv = 10;
constexpr std::int64_t kSkynetSum = kSkynetLeaves * (kSkynetLeaves - 1) / 2;

// The cold workloads, each timed once in a fresh process: spawn_cold starts
// kColdSpawns goroutines at once (as example 05 does); pingpong_gg and
// select_unbuffered_gg make kColdRounds exchanges between ordinary
// goroutines while main waits on a wait_group.
constexpr int kColdSpawns = 1'000'000;
constexpr int kColdRounds = 1'000'000;

// process_args: the parsed command line of a whole-process runner.
struct process_args {
  std::string workload;
  int threads = 1;
  int goroutines = 100'000;  // parked only
};

// peak_rss_kib() is the process's peak resident memory so far.
inline long peak_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// cpu_ms() is the CPU time (user + system) the process has used so far.
inline double cpu_ms() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// milliseconds_since() is the wall time from start to now.
inline double nanoseconds_per(std::chrono::steady_clock::time_point start, int count) {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now() - start)
                                 .count()) /
         count;
}

inline double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// parse_process_args() reads the command line; on a bad one it prints why and returns false.
inline bool parse_process_args(int argc, char** argv, const char* what, process_args& args,
                               int& status) {
  CLI::App app{what};
  app.add_option("workload", args.workload,
                 "skynet, parked, idle, spawn_cold, pingpong_gg or select_unbuffered_gg")
      ->required()
      ->check(CLI::IsMember(
          {"skynet", "parked", "idle", "spawn_cold", "pingpong_gg", "select_unbuffered_gg"}));
  app.add_option("--threads", args.threads, "scheduler threads (GOMAXPROCS)")
      ->check(CLI::Range(1, 1024));
  app.add_option("-n,--goroutines", args.goroutines, "parked: how many goroutines")
      ->check(CLI::Range(1, 10'000'000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    status = app.exit(e);
    return false;
  }
  return true;
}

// report() prints a runner's one line of output.
inline void report(double value, const char* unit) { std::printf("%.2f %s\n", value, unit); }

// report_skynet() checks skynet's sum and reports its time; the runner's exit status.
inline int report_skynet(std::int64_t sum, double ms) {
  if (sum != kSkynetSum) {
    std::fprintf(stderr, "skynet: sum %lld, want %lld\n", static_cast<long long>(sum),
                 static_cast<long long>(kSkynetSum));
    return 1;
  }
  report(ms, "ms");
  return 0;
}

}  // namespace bench
