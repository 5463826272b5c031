// SPDX-License-Identifier: MIT
// Raw Boost.Fiber's whole-process workloads of bench/README.md (skynet, parked, idle): the
// baseline for bench_gort_proc, on Boost's work_stealing scheduler over --threads threads.
#include <atomic>
#include <boost/fiber/algo/work_stealing.hpp>
#include <boost/fiber/all.hpp>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "process.hpp"

namespace {

// 16 KiB fixed stacks and launch::dispatch: the fastest skynet configuration measured for Boost.
constexpr std::size_t kSkynetStackBytes = 16 * 1024;

// work_stealing_threads installs Boost's work_stealing scheduler on the calling thread and on
// threads-1 helper threads. Boost keeps the scheduler's state in statics and its constructor waits
// for all threads, so this is done once per process. The helpers sleep in their main fiber (and
// in the scheduler, suspend=true) until stop().
class work_stealing_threads {
 public:
  explicit work_stealing_threads(int threads) {
    const auto count = static_cast<std::uint32_t>(threads);
    for (int i = 1; i < threads; ++i) helpers_.emplace_back([this, count] { serve(count); });
    install(count);
  }
  work_stealing_threads(const work_stealing_threads&) = delete;
  work_stealing_threads& operator=(const work_stealing_threads&) = delete;
  ~work_stealing_threads() { stop(); }

  // stop() wakes the helpers and joins them; every fiber must have finished by then, since a
  // helper's scheduler runs until no fiber is attached to it.
  void stop() {
    {
      std::lock_guard<boost::fibers::mutex> lock(mu_);
      stopping_ = true;
    }
    stopped_.notify_all();
    for (std::thread& helper : helpers_) helper.join();
    helpers_.clear();
  }

 private:
  static void install(std::uint32_t count) {
    boost::fibers::use_scheduling_algorithm<boost::fibers::algo::work_stealing>(count, true);
  }

  void serve(std::uint32_t count) {
    install(count);
    std::unique_lock<boost::fibers::mutex> lock(mu_);
    stopped_.wait(lock, [this] { return stopping_; });
  }

  boost::fibers::mutex mu_;
  boost::fibers::condition_variable stopped_;
  bool stopping_ = false;  // guarded by mu_
  std::vector<std::thread> helpers_;
};

// countdown is a latch from Boost.Fiber's mutex and condition_variable: wait() parks only the
// calling fiber, never its thread.
class countdown {
 public:
  explicit countdown(std::int64_t count) : remaining_(count) {}

  void count_down() {
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    // Notify while holding mu_: the waiter may destroy *this as soon as it can relock.
    std::lock_guard<boost::fibers::mutex> lock(mu_);
    zero_ = true;
    reached_zero_.notify_all();
  }

  void wait() {
    std::unique_lock<boost::fibers::mutex> lock(mu_);
    reached_zero_.wait(lock, [this] { return zero_; });
  }

 private:
  std::atomic<std::int64_t> remaining_;
  boost::fibers::mutex mu_;
  boost::fibers::condition_variable reached_zero_;
  bool zero_ = false;  // guarded by mu_
};

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
  const double ms = bench::milliseconds_since(start);
  if (sum != bench::kSkynetSum) {
    std::cerr << "skynet: sum " << sum << ", want " << bench::kSkynetSum << "\n";
    return 1;
  }
  bench::report(ms, "ms");
  return 0;
}

int run_parked(int count) {
  const long before = bench::peak_rss_kib();
  std::atomic<int> started{0};
  boost::fibers::unbuffered_channel<int> release;
  countdown finished(count);
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

int run_idle() {
  boost::this_fiber::sleep_for(std::chrono::seconds(2));
  bench::report(bench::cpu_ms(), "ms");
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
  work_stealing_threads scheduler(args.threads);
  if (args.workload == "skynet") status = run_skynet();
  if (args.workload == "parked") status = run_parked(args.goroutines);
  if (args.workload == "idle") status = run_idle();
  scheduler.stop();
  return status;
}
