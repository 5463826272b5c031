// SPDX-License-Identifier: MIT
#include "locks_vs_channels.hpp"

#include <deque>
#include <iterator>
#include <mutex>
#include <utility>
#include <vector>

namespace exercise {
namespace {

// pool is the course's Pool: the tasks not taken yet and the finished ones,
// shared by every worker of process_with_mutex.
struct pool {
  gort::mutex mu;  // guards todo and done; never hold it while processing a task
  std::deque<task> todo;
  std::vector<task> done;
};

}  // namespace

std::vector<task> process_with_mutex(std::vector<task> tasks, int workers,
                                     const process_fn& process) {
  pool shared;
  shared.todo.assign(std::make_move_iterator(tasks.begin()), std::make_move_iterator(tasks.end()));
  gort::wait_group running;
  running.add(workers);
  for (int i = 0; i < workers; ++i) {
    // By reference: shared, running and process outlive the workers, because
    // this function waits for every one of them before it returns.
    gort::go([&shared, &running, &process] {
      for (;;) {
        task t;
        {
          // The critical section: only one worker at a time looks at todo, so
          // no two take the same task.
          std::lock_guard lock(shared.mu);
          if (shared.todo.empty()) break;
          t = std::move(shared.todo.front());
          shared.todo.pop_front();
        }
        // Outside the lock, or the workers would take turns instead of
        // working at the same time.
        process(t);
        std::lock_guard lock(shared.mu);
        shared.done.push_back(std::move(t));
      }
      running.done();
    });
  }
  running.wait();
  return std::move(shared.done);
}

std::vector<task> process_with_channels(std::vector<task> tasks, int workers,
                                        const process_fn& process) {
  // Unbuffered: each task is handed from one goroutine to the next; only its
  // current holder can touch it, so no lock is needed anywhere.
  auto pending = gort::make_chan<task>();
  auto done = gort::make_chan<task>();
  const std::size_t count = tasks.size();
  gort::go([pending, tasks = std::move(tasks)]() mutable {
    for (task& t : tasks) pending << std::move(t);
    pending.close();  // ends every worker's range
  });
  for (int i = 0; i < workers; ++i) {
    // process is copied: a worker may still be ending after we return.
    gort::go([pending, done, process] {
      for (task t : pending) {
        process(t);
        done << std::move(t);
      }
    });
  }
  // One task comes back per task sent: counting them tells when all are done.
  std::vector<task> finished;
  finished.reserve(count);
  while (finished.size() < count) finished.push_back(done.recv());
  return finished;
}

}  // namespace exercise
