// SPDX-License-Identifier: MIT
// Exercise 17: heartbeat, graded on virtual time: every beat's time is exact.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exercise_test.hpp"
#include "heartbeat.hpp"

namespace {

using namespace std::chrono_literals;
using exercise::start_worker;
using grading::graded_on_virtual_time;
using std::chrono::nanoseconds;

int square(int x) { return x * x; }

// on_virtual_time_at_1_and_2() grades body on virtual time on 1 thread, then
// on 2; it stops after a failure, so a leak's wait is paid only once.
void on_virtual_time_at_1_and_2(const std::function<void()>& body) {
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded_on_virtual_time(body, maxprocs);
    if (testing::Test::HasFailure()) return;
  }
}

// within() receives from ch, giving up after a virtual minute: a worker that
// is stuck while its ticker ticks on fails the test instead of hanging it.
template <class T>
std::optional<gort::recv_result<T>> within(gort::recv_chan<T> ch) {
  auto give_up = gort::new_timer(1min);
  std::optional<gort::recv_result<T>> got;
  gort::select(gort::recv_case(ch,
                               [&](T v, bool ok) {
                                 got = gort::recv_result<T>{v, ok};
                               }),
               gort::recv_case(give_up.C));
  give_up.stop();
  return got;
}

// timed is (value, when it was received), both measured from the start.
template <class T>
using timed = std::pair<T, nanoseconds>;

// record is what a listener heard: every value with its time, and when the
// channel was closed.
template <class T>
struct record {
  std::vector<timed<T>> heard;
  nanoseconds closed_at{};
};

// listen() starts a goroutine that receives from ch until it is closed, and
// delivers what it heard on the returned channel.
template <class T>
gort::recv_chan<record<T>> listen(gort::recv_chan<T> ch, gort::clock::time_point start) {
  auto out = gort::make_chan<record<T>>(1);
  gort::go([ch, start, out] {
    record<T> r;
    for (T v : ch) r.heard.emplace_back(v, gort::now() - start);
    r.closed_at = gort::now() - start;
    out << std::move(r);
  });
  return out;
}

// tick is a heartbeat's value and the time it was heard, both measured from the start.
using tick = timed<nanoseconds>;

// since() measures the heartbeats' values from the start.
std::vector<tick> since(gort::clock::time_point start,
                        const std::vector<timed<gort::clock::time_point>>& beats) {
  std::vector<tick> ticks;
  for (const auto& [at, heard] : beats) ticks.emplace_back(at - start, heard);
  return ticks;
}

TEST(Heartbeat, BeatsExactlyEveryIntervalWhileWaitingForItems) {
  // Items come at 250 and 520 ms and the input closes at 650 ms: beats at
  // 100, 200, …, 600 ms, each heard the moment it is sent, then both close.
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto items = gort::make_chan<int>();
    const auto out = start_worker(items, 100ms, square);
    const auto beats = listen(out.heartbeats, start);
    const auto results = listen(out.results, start);
    gort::go([items] {
      gort::sleep(250ms);
      items << 1;
      gort::sleep(270ms);
      items << 2;
      gort::sleep(130ms);
      items.close();
    });
    const auto heard = within(beats);
    ASSERT_TRUE(heard && heard->ok) << "heartbeats still open after a minute";
    EXPECT_THAT(since(start, heard->value.heard),
                testing::ElementsAre(tick{100ms, 100ms}, tick{200ms, 200ms}, tick{300ms, 300ms},
                                     tick{400ms, 400ms}, tick{500ms, 500ms}, tick{600ms, 600ms}));
    EXPECT_EQ(heard->value.closed_at, 650ms) << "heartbeats not closed when the items were";
    const auto got = within(results);
    ASSERT_TRUE(got && got->ok) << "results still open after a minute";
    EXPECT_THAT(got->value.heard, testing::ElementsAre(timed<int>{1, 250ms}, timed<int>{4, 520ms}));
    EXPECT_EQ(got->value.closed_at, 650ms) << "results not closed when the items were";
  });
}

