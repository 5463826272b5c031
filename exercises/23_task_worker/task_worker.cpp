// SPDX-License-Identifier: MIT
#include "task_worker.hpp"

#include "todo.hpp"

namespace exercise {

void work_loop(gort::recv_chan<gort::nats::message> tasks, gort::recv_chan<gort::signal> stop,
               const std::function<std::string(const std::string&)>& process, const store_fn& store) {
  // TODO(exercise): loop in a select over tasks and stop; for each task,
  // process it, store the result, and ack the task once the store said "".
  workbook::todo("work_loop");
}

}  // namespace exercise
