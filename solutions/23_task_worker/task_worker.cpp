// SPDX-License-Identifier: MIT
#include "task_worker.hpp"

namespace exercise {

void work_loop(gort::recv_chan<gort::nats::message> tasks, gort::recv_chan<gort::signal> stop,
               const std::function<std::string(const std::string&)>& process, const store_fn& store) {
  for (bool running = true; running;) {
    gort::select(gort::recv_case(tasks,
                                 [&](gort::nats::message task, bool ok) {
                                   if (!ok) {  // the connection closed: nothing more will come
                                     running = false;
                                     return;
                                   }
                                   // Ack only once the result is stored: dying before that
                                   // leaves the task in the queue, to be delivered again.
                                   if (store(process(task.data)).recv().empty()) task.ack();
                                 }),
                 gort::recv_case(stop, [&] { running = false; }));
  }
}

}  // namespace exercise
