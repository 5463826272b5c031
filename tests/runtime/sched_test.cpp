// SPDX-License-Identifier: MIT
// The scheduler: goroutines, parallelism bounded by gomaxprocs, GOMAXPROCS,
// gosched, goexit, 100,000 goroutines, repeated runs, and bad options.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "runtime_test.hpp"

// waits_on_recv is an exported plain function (outside the anonymous
// namespace): stack() names it.
void waits_on_recv(gort::chan<int> never);
void waits_on_recv(gort::chan<int> never) { never.recv(); }

namespace {

using gort_test::eventually;

class Sched : public gort_test::Maxprocs {};
GORT_INSTANTIATE_MAXPROCS(Sched);

// all_running_at_once() starts k goroutines that each wait, without yielding,
// until all k are inside: it returns only if k threads ran them in parallel.
bool all_running_at_once(int k) {
  std::atomic<int> inside{0};
  std::atomic<bool> timed_out{false};
  gort::wait_group wg;
  wg.add(k);
  for (int i = 0; i < k; ++i) {
    gort::go([&] {
      ++inside;
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (inside.load() < k) {
        if (std::chrono::steady_clock::now() > give_up) {
          timed_out = true;
          break;
        }
      }
      wg.done();
    });
  }
  wg.wait();
  return !timed_out;
}

// most_running_at_once() runs k busy goroutines that never yield and returns
// how many were ever inside their busy section together.
int most_running_at_once(int k) {
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  gort::wait_group wg;
  wg.add(k);
  for (int i = 0; i < k; ++i) {
    gort::go([&] {
      const int now = ++inside;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      volatile unsigned sink = 0;
      for (unsigned j = 0; j < 2'000'000; ++j) sink = sink + j;
      --inside;
      wg.done();
    });
  }
  wg.wait();
  return most;
}

TEST_P(Sched, MaxprocsThreadsRunGoroutinesInParallel) {
  run_main([this] {
    EXPECT_EQ(gort::gomaxprocs(0), GetParam());
    EXPECT_TRUE(all_running_at_once(GetParam()));
  });
}

TEST_P(Sched, NeverMoreThanMaxprocsRunAtOnce) {
  run_main([this] { EXPECT_LE(most_running_at_once(8), GetParam()); });
}

TEST_P(Sched, GomaxprocsChangesTheThreadCountWhileRunning) {
  run_main([this] {
    EXPECT_EQ(gort::gomaxprocs(3), GetParam());
    EXPECT_EQ(gort::gomaxprocs(0), 3) << "n < 1 only reports";
    EXPECT_TRUE(all_running_at_once(3));
    EXPECT_EQ(gort::gomaxprocs(1), 3);
    EXPECT_EQ(most_running_at_once(6), 1);
    EXPECT_EQ(gort::gomaxprocs(GetParam()), 1);
    EXPECT_TRUE(all_running_at_once(GetParam()));
  });
}

TEST_P(Sched, GoCopiesItsArgumentsAtTheCall) {
  run_main([] {
    auto got = gort::make_chan<int>(1);
    int i = 1;
    gort::go([](int v, gort::chan<int> out) { out << v; }, i, got);
    i = 2;
    EXPECT_EQ(got.recv(), 1);
    EXPECT_EQ(i, 2);
  });
}

TEST_P(Sched, GoTakesMoveOnlyCallablesAndArguments) {
  run_main([] {
    auto got = gort::make_chan<int>(1);
    auto owned = std::make_unique<int>(7);
    gort::go([p = std::make_unique<int>(35), got](std::unique_ptr<int> q) { got << *p + *q; },
             std::move(owned));
    EXPECT_EQ(got.recv(), 42);
  });
}

TEST_P(Sched, NumGoroutineCountsLiveGoroutines) {
  run_main([] {
    EXPECT_EQ(gort::num_goroutine(), 1);
    auto release = gort::make_chan<gort::signal>();
    gort::wait_group done;
    done.add(5);
    for (int i = 0; i < 5; ++i) {
      gort::go([release, &done] {
        release.recv();
        done.done();
      });
    }
    EXPECT_EQ(gort::num_goroutine(), 6);
    release.close();
    done.wait();
    EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 1; }));
  });
}