TEST(Heartbeat, BeatsWhileWaitingForSomeoneToTakeAResult) {
  // The result is ready at once but taken only at 350 ms: the worker must
  // beat at 100, 200 and 300 ms while it waits.
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto items = gort::make_chan<int>(1);
    items << 7;
    items.close();
    const auto out = start_worker(items, 100ms, square);
    const auto beats = listen(out.heartbeats, start);
    gort::sleep(350ms);
    const auto result = within(out.results);
    ASSERT_TRUE(result && result->ok) << "no result after a minute";
    EXPECT_EQ(result->value, 49);
    const auto heard = within(beats);
    ASSERT_TRUE(heard && heard->ok) << "heartbeats still open after a minute";
    EXPECT_THAT(since(start, heard->value.heard),
                testing::ElementsAre(tick{100ms, 100ms}, tick{200ms, 200ms}, tick{300ms, 300ms}))
        << "silent while waiting for the result to be taken";
    EXPECT_EQ(heard->value.closed_at, 350ms);
    const auto end = within(out.results);
    ASSERT_TRUE(end);
    EXPECT_FALSE(end->ok) << "results not closed";
  });
}

TEST(Heartbeat, NeverWaitsForAHeartbeatNobodyReceives) {
  // Nobody listens to the heartbeats: every item must still be done on time.
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto items = gort::make_chan<int>();
    const auto out = start_worker(items, 100ms, square);
    gort::go([items] {
      for (int i = 1; i <= 5; ++i) {
        gort::sleep(150ms);
        items << i;
      }
      items.close();
    });
    for (int i = 1; i <= 5; ++i) {
      const auto result = within(out.results);
      ASSERT_TRUE(result && result->ok) << "blocked on a heartbeat nobody receives?";
      EXPECT_EQ(result->value, i * i);
      EXPECT_EQ(gort::now() - start, i * 150ms);
    }
    const auto end = within(out.results);
    ASSERT_TRUE(end);
    EXPECT_FALSE(end->ok) << "results not closed";
    // A heartbeat channel with a buffer of one may hold one stale beat, no more.
    auto last = within(out.heartbeats);
    if (last && last->ok) last = within(out.heartbeats);
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->ok) << "heartbeats not closed, or more than one beat queued";
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the worker never ended";
  });
}

TEST(Heartbeat, ClosedInputClosesBothOutputsAtOnce) {
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto items = gort::make_chan<int>();
    items.close();
    const auto out = start_worker(items, 100ms, square);
    const auto result = within(out.results);
    ASSERT_TRUE(result);
    EXPECT_FALSE(result->ok) << "a result from no items";
    const auto beat = within(out.heartbeats);
    ASSERT_TRUE(beat);
    EXPECT_FALSE(beat->ok) << "a heartbeat after the items were closed";
    EXPECT_EQ(gort::now(), start) << "the worker waited before closing";
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the worker never ended";
  });
}

TEST(Heartbeat, ReturnsAtOnceAndWorksInItsOwnGoroutine) {
  // On one thread no goroutine runs before the caller blocks: if nothing was
  // done when start_worker returns, a goroutine of its own does the work.
  graded_on_virtual_time(
      [] {
        auto items = gort::make_chan<int>(3);
        for (int i : {2, 3, 4}) items << i;
        items.close();
        int calls = 0;
        const auto out = start_worker(items, 100ms, [&calls](int x) {
          ++calls;
          return square(x);
        });
        EXPECT_EQ(calls, 0) << "worked in the caller";
        EXPECT_GE(gort::num_goroutine(), 2) << "expected a worker goroutine";
        for (int want : {4, 9, 16}) {
          const auto result = within(out.results);
          ASSERT_TRUE(result && result->ok);
          EXPECT_EQ(result->value, want);
        }
        EXPECT_EQ(calls, 3);
      },
      1);
}

TEST(Heartbeat, StopsAfterTheInputClosesAndLeavesNothingRunning) {
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto items = gort::make_chan<int>();
    const auto out = start_worker(items, 100ms, square);
    const auto beats = listen(out.heartbeats, start);
    const auto results = listen(out.results, start);
    gort::go([items] {
      for (int i = 0; i < 3; ++i) items << i;
      gort::sleep(420ms);
      items.close();
    });
    const auto heard = within(beats);
    ASSERT_TRUE(heard && heard->ok) << "heartbeats still open after a minute";
    EXPECT_EQ(heard->value.heard.size(), 4u) << "expected beats at 100, 200, 300 and 400 ms";
    EXPECT_EQ(heard->value.closed_at, 420ms);
    const auto got = within(results);
    ASSERT_TRUE(got && got->ok);
    EXPECT_EQ(got->value.heard.size(), 3u);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the worker never ended";
  });
}

}  // namespace
