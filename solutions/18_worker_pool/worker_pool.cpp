// SPDX-License-Identifier: MIT
#include "worker_pool.hpp"

#include <utility>

namespace exercise {

void worker(gort::recv_chan<task> pending, gort::send_chan<task> done, process_fn process) {
  // The range ends when pending is closed and drained: that is how the master
  // says "no more work", so no worker is left waiting for ever.
  for (task t : pending) {
    process(t);
    done << std::move(t);
  }
}

std::vector<task> run_pool(std::vector<task> tasks, int n_workers, process_fn process) {
  // Unbuffered: a task is handed from one goroutine to the next, never shared.
  auto pending = gort::make_chan<task>();
  auto done = gort::make_chan<task>();
  const std::size_t count = tasks.size();

  // sendWork in its own goroutine: the master is free to collect at once,
  // while the workers are still being fed.
  gort::go([pending, tasks = std::move(tasks)]() mutable {
    for (task& t : tasks) pending << std::move(t);
    pending.close();
  });
  for (int i = 0; i < n_workers; ++i) gort::go(worker, pending, done, process);

  // consumeWork: one task comes back per task sent, so counting them tells
  // when the work is over; done itself is never closed.
  std::vector<task> finished;
  finished.reserve(count);
  while (finished.size() < count) finished.push_back(done.recv());
  return finished;
}

}  // namespace exercise
