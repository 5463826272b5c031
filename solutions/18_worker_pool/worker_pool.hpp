// SPDX-License-Identifier: MIT
// Exercise 18: worker pool — the course's master and workers, which share no
// memory: tasks travel on a `pending` channel and come back on `done`.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// task is one piece of work; process() fills in output.
struct task {
  int id = 0;
  long long input = 0;
  long long output = 0;
};

// process_fn does the work of one task; workers call it from many goroutines at once.
using process_fn = std::function<void(task&)>;

// worker() receives tasks from pending until it is closed and drained; it
// calls process on each and sends it on done. It returns once pending is closed.
void worker(gort::recv_chan<task> pending, gort::send_chan<task> done, process_fn process);

// run_pool() is the master: a goroutine sends the tasks on pending and then
// closes it, n_workers (at least 1) worker goroutines process them at the same
// time, and run_pool collects them from done. It returns every task, processed
// exactly once, in the order they were done; every worker has then ended or
// is about to.
std::vector<task> run_pool(std::vector<task> tasks, int n_workers, process_fn process);

}  // namespace exercise
