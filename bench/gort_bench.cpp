// SPDX-License-Identifier: MIT
// gort's in-process workloads of bench/README.md. Each runs its loop inside
// one gort::run at --threads; times are wall-clock, so that work done by other
// goroutines and threads counts.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <deque>
#include <gort/gort.hpp>
#include <vector>

#include "harness.hpp"

namespace {

constexpr int kSpawnBatch = 1'000'000;

// in_run() runs body as the main goroutine of a run on threads threads.
template <class F>
void in_run(int threads, F&& body) {
  gort::run({.maxprocs = threads}, std::forward<F>(body));
}

void pingpong(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    auto ping = gort::make_chan<int>();
    auto pong = gort::make_chan<int>();
    gort::go([=] {
      for (int v : ping) pong.send(v);
    });
    int i = 0;
    for (auto _ : state) {
      ping.send(i++);
      benchmark::DoNotOptimize(pong.recv());
    }
    ping.close();
  });
  state.SetItemsProcessed(state.iterations());
}

void buffered_1to1(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    std::int64_t items = 0;
    for (auto _ : state) {
      auto ch = gort::make_chan<int>(128);
      constexpr int kBatch = 100'000;
      gort::go([=] {
        for (int i = 0; i < kBatch; ++i) ch.send(i);
        ch.close();
      });
      std::int64_t sum = 0;
      for (int v : ch) sum += v;
      if (sum != std::int64_t{kBatch} * (kBatch - 1) / 2) state.SkipWithError("lost items");
      items += kBatch;
    }
    state.SetItemsProcessed(items);
  });
}

void buffered_4to4(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    std::int64_t items = 0;
    for (auto _ : state) {
      constexpr int kSides = 4;
      constexpr int kPerProducer = 25'000;
      auto ch = gort::make_chan<int>(128);
      gort::wait_group producers;
      producers.add(kSides);
      for (int p = 0; p < kSides; ++p) {
        gort::go([=, &producers] {
          for (int i = 0; i < kPerProducer; ++i) ch.send(i);
          producers.done();
        });
      }
      gort::go([=, &producers] {
        producers.wait();
        ch.close();
      });
      auto counts = gort::make_chan<std::int64_t>(kSides);
      for (int c = 0; c < kSides; ++c) {
        gort::go([=] {
          std::int64_t n = 0;
          for (int v : ch) n += v >= 0 ? 1 : 0;
          counts.send(n);
        });
      }
      std::int64_t received = 0;
      for (int c = 0; c < kSides; ++c) received += counts.recv();
      if (received != kSides * kPerProducer) state.SkipWithError("lost items");
      items += received;
    }
    state.SetItemsProcessed(items);
  });
}

void spawn(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    for (auto _ : state) {
      gort::wait_group wg;
      wg.add(kSpawnBatch);
      for (int i = 0; i < kSpawnBatch; ++i) gort::go([&wg] { wg.done(); });
      wg.wait();
    }
  });
  state.SetItemsProcessed(state.iterations() * kSpawnBatch);
}

void select_ready(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    a.close();
    b.close();
    for (auto _ : state) benchmark::DoNotOptimize(gort::select(gort::recv_case(a), gort::recv_case(b)));
  });
  state.SetItemsProcessed(state.iterations());
}

void select_default(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    for (auto _ : state) {
      benchmark::DoNotOptimize(gort::select(gort::recv_case(a), gort::recv_case(b), gort::default_case()));
    }
  });
  state.SetItemsProcessed(state.iterations());
}

void select_unbuffered(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    auto quit = gort::make_chan<gort::signal>();
    gort::go([=] {
      for (int i = 0;; ++i) {
        if (gort::select(gort::send_case(i % 2 == 0 ? a : b, i), gort::recv_case(quit)) == 1) return;
      }
    });
    for (auto _ : state) benchmark::DoNotOptimize(gort::select(gort::recv_case(a), gort::recv_case(b)));
    quit.close();
  });
  state.SetItemsProcessed(state.iterations());
}

void after(benchmark::State& state, int threads) {
  in_run(threads, [&] {
    for (auto _ : state) benchmark::DoNotOptimize(gort::after(std::chrono::nanoseconds(0)).recv());
  });
  state.SetItemsProcessed(state.iterations());
}

void pool_mutex(benchmark::State& state, int threads) {
  bench::pool_checksum();  // computed once, outside the timing
  in_run(threads, [&] {
    for (auto _ : state) {
      std::vector<bench::pool_task> tasks = bench::pool_batch();
      gort::mutex mu;
      std::deque<bench::pool_task*> pending;  // guarded by mu
      for (bench::pool_task& t : tasks) pending.push_back(&t);
      gort::wait_group workers;
      workers.add(bench::kPoolWorkers);
      for (int w = 0; w < bench::kPoolWorkers; ++w) {
        gort::go([&] {
          for (;;) {
            mu.lock();
            if (pending.empty()) break;
            bench::pool_task* t = pending.front();
            pending.pop_front();
            mu.unlock();
            t->steps = bench::collatz_steps(t->n);
          }
          mu.unlock();
          workers.done();
        });
      }
      workers.wait();
      if (bench::checksum_of(tasks) != bench::pool_checksum()) state.SkipWithError("wrong checksum");
    }
  });
  state.SetItemsProcessed(state.iterations() * bench::kPoolBatch);
}

void pool_channels(benchmark::State& state, int threads) {
  bench::pool_checksum();  // computed once, outside the timing
  in_run(threads, [&] {
    for (auto _ : state) {
      std::vector<bench::pool_task> tasks = bench::pool_batch();
      auto pending = gort::make_chan<bench::pool_task*>();
      auto done = gort::make_chan<bench::pool_task*>();
      gort::go([pending, &tasks] {
        for (bench::pool_task& t : tasks) pending.send(&t);
        pending.close();
      });
      for (int w = 0; w < bench::kPoolWorkers; ++w) {
        gort::go([pending, done] {
          for (bench::pool_task* t : pending) {
            t->steps = bench::collatz_steps(t->n);
            done.send(t);
          }
        });
      }
      for (int i = 0; i < bench::kPoolBatch; ++i) done.recv();
      if (bench::checksum_of(tasks) != bench::pool_checksum()) state.SkipWithError("wrong checksum");
    }
  });
  state.SetItemsProcessed(state.iterations() * bench::kPoolBatch);
}

const std::array<bench::workload, 10> kWorkloads{{
    {"pingpong", pingpong},
    {"buffered_1to1", buffered_1to1},
    {"buffered_4to4", buffered_4to4},
    {"spawn", spawn},
    {"select_ready", select_ready},
    {"select_default", select_default},
    {"select_unbuffered", select_unbuffered},
    {"after", after},
    {"pool_mutex", pool_mutex},
    {"pool_channels", pool_channels},
}};

}  // namespace

int main(int argc, char** argv) { return bench::main_with(argc, argv, kWorkloads); }
