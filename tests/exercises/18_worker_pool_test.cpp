// SPDX-License-Identifier: MIT
// Exercise 18: worker_pool.
#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "exercise_test.hpp"
#include "worker_pool.hpp"

namespace {

using grading::at_once;
using exercise::run_pool;
using exercise::task;
using grading::graded;

// tasks() is n tasks with ids 0..n-1 and inputs 1000 + id.
std::vector<task> tasks(int n) {
  std::vector<task> all;
  for (int id = 0; id < n; ++id) all.push_back({.id = id, .input = 1000 + id});
  return all;
}

long long work(long long input) { return input * input + 7; }

// counted is a process_fn that does work() and counts its calls per task id.
struct counted {
  explicit counted(int n) : calls(static_cast<std::size_t>(n)) {}

  exercise::process_fn fn() {
    return [this](task& t) {
      ++calls.at(static_cast<std::size_t>(t.id));
      t.output = work(t.input);
    };
  }

  std::vector<std::atomic<int>> calls;
};

// expect_each_once() checks that done holds every one of n tasks, processed,
// and that process ran once per task.
void expect_each_once(std::vector<task> done, int n, const counted& process) {
  ASSERT_EQ(done.size(), static_cast<std::size_t>(n)) << "tasks lost or done twice";
  std::sort(done.begin(), done.end(), [](const task& a, const task& b) { return a.id < b.id; });
  long long checksum = 0;
  for (int id = 0; id < n; ++id) {
    const task& t = done[static_cast<std::size_t>(id)];
    ASSERT_EQ(t.id, id) << "a task is missing and another came back twice";
    EXPECT_EQ(t.output, work(1000 + id)) << "task " << id << " not processed";
    EXPECT_EQ(process.calls[static_cast<std::size_t>(id)], 1) << "task " << id;
    checksum += t.output;
  }
  long long want = 0;
  for (int id = 0; id < n; ++id) want += work(1000 + id);
  EXPECT_EQ(checksum, want);
}

TEST(WorkerPool, WorkerProcessesTasksUntilPendingIsClosed) {
  graded([] {
    auto pending = gort::make_chan<task>(3);
    auto done = gort::make_chan<task>(3);
    for (task t : tasks(3)) pending << t;
    pending.close();
    counted process(3);
    exercise::worker(pending, done, process.fn());  // returns only once pending is closed
    for (int id = 0; id < 3; ++id) {
      const auto t = done.try_recv();
      ASSERT_TRUE(t) << "task " << id << " never sent on done";
      EXPECT_EQ(t->id, id);
      EXPECT_EQ(t->output, work(1000 + id));
    }
    EXPECT_EQ(done.try_recv(), std::nullopt) << "more tasks done than sent";
  });
}

TEST(WorkerPool, WorkerReturnsAtOnceWhenPendingIsClosedAndEmpty) {
  graded([] {
    auto pending = gort::make_chan<task>();
    auto done = gort::make_chan<task>();
    pending.close();
    bool called = false;
    exercise::worker(pending, done, [&called](task&) { called = true; });
    EXPECT_FALSE(called);
  });
}

TEST(WorkerPool, ProcessesEveryTaskExactlyOnce) {
  for (int maxprocs : {1, 2, 4}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          counted process(1000);
          expect_each_once(run_pool(tasks(1000), 4, process.fn()), 1000, process);
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a worker or the feeder never ended";
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(WorkerPool, RunsAllItsWorkersAtOnceAndNoMore) {
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          at_once probe(4);
          counted process(200);
          const auto done = run_pool(tasks(200), 4, [&](task& t) {
            probe.visit();
            process.fn()(t);
          });
          EXPECT_TRUE(probe.reached()) << "4 workers never processed 4 tasks at the same time";
          EXPECT_LE(probe.peak(), 4) << "more tasks at once than workers";
          expect_each_once(done, 200, process);
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(WorkerPool, IdleWorkersEndWhenThereAreMoreWorkersThanTasks) {
  graded([] {
    at_once probe(3);
    counted process(3);
    const auto done = run_pool(tasks(3), 8, [&](task& t) {
      probe.visit();
      process.fn()(t);
    });
    EXPECT_TRUE(probe.reached()) << "the 3 tasks were not processed at the same time";
    expect_each_once(done, 3, process);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "idle workers never ended: close pending";
  });
}

TEST(WorkerPool, ZeroTasksReturnsNothingAndLeavesNoWorker) {
  graded([] {
    bool called = false;
    EXPECT_TRUE(run_pool({}, 4, [&called](task&) { called = true; }).empty());
    EXPECT_FALSE(called);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "idle workers never ended: close pending";
  });
}

TEST(WorkerPool, OneWorkerDoesTheTasksInOrder) {
  graded([] {
    counted process(50);
    const auto done = run_pool(tasks(50), 1, process.fn());
    ASSERT_EQ(done.size(), 50u);
    for (int id = 0; id < 50; ++id) EXPECT_EQ(done[static_cast<std::size_t>(id)].id, id);
    expect_each_once(done, 50, process);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

}  // namespace
