// SPDX-License-Identifier: MIT
#include "locks_vs_channels.hpp"

#include <deque>
#include <vector>

#include "todo.hpp"

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
  // TODO(exercise): put the tasks in a pool. Start `workers` goroutines; each
  // loops: lock, take the first task (or end if there is none), unlock,
  // process it, then lock again to add it to done. Wait for every worker
  // (a gort::wait_group) before returning the finished tasks.
  workbook::todo("process_with_mutex");
}

std::vector<task> process_with_channels(std::vector<task> tasks, int workers,
                                        const process_fn& process) {
  // TODO(exercise): make pending and done channels. A goroutine sends every
  // task on pending, then closes it; `workers` goroutines each process the
  // tasks they receive from pending and send them on done. Receive one task
  // from done per task sent, and return them.
  workbook::todo("process_with_channels");
}

}  // namespace exercise