TEST_P(Sched, StackNamesEveryLiveGoroutineOfTheRunAndWhatItWaitsOn) {
  // A goroutine an earlier run left behind is not this run's.
  auto leftover = gort::make_chan<int>();
  run_main([leftover] { gort::go(waits_on_recv, leftover); });
  run_main([] {
    EXPECT_THAT(gort::stack(), testing::StartsWith("goroutine 1 [running]:\nmain\n"));
    auto never = gort::make_chan<int>();
    auto handoff = gort::make_chan<int>();
    gort::go(waits_on_recv, never);
    gort::go(gort::named{"sender"}, [handoff] { handoff.send(1); });
    std::string dump;
    EXPECT_TRUE(eventually([&dump] {
      dump = gort::stack();
      return dump.find("[chan receive]:\nwaits_on_recv\n") != std::string::npos &&
             dump.find("[chan send]:\nsender\n") != std::string::npos;
    })) << dump;
    EXPECT_EQ(std::count(dump.begin(), dump.end(), '['), 3) << dump;
    handoff.recv();
    EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 2; }));
  });
  EXPECT_EQ(gort::stack(), "") << "outside run";
}

TEST_P(Sched, HundredThousandGoroutinesParkedAtOnce) {
  run_main([] {
    constexpr int kGoroutines = 100'000;
    auto start = gort::make_chan<gort::signal>();
    auto results = gort::make_chan<long long>(1024);
    for (int i = 0; i < kGoroutines; ++i) {
      gort::go([start, results, i] {
        start.recv();
        results << i;
      });
    }
    EXPECT_EQ(gort::num_goroutine(), kGoroutines + 1) << "all of them exist at the same time";
    start.close();
    long long sum = 0;
    for (int i = 0; i < kGoroutines; ++i) sum += results.recv();
    EXPECT_EQ(sum, static_cast<long long>(kGoroutines) * (kGoroutines - 1) / 2);
    EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 1; }));
  });
}

// On one thread, as in Go: the goroutine started last sits in the runnext slot
// and runs first; then each gosched() lets the other one run.
TEST(SchedOneThread, GoschedLetsTheOtherGoroutineRun) {
  std::string order;
  ASSERT_EQ(gort::run({.maxprocs = 1},
                      [&] {
                        gort::wait_group wg;
                        wg.add(2);
                        for (char name : {'a', 'b'}) {
                          gort::go([&, name] {
                            for (int i = 0; i < 4; ++i) {
                              order += name;
                              gort::gosched();
                            }
                            wg.done();
                          });
                        }
                        wg.wait();
                      }),
            0);
  EXPECT_EQ(order, "babababa");
}

// On one thread, a goroutine starting goroutines in a loop and never
// blocking does not queue them all before any runs: like Go's scheduler, which
// preempts it after 10 ms, gort lets them run (at the next go) once it has
// been at it for a time slice.
TEST(SchedOneThread, ALongLoopOfGoStatementsLetsTheGoroutinesRun) {
  constexpr int kAtMost = 1'000'000;  // a second or so of spawning, without the slice
  int ran = 0;                        // one thread: no two goroutines touch it at once
  int started = 0;
  ASSERT_EQ(gort::run({.maxprocs = 1},
                      [&] {
                        gort::wait_group wg;
                        for (; ran == 0 && started < kAtMost; ++started) {
                          wg.add(1);
                          gort::go([&] {
                            ++ran;
                            wg.done();
                          });
                        }
                        wg.wait();
                      }),
            0);
  EXPECT_LT(started, kAtMost) << "no goroutine ran before the loop ended";
  EXPECT_EQ(ran, started);
}

TEST_P(Sched, GoexitRunsDestructorsAndEndsOnlyThatGoroutine) {
  run_main([] {
    auto cleaned = gort::make_chan<std::string>(2);
    struct on_exit {
      gort::chan<std::string> log;
      ~on_exit() { log << "destructor ran"; }
    };
    gort::go([cleaned] {
      on_exit guard{cleaned};
      gort::goexit();
      cleaned << "after goexit";
    });
    EXPECT_EQ(cleaned.recv(), "destructor ran");
    EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 1; }));
    EXPECT_EQ(cleaned.len(), 0u);
  });
}

