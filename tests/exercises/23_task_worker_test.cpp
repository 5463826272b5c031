// SPDX-License-Identifier: MIT
// Exercise 23: task_worker. Each test starts its own nats-server (a free
// loopback port, its own store and token) and a JetStream work queue of
// tasks; a result counts when the test's store() is called with it.
#include <map>
#include <set>

#include "exercise_test.hpp"
#include "nats_server.hpp"
#include "task_worker.hpp"

namespace {

using namespace std::chrono_literals;
using exercise::work_loop;
using grading::graded;

std::string doubled(const std::string& task) {
  return task + "=" + std::to_string(2 * std::stoi(task));
}

// queue is a server with tasks 0..n-1 waiting in the stream TASKS.
struct queue {
  gort_test::nats_server server;
  gort::nats::connection publisher;
  explicit queue(int n) : publisher(gort::nats::connection::connect(server.url(), server.token())) {
    publisher.work_queue("TASKS", "tasks");
    for (int i = 0; i < n; ++i)
      EXPECT_EQ(publisher.js_publish("tasks", std::to_string(i)).recv(), "");
  }
  // worker_connection() is a new client, as a worker process would have.
  gort::nats::connection worker_connection() const {
    return gort::nats::connection::connect(server.url(), server.token());
  }
};

// stored_at_once() is a store that stores at once, into results.
exercise::store_fn stored_at_once(gort::chan<std::string> results) {
  return [results](const std::string& result) {
    results << result;
    auto answer = gort::make_chan<std::string>(1);
    answer << std::string();
    return gort::recv_chan<std::string>(answer);
  };
}

TEST(TaskWorker, ProcessesStoresAndAcknowledgesEveryTaskOnce) {
  graded([] {
    queue q(30);
    const auto nc = q.worker_connection();
    auto results = gort::make_chan<std::string>(64);
    auto stop = gort::make_chan<gort::signal>();
    auto done = gort::make_chan<gort::signal>();
    gort::go([&] {
      work_loop(nc.pull("TASKS", "workers", "tasks", 300ms), stop, doubled,
                stored_at_once(results));
      done.close();
    });
    std::set<std::string> seen;
    for (int i = 0; i < 30; ++i) seen.insert(results.recv());
    ASSERT_EQ(seen.size(), 30U) << "a task was stored twice";
    EXPECT_TRUE(seen.contains("7=14")) << "each result is process(task.data)";
    // Unacknowledged tasks come again after the ack wait (300 ms): none may.
    gort::select(
        gort::recv_case(results,
                        [](std::string again) { FAIL() << again << " came again: not acked"; }),
        gort::recv_case(gort::after(900ms)));
    stop.close();
    done.recv();
    nc.close();
    q.publisher.close();
  });
}

TEST(TaskWorker, AWorkerThatDiesBeforeItsResultIsStoredLosesNoTask) {
  graded([] {
    queue q(20);
    // The doomed worker's store never answers its 5th result: it dies there,
    // its connection closing with it. A task acknowledged before its result
    // was stored would be lost with it.
    auto results = gort::make_chan<std::string>(64);
    auto hang = gort::make_chan<std::string>();
    int calls = 0;
    const exercise::store_fn doomed_store = [&](const std::string& result) {
      if (++calls == 5) return gort::recv_chan<std::string>(hang);
      return stored_at_once(results)(result);
    };
    const auto doomed = q.worker_connection();
    auto stop_doomed = gort::make_chan<gort::signal>();
    auto doomed_done = gort::make_chan<gort::signal>();
    gort::go([&] {
      work_loop(doomed.pull("TASKS", "workers", "tasks", 300ms), stop_doomed, doubled,
                doomed_store);
      doomed_done.close();
    });
    ASSERT_TRUE(grading::soon([&] { return calls >= 5; })) << "the worker stored nothing";
    doomed.close();                          // the worker's process is gone
    hang << std::string("connection lost");  // and its store never succeeded
    stop_doomed.close();
    doomed_done.recv();

    const auto survivor = q.worker_connection();
    auto stop = gort::make_chan<gort::signal>();
    auto done = gort::make_chan<gort::signal>();
    gort::go([&] {
      work_loop(survivor.pull("TASKS", "workers", "tasks", 300ms), stop, doubled,
                stored_at_once(results));
      done.close();
    });
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
      std::optional<std::string> r;
      gort::select(gort::recv_case(results, [&](std::string v) { r = v; }),
                   gort::recv_case(gort::after(3s)));
      ASSERT_TRUE(r) << "only " << seen.size()
                     << " of 20 tasks were stored: one was acknowledged before its "
                     << "result was stored, and died with the worker";
      seen.insert(*r);
    }
    EXPECT_EQ(seen.size(), 20U) << "a task was counted twice";
    stop.close();
    done.recv();
    survivor.close();
    q.publisher.close();
  });
}

TEST(TaskWorker, ReturnsWhenStopIsClosedWhileItWaits) {
  graded([] {
    queue q(0);
    const auto nc = q.worker_connection();
    auto stop = gort::make_chan<gort::signal>();
    auto done = gort::make_chan<gort::signal>();
    gort::go([&] {
      work_loop(nc.pull("TASKS", "workers", "tasks", 300ms), stop, doubled,
                stored_at_once(gort::make_chan<std::string>(1)));
      done.close();
    });
    gort::select(
        gort::recv_case(done, [] { FAIL() << "work_loop returned before stop was closed"; }),
        gort::recv_case(gort::after(100ms)));
    stop.close();
    done.recv();
    nc.close();
    q.publisher.close();
  });
}

TEST(TaskWorker, ReturnsWhenTheTasksChannelCloses) {
  graded([] {
    queue q(0);
    const auto nc = q.worker_connection();
    const auto tasks = nc.pull("TASKS", "workers", "tasks", 300ms);
    auto done = gort::make_chan<gort::signal>();
    gort::go([&] {
      work_loop(tasks, gort::make_chan<gort::signal>(), doubled,
                stored_at_once(gort::make_chan<std::string>(1)));
      done.close();
    });
    nc.close();  // closes the tasks channel
    done.recv();
    q.publisher.close();
  });
}

}  // namespace
