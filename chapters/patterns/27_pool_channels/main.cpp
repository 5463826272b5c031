// SPDX-License-Identifier: MIT
// 27 pool_channels: the tasks of 26 again, with no lock: main is the master,
// sendWork puts every task on the pending channel, N Workers take tasks from
// it and pass them on to done, and consumeWork takes them back. Watch for:
// the channels hand each task to exactly one worker, so the summary is 26's.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <gort/gort.hpp>
#include <span>
#include <vector>

// book:begin
// Task is one piece of work: Steps is its result, Runs counts how often it was processed.
struct Task {
  int N = 0;
  int Steps = 0;
  int Runs = 0;
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

// sendWork puts every task on pending, then closes it so the workers stop.
void sendWork(gort::send_chan<Task*> pending, std::span<Task> tasks) {
  for (Task& t : tasks) {
    pending << &t;
  }
  pending.close();
}

// Worker processes the tasks it receives and passes each on, until in is closed.
void Worker(gort::recv_chan<Task*> in, gort::send_chan<Task*> out) {
  for (Task* t : in) {  // no lock: a channel hands each task to one receiver
    process(t);
    out << t;
  }
}

// consumeWork continues with the processed tasks: here it waits for all n of them.
void consumeWork(gort::recv_chan<Task*> done, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    done.recv();
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
  CLI::App app{"27 pool_channels: master and workers on pending and done channels"};
  int workers = 4;
  int count = 1000;
  app.add_option("--workers", workers, "how many workers take from the pending channel")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--tasks", count, "how many tasks are sent")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    std::vector<Task> tasks(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      tasks[i].N = static_cast<int>(i) + 1;
    }

    auto pending = gort::make_chan<Task*>(), done = gort::make_chan<Task*>();
    gort::go(sendWork, pending, std::span(tasks));  // put the tasks on the channel
    for (int i = 0; i < workers; ++i) {             // start the workers
      gort::go(Worker, pending, done);
    }
    consumeWork(done, tasks.size());  // continue with the processed tasks
    report(workers, tasks);
  });
}
// book:end
