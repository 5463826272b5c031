// SPDX-License-Identifier: MIT
// Exercise 19: locks_vs_channels. Every test runs on both pools.
#include <algorithm>
#include <atomic>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "exercise_test.hpp"
#include "locks_vs_channels.hpp"

namespace {

using grading::at_once;
using exercise::process_fn;
using exercise::task;
using grading::graded;

// pool_under_test is one of the two pools, by name.
struct pool_under_test {
  std::string name;
  std::function<std::vector<task>(std::vector<task>, int, const process_fn&)> run;
};

// PrintTo() names the pool in test names, as gtest prints parameters.
void PrintTo(const pool_under_test& pool, std::ostream* out) { *out << pool.name; }

class LocksVsChannels : public testing::TestWithParam<pool_under_test> {
 protected:
  std::vector<task> run_pool(std::vector<task> tasks, int workers, const process_fn& process) {
    return GetParam().run(std::move(tasks), workers, process);
  }

  // on_1_2_and_4_threads() grades body at each pool size, stopping after a failure.
  static void on_1_2_and_4_threads(const std::function<void()>& body) {
    for (int maxprocs : {1, 2, 4}) {
      SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
      graded(body, maxprocs);
      if (HasFailure()) return;
    }
  }
};

// tasks() is n tasks with ids 0..n-1 and inputs 1000 + id.
std::vector<task> tasks(int n) {
  std::vector<task> all;
  for (int id = 0; id < n; ++id) all.push_back({.id = id, .input = 1000 + id});
  return all;
}

long long work(long long input) { return input * 3 - 1; }

// counted is a process_fn that does work(), after visiting a probe if it has
// one, and counts its calls per task id.
struct counted {
  explicit counted(int n, at_once* to_visit = nullptr)
      : calls(static_cast<std::size_t>(n)), probe(to_visit) {}

  process_fn fn() {
    return [this](task& t) {
      if (probe != nullptr) probe->visit();
      ++calls.at(static_cast<std::size_t>(t.id));
      t.output = work(t.input);
    };
  }

  std::vector<std::atomic<int>> calls;
  at_once* probe;
};

// expect_each_once() checks that done holds every one of n tasks with the
// right output, and that process ran once per task.
void expect_each_once(std::vector<task> done, int n, const counted& process) {
  ASSERT_EQ(done.size(), static_cast<std::size_t>(n)) << "tasks lost or done twice";
  std::sort(done.begin(), done.end(), [](const task& a, const task& b) { return a.id < b.id; });
  for (int id = 0; id < n; ++id) {
    const task& t = done[static_cast<std::size_t>(id)];
    ASSERT_EQ(t.id, id) << "a task is missing and another came back twice";
    EXPECT_EQ(t.input, 1000 + id);
    EXPECT_EQ(t.output, work(1000 + id)) << "task " << id << " not processed";
    EXPECT_EQ(process.calls[static_cast<std::size_t>(id)], 1) << "task " << id;
  }
}

TEST_P(LocksVsChannels, ProcessesEveryTaskExactlyOnce) {
  on_1_2_and_4_threads([this] {
    counted process(2000);
    expect_each_once(run_pool(tasks(2000), 4, process.fn()), 2000, process);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a worker never ended";
  });
}

TEST_P(LocksVsChannels, RunsAllItsWorkersAtOnceAndNoMore) {
  on_1_2_and_4_threads([this] {
    at_once probe(4);
    counted process(300, &probe);
    const auto done = run_pool(tasks(300), 4, process.fn());
    EXPECT_TRUE(probe.reached()) << "4 workers never processed 4 tasks at the same time";
    EXPECT_LE(probe.peak(), 4) << "more tasks at once than workers";
    expect_each_once(done, 300, process);
  });
}

TEST_P(LocksVsChannels, IdleWorkersEndWhenThereAreMoreWorkersThanTasks) {
  graded([this] {
    at_once probe(2);
    counted process(2, &probe);
    expect_each_once(run_pool(tasks(2), 6, process.fn()), 2, process);
    EXPECT_TRUE(probe.reached()) << "the 2 tasks were not processed at the same time";
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "an idle worker never ended";
  });
}

TEST_P(LocksVsChannels, ProcessesASingleTaskWithASingleWorker) {
  graded([this] {
    counted process(1);
    expect_each_once(run_pool(tasks(1), 1, process.fn()), 1, process);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the worker never ended";
  });
}

TEST_P(LocksVsChannels, ZeroTasksReturnsNothingAndLeavesNoWorker) {
  graded([this] {
    counted process(0);
    EXPECT_TRUE(run_pool({}, 3, process.fn()).empty());
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "an idle worker never ended";
  });
}

std::string pool_name(const testing::TestParamInfo<pool_under_test>& pool) {
  return pool.param.name;
}

INSTANTIATE_TEST_SUITE_P(Pool, LocksVsChannels,
                         testing::Values(pool_under_test{"mutex", exercise::process_with_mutex},
                                         pool_under_test{"channels",
                                                         exercise::process_with_channels}),
                         pool_name);

}  // namespace
