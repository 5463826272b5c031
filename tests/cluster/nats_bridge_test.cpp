// SPDX-License-Identifier: MIT
// gort::nats against a real nats-server: subjects as channels in recv, range
// and select; connection loss and return as events; a work queue that gives
// each task to one worker and gives an unacknowledged one again; and clear
// errors for a bad URL, no server and wrong credentials.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <gort/nats.hpp>
#include <set>

#include "nats_server.hpp"

namespace {

using namespace std::chrono_literals;
using gort::nats::connection;
using testing::HasSubstr;

TEST(NatsBridge, GoroutinesReceiveWhatOthersPublishInOrder) {
  gort_test::nats_server server;
  gort::run([&] {
    const auto nc = connection::connect(server.url(), server.token());
    const auto in = nc.subscribe("numbers");
    gort::go([nc] {
      for (int i = 1; i <= 500; ++i) nc.publish("numbers", std::to_string(i));
      nc.publish("numbers", "end");
    });
    long sum = 0;
    int expected = 1;
    for (const auto& m : in) {
      if (m.data == "end") break;
      EXPECT_EQ(std::stoi(m.data), expected++);
      sum += std::stoi(m.data);
    }
    EXPECT_EQ(sum, 500L * 501 / 2);
    nc.close();
  });
}

TEST(NatsBridge, ASelectWaitsOnASubjectATimerAndAQuitChannelAtOnce) {
  gort_test::nats_server server;
  gort::run([&] {
    const auto nc = connection::connect(server.url(), server.token());
    const auto in = nc.subscribe("work");
    auto quit = gort::make_chan<gort::signal>();
    std::vector<std::string> seen;
    const auto wait_once = [&] {
      gort::select(
          gort::recv_case(in, [&](gort::nats::message m) { seen.push_back("message " + m.data); }),
          gort::recv_case(gort::after(50ms), [&] { seen.push_back("timer"); }),
          gort::recv_case(quit, [&] { seen.push_back("quit"); }));
    };
    wait_once();  // nothing published yet: the timer fires
    nc.publish("work", "a");
    wait_once();
    quit.close();
    wait_once();
    EXPECT_EQ(seen, (std::vector<std::string>{"timer", "message a", "quit"}));
    nc.close();
  });
}

TEST(NatsBridge, ALostServerIsAnEventAndItsReturnAnother) {
  gort_test::nats_server server;
  gort::run([&] {
    const auto nc = connection::connect(server.url(), server.token());
    const auto in = nc.subscribe("after");
    const auto events = nc.events();
    server.kill();
    EXPECT_EQ(events.recv(), gort::nats::event::disconnected);
    server.start();
    EXPECT_EQ(events.recv(), gort::nats::event::reconnected);
    nc.publish("after", "back");
    EXPECT_EQ(in.recv().data, "back");
    nc.close();
  });
}

TEST(NatsBridge, AWorkQueueGivesEachTaskToOneWorkerAndAnUnackedOneAgain) {
  gort_test::nats_server server;
  gort::run([&] {
    const auto nc = connection::connect(server.url(), server.token());
    nc.work_queue("TASKS", "tasks.>");
    for (int i = 0; i < 20; ++i)
      EXPECT_EQ(nc.js_publish("tasks.sum", std::to_string(i)).recv(), "");
    auto done = gort::make_chan<std::pair<int, int>>(64);  // (task, times delivered)
    gort::wait_group wg;
    wg.add(2);
    for (int w = 0; w < 2; ++w) {
      gort::go([&, w] {
        const auto tasks = nc.pull("TASKS", "workers", "tasks.sum", 300ms);
        bool dropped = false;
        for (const auto& task : tasks) {
          if (w == 0 && !dropped) {  // worker 0 "crashes" on its first task: no ack
            dropped = true;
            continue;
          }
          task.ack();
          done << std::pair{std::stoi(task.data), task.delivered};
        }
        wg.done();
      });
    }
    std::set<int> finished;
    int redelivered = 0;
    for (int i = 0; i < 20; ++i) {
      const auto [task, delivered] = done.recv();
      EXPECT_TRUE(finished.insert(task).second) << "task " << task << " done twice";
      redelivered += delivered > 1 ? 1 : 0;
    }
    EXPECT_EQ(finished.size(), 20U);
    EXPECT_EQ(redelivered, 1) << "the task worker 0 dropped came again, once";
    nc.close();
    wg.wait();
  });
}

TEST(NatsBridge, BadUrlsNoServerAndWrongTokensAreClearErrors) {
  const auto message_of = [](const std::string& url, const std::string& token) {
    try {
      connection::connect(url, token);
    } catch (const gort::nats::error& e) {
      return std::string(e.what());
    }
    return std::string("connected");
  };
  EXPECT_THAT(message_of("http://127.0.0.1:4222", ""), HasSubstr("is not a NATS URL"));
  const int nobody = gort_test::nats_server::free_port();
  EXPECT_THAT(message_of("nats://127.0.0.1:" + std::to_string(nobody), ""),
              HasSubstr("no NATS server answers"));
  gort_test::nats_server server;
  EXPECT_THAT(message_of(server.url(), ""), HasSubstr("Authorization Violation")) << "no token";
  EXPECT_THAT(message_of(server.url(), "wrong"), HasSubstr("Authorization Violation"));
}

}  // namespace
