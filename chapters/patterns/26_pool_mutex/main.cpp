// SPDX-License-Identifier: MIT
// 26 pool_mutex: workers share one pool of tasks guarded by a sync.Mutex; each
// takes the first task inside a short critical section and processes it
// outside. Watch for: every task is processed exactly once, so the summary is
// the same whatever order the workers ran in.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <gort/gort.hpp>
#include <mutex>
#include <vector>

// book:begin
// Task is one piece of work: Steps is its result, Runs counts how often it was processed.
struct Task {
  int N = 0;
  int Steps = 0;
  int Runs = 0;
};

// Pool is the shared task pool; Mu guards Tasks.
struct Pool {
  gort::mutex Mu;
  std::deque<Task*> Tasks;
};

// process counts the Collatz steps from t->N down to 1: a little real work.
void process(Task* t) {
  for (std::int64_t n = t->N; n != 1; ++t->Steps) {
    if (n % 2 == 0) {
      n /= 2;
    } else {
      n = 3 * n + 1;
    }
  }
  ++t->Runs;
}

// Worker takes the first task from the pool and processes it, until the pool is empty.
void Worker(Pool* pool) {
  for (;;) {
    std::unique_lock lock(pool->Mu);   // begin critical section (Go: Lock)
    if (pool->Tasks.empty()) return;   // the lock's destructor unlocks on the way out
    Task* task = pool->Tasks.front();  // take the first task
    pool->Tasks.pop_front();           // and remove it from the pool
    lock.unlock();                     // end critical section (Go: Unlock)
    process(task);                     // outside the lock, so the workers process in parallel
  }
}

// report prints numbers that do not depend on which worker ran which task.
void report(int workers, const std::vector<Task>& tasks) {
  int once = 0, checksum = 0;
  for (const Task& t : tasks) {
    if (t.Runs == 1) ++once;
    checksum += t.Steps;
  }
  std::printf("workers: %d\n", workers);
  std::printf("tasks: %zu\n", tasks.size());
  std::printf("processed exactly once: %d\n", once);
  std::printf("checksum: %d\n", checksum);
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"26 pool_mutex: a task pool guarded by a mutex"};
  int workers = 4;
  int count = 1000;
  app.add_option("--workers", workers, "how many workers share the pool")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--tasks", count, "how many tasks the pool starts with")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    std::vector<Task> tasks(static_cast<std::size_t>(count));
    Pool pool;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      tasks[i].N = static_cast<int>(i) + 1;
      pool.Tasks.push_back(&tasks[i]);
    }

    gort::wait_group wg;
    for (int i = 0; i < workers; ++i) {
      wg.add(1);
      gort::go([&pool, &wg] {
        Worker(&pool);
        wg.done();
      });
    }
    wg.wait();
    report(workers, tasks);
  });
}
// book:end
