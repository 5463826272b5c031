// SPDX-License-Identifier: MIT
// gort's whole-process workloads of bench/README.md: skynet, parked, idle,
// and the cold ones (process.hpp).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <gort/gort.hpp>

#include "process.hpp"

namespace {

// skynet() sends to out the sum of the ordinals num .. num+size-1, computed by a tree of
// goroutines.
void skynet(gort::send_chan<std::int64_t> out, std::int64_t num, std::int64_t size) {
  if (size == 1) {
    out.send(num);
    return;
  }
  auto children = gort::make_chan<std::int64_t>();
  const std::int64_t step = size / bench::kSkynetDiv;
  for (std::int64_t i = 0; i < bench::kSkynetDiv; ++i)
    gort::go(skynet, children, num + i * step, step);
  std::int64_t sum = 0;
  for (std::int64_t i = 0; i < bench::kSkynetDiv; ++i) sum += children.recv();
  out.send(sum);
}

int run_skynet() {
  const auto start = std::chrono::steady_clock::now();
  auto root = gort::make_chan<std::int64_t>();
  gort::go(skynet, root, 0, bench::kSkynetLeaves);
  const std::int64_t sum = root.recv();
  return bench::report_skynet(sum, bench::milliseconds_since(start));
}

int run_parked(int count) {
  const long before = bench::peak_rss_kib();
  auto release = gort::make_chan<gort::signal>();
  gort::wait_group started;
  gort::wait_group finished;
  started.add(count);
  finished.add(count);
  for (int i = 0; i < count; ++i) {
    gort::go([release, &started, &finished] {
      started.done();
      release.recv();
      finished.done();
    });
  }
  started.wait();
  const long after = bench::peak_rss_kib();
  release.close();
  finished.wait();
  bench::report(static_cast<double>(after - before) / count, "KiB");
  return 0;
}

int run_spawn_cold() {
  const auto start = std::chrono::steady_clock::now();
  gort::wait_group wg;
  wg.add(bench::kColdSpawns);
  for (int i = 0; i < bench::kColdSpawns; ++i) gort::go([&wg] { wg.done(); });
  wg.wait();
  bench::report(bench::nanoseconds_per(start, bench::kColdSpawns), "ns");
  return 0;
}

int run_pingpong_gg() {
  auto ping = gort::make_chan<int>();
  auto pong = gort::make_chan<int>();
  gort::wait_group wg;
  wg.add(2);
  const auto start = std::chrono::steady_clock::now();
  gort::go([&] {
    for (int i = 0; i < bench::kColdRounds; ++i) {
      ping << i;
      pong.recv();
    }
    wg.done();
  });
  gort::go([&] {
    for (int i = 0; i < bench::kColdRounds; ++i) pong << ping.recv();
    wg.done();
  });
  wg.wait();
  bench::report(bench::nanoseconds_per(start, bench::kColdRounds), "ns");
  return 0;
}

int run_select_unbuffered_gg() {
  auto a = gort::make_chan<int>();
  auto b = gort::make_chan<int>();
  gort::wait_group wg;
  wg.add(3);
  const auto start = std::chrono::steady_clock::now();
  for (auto ch : {a, b}) {
    gort::go([&wg, ch] {
      for (int i = 0; i < bench::kColdRounds / 2; ++i) ch << i;
      wg.done();
    });
  }
  gort::go([&] {
    for (int i = 0; i < bench::kColdRounds; ++i)
      gort::select(gort::recv_case(a), gort::recv_case(b));
    wg.done();
  });
  wg.wait();
  bench::report(bench::nanoseconds_per(start, bench::kColdRounds), "ns");
  return 0;
}

int run_idle() {
  const double before = bench::cpu_ms();
  gort::sleep(std::chrono::seconds(2));
  bench::report(bench::cpu_ms() - before, "ms");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bench::process_args args;
  int status = 0;
  if (!bench::parse_process_args(argc, argv, "gort's whole-process benchmarks", args, status))
    return status;
  gort::run({.maxprocs = args.threads}, [&] {
    if (args.workload == "skynet") status = run_skynet();
    if (args.workload == "parked") status = run_parked(args.goroutines);
    if (args.workload == "idle") status = run_idle();
    if (args.workload == "spawn_cold") status = run_spawn_cold();
    if (args.workload == "pingpong_gg") status = run_pingpong_gg();
    if (args.workload == "select_unbuffered_gg") status = run_select_unbuffered_gg();
  });
  return status;
}
