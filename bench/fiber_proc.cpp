// SPDX-License-Identifier: MIT
// Raw Boost.Fiber's whole-process workloads of bench/README.md (skynet, parked, idle): the
// baseline for bench_gort_proc, on Boost's work_stealing scheduler over --threads threads.
#include <boost/fiber/all.hpp>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <vector>

#include "fiber_threads.hpp"
#include "process.hpp"

namespace {

// 16 KiB fixed stacks and launch::dispatch: the fastest skynet configuration measured for Boost.
constexpr std::size_t kSkynetStackBytes = 16 * 1024;

using sum_channel = boost::fibers::unbuffered_channel<std::int64_t>;

void launch_skynet(sum_channel& out, std::int64_t num, std::int64_t size);

// skynet() pushes onto out the sum of the ordinals num .. num+size-1, computed by a tree of fibers.
void skynet(sum_channel& out, std::int64_t num, std::int64_t size) {
  if (size == 1) {
    out.push(num);
    return;
  }
  sum_channel children;
  const std::int64_t step = size / bench::kSkynetDiv;
  for (std::int64_t i = 0; i < bench::kSkynetDiv; ++i)
    launch_skynet(children, num + i * step, step);
  std::int64_t sum = 0;
  for (std::int64_t i = 0; i < bench::kSkynetDiv; ++i) sum += children.value_pop();
  out.push(sum);
}

// launch_skynet() starts skynet(out, num, size) as a detached fiber.
void launch_skynet(sum_channel& out, std::int64_t num, std::int64_t size) {
  boost::fibers::fiber(boost::fibers::launch::dispatch, std::allocator_arg,
                       boost::fibers::fixedsize_stack{kSkynetStackBytes},
                       [&out, num, size] { skynet(out, num, size); })
      .detach();
}

int run_skynet() {
  const auto start = std::chrono::steady_clock::now();
  sum_channel root;
  launch_skynet(root, 0, bench::kSkynetLeaves);
  const std::int64_t sum = root.value_pop();
  return bench::report_skynet(sum, bench::milliseconds_since(start));
}

int run_parked(int count) {
  const long before = bench::peak_rss_kib();
  std::atomic<int> started{0};
  boost::fibers::unbuffered_channel<int> release;
  bench::countdown finished(count);
  for (int i = 0; i < count; ++i) {
    boost::fibers::fiber([&] {
      started.fetch_add(1, std::memory_order_relaxed);
      int unused = 0;
      release.pop(unused);  // blocks until release is closed
      finished.count_down();
    }).detach();
  }
  // Yielding runs the posted fibers; each parks in release.pop() once it has counted itself.
  while (started.load(std::memory_order_relaxed) < count) boost::this_fiber::yield();
  const long after = bench::peak_rss_kib();
  release.close();
  finished.wait();
  bench::report(static_cast<double>(after - before) / count, "KiB");
  return 0;
}

int run_spawn_cold() {
  const auto start = std::chrono::steady_clock::now();
  bench::countdown finished(bench::kColdSpawns);
  for (int i = 0; i < bench::kColdSpawns; ++i)
    boost::fibers::fiber([&] { finished.count_down(); }).detach();
  finished.wait();
  bench::report(bench::nanoseconds_per(start, bench::kColdSpawns), "ns");
  return 0;
}

int run_pingpong_gg() {
  boost::fibers::unbuffered_channel<int> ping;
  boost::fibers::unbuffered_channel<int> pong;
  bench::countdown finished(2);
  const auto start = std::chrono::steady_clock::now();
  boost::fibers::fiber([&] {
    int value = 0;
    for (int i = 0; i < bench::kColdRounds; ++i) {
      ping.push(i);
      pong.pop(value);
    }
    finished.count_down();
  }).detach();
  boost::fibers::fiber([&] {
    int value = 0;
    for (int i = 0; i < bench::kColdRounds; ++i) {
      ping.pop(value);
      pong.push(value);
    }
    finished.count_down();
  }).detach();
  finished.wait();
  bench::report(bench::nanoseconds_per(start, bench::kColdRounds), "ns");
  return 0;
}

int run_idle() {
  const double before = bench::cpu_ms();
  boost::this_fiber::sleep_for(std::chrono::seconds(2));
  bench::report(bench::cpu_ms() - before, "ms");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bench::process_args args;
  int status = 0;
  if (!bench::parse_process_args(argc, argv, "raw Boost.Fiber's whole-process benchmarks", args,
                                 status)) {
    return status;
  }
  bench::work_stealing_threads scheduler(args.threads);
  if (args.workload == "skynet") status = run_skynet();
  if (args.workload == "parked") status = run_parked(args.goroutines);
  if (args.workload == "idle") status = run_idle();
  if (args.workload == "spawn_cold") status = run_spawn_cold();
  if (args.workload == "pingpong_gg") status = run_pingpong_gg();
  scheduler.stop();
  return status;
}
