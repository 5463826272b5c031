// SPDX-License-Identifier: MIT
// select and timer costs. Each benchmark runs its loop inside a goroutine, so
// times are wall-clock (UseRealTime); the argument is GOMAXPROCS.
#include <benchmark/benchmark.h>

#include <gort/gort.hpp>

namespace {

// select over two channels that are always ready (closed).
void BM_SelectTwoReady(benchmark::State& state) {
  gort::run({.maxprocs = static_cast<int>(state.range(0))}, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    a.close();
    b.close();
    for (auto _ : state) {
      benchmark::DoNotOptimize(gort::select(gort::recv_case(a), gort::recv_case(b)));
    }
  });
}
BENCHMARK(BM_SelectTwoReady)->Arg(1)->Arg(2)->UseRealTime();

// select with default over two empty channels: the non-blocking poll.
void BM_SelectDefaultEmpty(benchmark::State& state) {
  gort::run({.maxprocs = static_cast<int>(state.range(0))}, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    for (auto _ : state) {
      benchmark::DoNotOptimize(
          gort::select(gort::recv_case(a), gort::recv_case(b), gort::default_case()));
    }
  });
}
BENCHMARK(BM_SelectDefaultEmpty)->Arg(1)->Arg(2)->UseRealTime();

// select over two unbuffered channels fed by another goroutine: a blocking
// select and a hand-off per iteration.
void BM_SelectTwoUnbufferedPingPong(benchmark::State& state) {
  gort::run({.maxprocs = static_cast<int>(state.range(0))}, [&] {
    auto a = gort::make_chan<int>();
    auto b = gort::make_chan<int>();
    auto quit = gort::make_chan<gort::signal>();
    gort::go([=] {
      for (int i = 0;; ++i) {
        if (gort::select(gort::send_case(i % 2 == 0 ? a : b, i), gort::recv_case(quit)) == 1) return;
      }
    });
    for (auto _ : state) {
      benchmark::DoNotOptimize(gort::select(gort::recv_case(a), gort::recv_case(b)));
    }
    quit.close();
  });
}
BENCHMARK(BM_SelectTwoUnbufferedPingPong)->Arg(1)->Arg(2)->UseRealTime();

// after(0): create a timer, let the timer service fire it, receive it.
void BM_AfterCreateAndFire(benchmark::State& state) {
  gort::run({.maxprocs = static_cast<int>(state.range(0))}, [&] {
    for (auto _ : state) benchmark::DoNotOptimize(gort::after(std::chrono::nanoseconds(0)).recv());
  });
}
BENCHMARK(BM_AfterCreateAndFire)->Arg(1)->Arg(2)->UseRealTime();

}  // namespace
