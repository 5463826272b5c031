// SPDX-License-Identifier: MIT
// Raw Boost.Fiber's in-process workloads of bench/README.md: the baseline for bench_gort, on
// Boost's work_stealing scheduler over --threads threads. Boost.Fiber has no select and no timer
// channels, so select_* and after are absent. Times are wall-clock: work on other threads counts.
#include <benchmark/benchmark.h>

#include <array>
#include <boost/fiber/all.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "fiber_threads.hpp"
#include "harness.hpp"

namespace {

constexpr int kSpawnBatch = 1'000'000;
// 16 KiB fixed stacks and launch::dispatch: the fastest spawn configuration measured for Boost.
constexpr std::size_t kSpawnStackBytes = 16 * 1024;
// Go's channels here hold 128 items; Boost's capacity must be a power of two and holds one less.
constexpr std::size_t kBufferedCapacity = 128;

void join_all(std::vector<boost::fibers::fiber>& fibers) {
  for (boost::fibers::fiber& f : fibers) f.join();
}

void pingpong(benchmark::State& state, int /*threads*/) {
  boost::fibers::unbuffered_channel<int> ping;
  boost::fibers::unbuffered_channel<int> pong;
  boost::fibers::fiber echo([&] {
    for (int v : ping) pong.push(v);
  });
  int i = 0;
  for (auto _ : state) {
    ping.push(i++);
    benchmark::DoNotOptimize(pong.value_pop());
  }
  ping.close();
  echo.join();
  state.SetItemsProcessed(state.iterations());
}

void buffered_1to1(benchmark::State& state, int /*threads*/) {
  constexpr int kBatch = 100'000;
  std::int64_t items = 0;
  for (auto _ : state) {
    boost::fibers::buffered_channel<int> ch(kBufferedCapacity);
    boost::fibers::fiber producer([&ch] {
      for (int i = 0; i < kBatch; ++i) ch.push(i);
      ch.close();
    });
    std::int64_t sum = 0;
    for (int v : ch) sum += v;
    producer.join();
    if (sum != std::int64_t{kBatch} * (kBatch - 1) / 2) state.SkipWithError("lost items");
    items += kBatch;
  }
  state.SetItemsProcessed(items);
}

// buffered_4to4_round() sends kSides * per_producer ints through one channel from kSides producers
// to kSides consumers and returns how many arrived, or -1 if their sum is wrong.
std::int64_t buffered_4to4_round(int per_producer) {
  constexpr int kSides = 4;
  boost::fibers::buffered_channel<int> ch(kBufferedCapacity);
  std::vector<boost::fibers::fiber> producers;
  for (int p = 0; p < kSides; ++p) {
    producers.emplace_back([&ch, per_producer] {
      for (int i = 0; i < per_producer; ++i) ch.push(i);
    });
  }
  std::array<std::int64_t, kSides> counts{};
  std::array<std::int64_t, kSides> sums{};
  std::vector<boost::fibers::fiber> consumers;
  for (std::size_t c = 0; c < kSides; ++c) {
    consumers.emplace_back([&ch, &count = counts[c], &sum = sums[c]] {
      for (int v : ch) {
        ++count;
        sum += v;
      }
    });
  }
  join_all(producers);
  ch.close();  // the consumers drain what is left, then their loops end
  join_all(consumers);
  std::int64_t received = 0;
  std::int64_t sum = 0;
  for (std::size_t c = 0; c < kSides; ++c) {
    received += counts[c];
    sum += sums[c];
  }
  const std::int64_t want_sum = std::int64_t{kSides} * per_producer * (per_producer - 1) / 2;
  return sum == want_sum ? received : -1;
}

void buffered_4to4(benchmark::State& state, int /*threads*/) {
  constexpr int kPerProducer = 25'000;
  std::int64_t items = 0;
  for (auto _ : state) {
    const std::int64_t received = buffered_4to4_round(kPerProducer);
    if (received != 4 * kPerProducer) state.SkipWithError("lost items");
    items += received;
  }
  state.SetItemsProcessed(items);
}

void spawn(benchmark::State& state, int /*threads*/) {
  for (auto _ : state) {
    bench::countdown done(kSpawnBatch);
    for (int i = 0; i < kSpawnBatch; ++i) {
      boost::fibers::fiber(boost::fibers::launch::dispatch, std::allocator_arg,
                           boost::fibers::fixedsize_stack{kSpawnStackBytes},
                           [&done] { done.count_down(); })
          .detach();
    }
    done.wait();
  }
  state.SetItemsProcessed(state.iterations() * kSpawnBatch);
}

// mutex_pool_worker() takes tasks from pending until it is empty, working outside the lock.
void mutex_pool_worker(boost::fibers::mutex& mu, std::deque<bench::pool_task*>& pending) {
  for (;;) {
    bench::pool_task* t = nullptr;
    {
      std::lock_guard<boost::fibers::mutex> lock(mu);
      if (pending.empty()) return;
      t = pending.front();
      pending.pop_front();
    }
    t->steps = bench::collatz_steps(t->n);
  }
}

void pool_mutex(benchmark::State& state, int /*threads*/) {
  for (auto _ : state) {
    std::vector<bench::pool_task> tasks = bench::pool_batch();
    boost::fibers::mutex mu;
    std::deque<bench::pool_task*> pending;  // guarded by mu
    for (bench::pool_task& t : tasks) pending.push_back(&t);
    std::vector<boost::fibers::fiber> workers;
    for (int w = 0; w < bench::kPoolWorkers; ++w) {
      workers.emplace_back([&mu, &pending] { mutex_pool_worker(mu, pending); });
    }
    join_all(workers);
    if (bench::checksum_of(tasks) != bench::pool_checksum()) state.SkipWithError("wrong checksum");
  }
  state.SetItemsProcessed(state.iterations() * bench::kPoolBatch);
}

// channel_pool_round() runs one batch through the channel pool and returns its checksum.
std::int64_t channel_pool_round(std::vector<bench::pool_task>& tasks) {
  boost::fibers::unbuffered_channel<bench::pool_task*> pending;
  boost::fibers::unbuffered_channel<bench::pool_task*> done;
  boost::fibers::fiber feeder([&pending, &tasks] {
    for (bench::pool_task& t : tasks) pending.push(&t);
    pending.close();
  });
  std::vector<boost::fibers::fiber> workers;
  for (int w = 0; w < bench::kPoolWorkers; ++w) {
    workers.emplace_back([&pending, &done] {
      for (bench::pool_task* t : pending) {
        t->steps = bench::collatz_steps(t->n);
        done.push(t);
      }
    });
  }
  std::int64_t checksum = 0;
  for (std::size_t i = 0; i < tasks.size(); ++i) checksum += done.value_pop()->steps;
  feeder.join();
  join_all(workers);
  return checksum;
}

void pool_channels(benchmark::State& state, int /*threads*/) {
  for (auto _ : state) {
    std::vector<bench::pool_task> tasks = bench::pool_batch();
    if (channel_pool_round(tasks) != bench::pool_checksum()) state.SkipWithError("wrong checksum");
  }
  state.SetItemsProcessed(state.iterations() * bench::kPoolBatch);
}

const std::array<bench::workload, 6> kWorkloads{{
    {"pingpong", pingpong},
    {"buffered_1to1", buffered_1to1},
    {"buffered_4to4", buffered_4to4},
    {"spawn", spawn},
    {"pool_mutex", pool_mutex},
    {"pool_channels", pool_channels},
}};

// The scheduler threads live from main_with()'s start call until main() stops them.
std::unique_ptr<bench::work_stealing_threads> scheduler_threads;

}  // namespace

int main(int argc, char** argv) {
  const int status = bench::main_with(argc, argv, kWorkloads, [](int threads) {
    scheduler_threads = std::make_unique<bench::work_stealing_threads>(threads);
  });
  scheduler_threads.reset();  // joins the helpers before static teardown
  return status;
}
