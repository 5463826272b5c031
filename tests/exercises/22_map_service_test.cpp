// SPDX-License-Identifier: MIT
// Exercise 22: map_service.
#include <optional>
#include <string>
#include <thread>

#include "exercise_test.hpp"
#include "map_service.hpp"

namespace {

using exercise::map_service;
using grading::graded;

TEST(MapService, GetReturnsWhatSetStored) {
  graded([] {
    map_service m;
    EXPECT_EQ(m.get("go"), std::nullopt) << "a key that was never set";
    m.set("go", 2009);
    m.set("c++", 1985);
    EXPECT_EQ(m.get("go"), 2009);
    EXPECT_EQ(m.get("c++"), 1985);
    m.set("go", 2012);
    EXPECT_EQ(m.get("go"), 2012) << "set must replace the value";
    m.set("", -1);
    EXPECT_EQ(m.get(""), -1) << "the empty string is a key like any other";
    m.stop();
  });
}

TEST(MapService, RemoveSaysWhetherTheKeyWasThere) {
  graded([] {
    map_service m;
    EXPECT_FALSE(m.remove("nothing")) << "removed a key that was never set";
    m.set("a", 1);
    m.set("b", 2);
    EXPECT_TRUE(m.remove("a"));
    EXPECT_EQ(m.get("a"), std::nullopt);
    EXPECT_EQ(m.get("b"), 2) << "removed the wrong key";
    EXPECT_FALSE(m.remove("a")) << "removed twice";
    m.stop();
  });
}

TEST(MapService, SizeCountsTheKeys) {
  graded([] {
    map_service m;
    EXPECT_EQ(m.size(), 0u);
    m.set("a", 1);
    m.set("b", 2);
    m.set("a", 3);
    EXPECT_EQ(m.size(), 2u) << "setting a key again must not add one";
    m.remove("b");
    EXPECT_EQ(m.size(), 1u);
    m.stop();
  });
}

TEST(MapService, UpdateAppliesTheFunctionToTheValue) {
  graded([] {
    map_service m;
    EXPECT_EQ(m.update("n", [](int v) { return v + 5; }), 5) << "an absent key counts as 0";
    EXPECT_EQ(m.update("n", [](int v) { return v * 3; }), 15);
    EXPECT_EQ(m.get("n"), 15);
    EXPECT_EQ(m.size(), 1u);
    m.stop();
  });
}

TEST(MapService, StopReturnsTheMapAndEndsTheService) {
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          map_service m;
          EXPECT_EQ(gort::num_goroutine(), 2) << "expected one service goroutine";
          m.set("x", 1);
          m.set("y", 2);
          m.remove("x");
          m.set("z", 3);
          EXPECT_EQ(m.stop(), (map_service::contents{{"y", 2}, {"z", 3}}));
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the service goroutine never ended";
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(MapService, StopsAtOnceWhenNeverUsed) {
  graded([] {
    map_service m;
    EXPECT_TRUE(m.stop().empty());
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the service goroutine never ended";
  });
}

TEST(MapService, ServesManyClientsAtOnceWithoutLosingAnUpdate) {
  // 8 clients each set 200 keys of their own and add 1 to a shared counter
  // 200 times. A read-then-write from the client would lose increments; an
  // update runs whole on the service.
  for (int maxprocs : {1, 2, 4}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          map_service m;
          gort::wait_group clients;
          for (int c = 0; c < 8; ++c) {
            clients.add(1);
            gort::go([m, c, &clients] {  // a copy of the handle: the same service
              for (int i = 0; i < 200; ++i) {
                m.set(std::to_string(c) + "/" + std::to_string(i), c * 1000 + i);
                m.update("counter", [](int v) { return v + 1; });
              }
              clients.done();
            });
          }
          clients.wait();
          EXPECT_EQ(m.get("counter"), 1600) << "increments were lost";
          EXPECT_EQ(m.size(), 1601u);
          const auto all = m.stop();
          for (int c = 0; c < 8; ++c) {
            for (int i = 0; i < 200; ++i) {
              const auto key = std::to_string(c) + "/" + std::to_string(i);
              ASSERT_TRUE(all.contains(key)) << key << " was lost";
              EXPECT_EQ(all.at(key), c * 1000 + i) << key;
            }
          }
          EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the service goroutine never ended";
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(MapService, ServesOneCommandAtATime) {
  // An update's function holds the service: until it returns, a get from
  // another client must wait, and then it sees the updated value.
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          map_service m;
          m.set("k", 41);
          auto inside = gort::make_chan<gort::signal>();
          auto release = gort::make_chan<gort::signal>();
          auto updated = gort::make_chan<int>(1);
          gort::go([m, inside, release, updated] {
            updated << m.update("k", [&](int v) {
              inside << gort::signal{};
              release.recv();
              return v + 1;
            });
          });
          inside.recv();  // the update's function is running now
          auto got = gort::make_chan<std::optional<int>>(1);
          gort::go([m, got] { got << m.get("k"); });
          for (int i = 0; i < 100; ++i) gort::gosched();
          EXPECT_EQ(got.try_recv(), std::nullopt)
              << "a get was served while an update was in progress";
          release << gort::signal{};
          EXPECT_EQ(updated.recv(), 42);
          EXPECT_EQ(got.recv(), 42) << "the get must see the update that finished first";
          m.stop();
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(MapService, RunsUpdatesOnTheServiceGoroutine) {
  // The caller is a plain thread, outside the run: if f ran on the caller,
  // and not on the goroutine that owns the map, gort::num_goroutine() would
  // be 0 inside it.
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          map_service m;
          auto seen = gort::make_chan<int>(1);
          std::thread caller(
              [m, seen] { seen << m.update("k", [](int) { return gort::num_goroutine(); }); });
          const int goroutines = seen.recv();
          caller.join();
          EXPECT_GT(goroutines, 0) << "f ran on the caller, not on the service goroutine";
          EXPECT_EQ(m.get("k"), goroutines);
          m.stop();
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

}  // namespace
