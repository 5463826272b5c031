// SPDX-License-Identifier: MIT
// Exercise 23: the worker of example 31, as a loop you write. Its tasks come
// from a JetStream work queue, through gort::nats, as a channel.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <gort/nats.hpp>
#include <string>

namespace exercise {

// store_fn stores a result and returns a channel that receives "" once it is
// stored, or the reason it was not (the server gone, say).
using store_fn = std::function<gort::recv_chan<std::string>(const std::string& result)>;

// work_loop() takes each task from tasks, computes process(task.data), stores
// the result with store(), and acknowledges the task (task.ack()) only once
// the store answered "" — so that a worker dying at any moment loses no task.
// It returns when stop is closed or tasks is closed, and blocks while there
// is neither a task nor a stop.
void work_loop(gort::recv_chan<gort::nats::message> tasks, gort::recv_chan<gort::signal> stop,
               const std::function<std::string(const std::string&)>& process, const store_fn& store);

}  // namespace exercise