TEST(SchedRuns, RunMayBeCalledAgainWithGoroutinesLeftBehind) {
  for (int round = 0; round < 20; ++round) {
    int got = 0;
    ASSERT_EQ(gort::run({.maxprocs = 1 + round % 3},
                        [&] {
                          auto never = gort::make_chan<int>();
                          gort::go([never] { never.recv(); });    // blocked forever
                          auto ch = gort::make_chan<int>();
                          gort::go([ch, round] { ch << round; });
                          got = ch.recv();
                          EXPECT_TRUE(eventually([] { return gort::num_goroutine() == 2; }));
                        }),
              0);
    EXPECT_EQ(got, round);
  }
}

// threads_now() is this process's thread count, from /proc/self/status.
int threads_now() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

TEST(SchedRuns, ThreadsLeftToLeftoversEndWithTheLastOfThem) {
  ASSERT_EQ(gort::run([] {}), 0);  // the deadlock watchdog's thread, started once, stays
  const int before = threads_now();
  for (int round = 0; round < 10; ++round) {
    ASSERT_EQ(gort::run({.maxprocs = 2},
                        [] {
                          // Main returns first; the leftover ends 20 ms later.
                          gort::go([] { gort::sleep(std::chrono::milliseconds(20)); });
                        }),
              0);
  }
  // A bound, not a timing: ten runs' threads (20) must all go, not pile up.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (threads_now() > before && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(threads_now(), before);
}

// stack_region() is which 128 KiB of address space the caller's stack is in.
std::uintptr_t stack_region() {
  int local = 0;
  return reinterpret_cast<std::uintptr_t>(&local) >> 17;
}

TEST(SchedRuns, StacksAreReusedFromRunToRun) {
  // Each run has at most two goroutines alive at once, so a few stacks serve
  // them all, including the last goroutines a pool thread runs after it has
  // let go of its stack cache. A pool that lost one stack in a hundred runs
  // would show about 30 regions here, where 8 is the bound.
  std::set<std::uintptr_t> regions;
  std::mutex regions_mutex;
  auto note = [&] {
    std::lock_guard lock(regions_mutex);
    regions.insert(stack_region());
  };
  for (int round = 0; round < 3000; ++round) {
    ASSERT_EQ(gort::run({.maxprocs = 2},
                        [&] {
                          note();
                          auto ch = gort::make_chan<int>();
                          gort::go([&, ch] {
                            note();
                            ch << 1;
                          });
                          ch.recv();
                        }),
              0);
  }
  EXPECT_LE(regions.size(), 8u);
}

TEST(SchedEnv, GomaxprocsEnvironmentVariableIsReadAtEveryRun) {
  auto maxprocs_with = [](const char* value) {
    ::setenv("GOMAXPROCS", value, 1);
    int seen = 0;
    EXPECT_EQ(gort::run([&] { seen = gort::gomaxprocs(0); }), 0);
    ::unsetenv("GOMAXPROCS");
    return seen;
  };
  EXPECT_EQ(maxprocs_with("3"), 3);
  EXPECT_EQ(maxprocs_with("1"), 1);
  EXPECT_EQ(maxprocs_with("abc"), gort::num_cpu()) << "Go ignores a malformed GOMAXPROCS";
  EXPECT_EQ(maxprocs_with("0"), gort::num_cpu());
  EXPECT_EQ(maxprocs_with("-2"), gort::num_cpu());
  EXPECT_EQ(maxprocs_with("4x"), gort::num_cpu());
  ::setenv("GOMAXPROCS", "3", 1);
  int explicit_option = 0;
  EXPECT_EQ(gort::run({.maxprocs = 2}, [&] { explicit_option = gort::gomaxprocs(0); }), 0);
  ::unsetenv("GOMAXPROCS");
  EXPECT_EQ(explicit_option, 2) << "options.maxprocs wins over the environment";
}

