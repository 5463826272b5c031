// SPDX-License-Identifier: MIT
#include "worker_pool.hpp"

#include "todo.hpp"

namespace exercise {

void worker(gort::recv_chan<task> pending, gort::send_chan<task> done, process_fn process) {
  // TODO(exercise): for each task received from pending until it is closed,
  // process it and send it on done.
  workbook::todo("worker");
}

std::vector<task> run_pool(std::vector<task> tasks, int n_workers, process_fn process) {
  // TODO(exercise): make the pending and done channels; start a goroutine that
  // sends every task on pending and then closes it; start n_workers goroutines
  // running worker(); receive one task from done per task sent, and return them.
  workbook::todo("run_pool");
}

}  // namespace exercise
