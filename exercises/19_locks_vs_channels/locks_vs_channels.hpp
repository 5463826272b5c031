// SPDX-License-Identifier: MIT
// Exercise 19: locks vs channels — the course's two pools of the same tasks:
// one shares them under a mutex, the other passes them along channels.
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

// process_with_mutex() is the pool of shared memory: every task starts in one
// pool guarded by a gort::mutex, and `workers` goroutines (at least 1) each
// take the first task in a critical section, process it outside the lock,
// and add it to the finished ones, until the pool is empty. Returns every
// task, processed exactly once, after every worker has ended.
std::vector<task> process_with_mutex(std::vector<task> tasks, int workers,
                                     const process_fn& process);

// process_with_channels() is the same pool as a master and `workers` worker
// goroutines (at least 1): tasks go out on a `pending` channel and come back
// processed on `done`. Returns every task, processed exactly once; every
// worker has then ended or is about to.
std::vector<task> process_with_channels(std::vector<task> tasks, int workers,
                                        const process_fn& process);

}  // namespace exercise