TEST(SchedOptions, BadOptionsAreRefusedWithAMessage) {
  auto refused = [](const gort::options& opts, const char* message) {
    testing::internal::CaptureStderr();
    bool ran = false;
    EXPECT_EQ(gort::run(opts, [&] { ran = true; }), 2);
    EXPECT_THAT(testing::internal::GetCapturedStderr(), testing::HasSubstr(message));
    EXPECT_FALSE(ran);
  };
  refused({.maxprocs = -3}, "options.maxprocs is -3");
  refused({.stack_size = 100}, "options.stack_size is 100 bytes");
  refused({.stack_size = std::size_t{1} << 40}, "options.stack_size is");
  testing::internal::CaptureStderr();
  EXPECT_EQ(gort::run(std::function<void()>{}), 2);
  EXPECT_THAT(testing::internal::GetCapturedStderr(), testing::HasSubstr("empty"));
}

TEST(SchedOptions, ZeroStackSizeMeansTheDefaultAndBigStacksAreUsable) {
  EXPECT_EQ(gort::run({.stack_size = 0}, [] { EXPECT_EQ(gort::num_goroutine(), 1); }), 0);
  long long sum = 0;
  EXPECT_EQ(gort::run({.stack_size = 4 << 20},
                      [&] {
                        // 1 MiB of locals: far beyond the default 128 KiB stack.
                        std::vector<long long> on_heap(1 << 17, 1);
                        volatile long long on_stack[1 << 17];
                        for (std::size_t i = 0; i < on_heap.size(); ++i) on_stack[i] = on_heap[i];
                        for (std::size_t i = 0; i < on_heap.size(); ++i) sum += on_stack[i];
                      }),
            0);
  EXPECT_EQ(sum, 1 << 17);
}

TEST(SchedOutside, OutsideRunTheRuntimeReportsDefaults) {
  EXPECT_EQ(gort::num_goroutine(), 0);
  EXPECT_GE(gort::num_cpu(), 1);
  EXPECT_GE(gort::gomaxprocs(0), 1);
}

using SchedDeathTest = Sched;
INSTANTIATE_TEST_SUITE_P(Pool, SchedDeathTest, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(SchedDeathTest, EscapingExceptionIsAPanic) {
  EXPECT_EXIT(run_main([] {
                gort::go([] { throw std::out_of_range("index 7 out of range [0:3]"); });
                gort::make_chan<int>().recv();
              }),
              testing::ExitedWithCode(2),
              "panic: index 7 out of range \\[0:3\\]\n\ngoroutine 2 \\[running\\]:");
}

TEST_P(SchedDeathTest, PanicInMain) {
  EXPECT_EXIT(run_main([] { gort::panic("boom"); }), testing::ExitedWithCode(2),
              "panic: boom\n\ngoroutine 1 \\[running\\]:\nmain\n");
}

TEST_P(SchedDeathTest, GoexitFromMainThenNothingLeft) {
  EXPECT_EXIT(run_main([] {
                gort::go([] { gort::gosched(); });
                gort::goexit();
              }),
              testing::ExitedWithCode(2),
              "fatal error: no goroutines \\(main called runtime.Goexit\\) - deadlock!");
}

TEST_P(SchedDeathTest, ExitEndsTheProcessWithItsCode) {
  EXPECT_EXIT(run_main([] {
                gort::go([] {
                  for (;;) gort::gosched();
                });
                gort::exit(3);
              }),
              testing::ExitedWithCode(3), "");
}

TEST(SchedMisuseDeathTest, GoOutsideRunIsAFatalError) {
  EXPECT_EXIT(gort::go([] {}), testing::ExitedWithCode(2),
              "fatal error: gort::go called outside gort::run");
}

TEST(SchedMisuseDeathTest, RunInsideAGoroutineIsAFatalError) {
  EXPECT_EXIT(gort::run([] { gort::run([] {}); }), testing::ExitedWithCode(2),
              "fatal error: gort::run called from a goroutine");
}

}  // namespace
