// SPDX-License-Identifier: MIT
// Exercise 16: rate_limiter, graded on virtual time: every timestamp is exact.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exercise_test.hpp"
#include "rate_limiter.hpp"

namespace {

using namespace std::chrono_literals;
using exercise::limit;
using exercise::served;
using grading::graded_on_virtual_time;

// stamp is a served request as (request, time after the start): readable in a failure.
using stamp = std::pair<int, std::chrono::nanoseconds>;

// on_virtual_time_at_1_and_2() grades body on virtual time on 1 thread, then
// on 2; it stops after a failure, so a leak's wait is paid only once.
void on_virtual_time_at_1_and_2(const std::function<void()>& body) {
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded_on_virtual_time(body, maxprocs);
    if (testing::Test::HasFailure()) return;
  }
}

// since() turns a log into stamps measured from start.
std::vector<stamp> since(gort::clock::time_point start, const std::vector<served>& log) {
  std::vector<stamp> stamps;
  for (const served& s : log) stamps.emplace_back(s.request, s.at - start);
  return stamps;
}

// queued() is a closed channel holding requests 1..n.
gort::recv_chan<int> queued(int n) {
  auto requests = gort::make_chan<int>(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) requests << i;
  requests.close();
  return requests;
}

// serve_within() is serve_limited(), run in a goroutine and given up after an
// hour of virtual time, so a limiter that never finishes fails instead of hanging.
std::optional<std::vector<served>> serve_within(gort::recv_chan<int> requests, limit l) {
  auto result = gort::make_chan<std::vector<served>>(1);
  gort::go([=] { result << exercise::serve_limited(requests, l); });
  auto give_up = gort::new_timer(1h);
  std::optional<std::vector<served>> log;
  gort::select(gort::recv_case(result, [&](std::vector<served> v) { log = std::move(v); }),
               gort::recv_case(give_up.C));
  give_up.stop();
  return log;
}

TEST(RateLimiter, ServesTheFirstBurstAtOnceThenOnePerInterval) {
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    const auto log = serve_within(queued(7), {.rate = 10, .per = 1s, .burst = 3});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log),
                testing::ElementsAre(stamp{1, 0ms}, stamp{2, 0ms}, stamp{3, 0ms}, stamp{4, 100ms},
                                     stamp{5, 200ms}, stamp{6, 300ms}, stamp{7, 400ms}));
  });
}

TEST(RateLimiter, BurstOfOneServesOnePerInterval) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    const auto log = serve_within(queued(4), {.rate = 5, .per = 1s, .burst = 1});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log), testing::ElementsAre(stamp{1, 0ms}, stamp{2, 200ms},
                                                         stamp{3, 400ms}, stamp{4, 600ms}));
  });
}

TEST(RateLimiter, RateOfOneWaitsAWholePeriod) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    const auto log = serve_within(queued(4), {.rate = 1, .per = 2s, .burst = 2});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log),
                testing::ElementsAre(stamp{1, 0s}, stamp{2, 0s}, stamp{3, 2s}, stamp{4, 4s}));
  });
}

TEST(RateLimiter, IntervalIsThePeriodDividedByTheRate) {
  // 3 per second: a token every 333'333'333 ns, truncated as duration division does.
  graded_on_virtual_time([] {
    const auto start = gort::now();
    const auto log = serve_within(queued(3), {.rate = 3, .per = 1s, .burst = 1});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log), testing::ElementsAre(stamp{1, 0ns}, stamp{2, 333'333'333ns},
                                                         stamp{3, 666'666'666ns}));
  });
}

TEST(RateLimiter, IdleTimeRefillsTheBucketButNoMoreThanTheBurst) {
  // Five requests at once, then four more 950 ms later. Meanwhile ticks at
  // 300, 400 and 500 ms refill the bucket to 3; later ticks find it full.
  on_virtual_time_at_1_and_2([] {
    const auto start = gort::now();
    auto requests = gort::make_chan<int>(16);
    gort::go([requests] {
      for (int i = 1; i <= 5; ++i) requests << i;
      gort::sleep(950ms);
      for (int i = 6; i <= 9; ++i) requests << i;
      requests.close();
    });
    const auto log = serve_within(requests, {.rate = 10, .per = 1s, .burst = 3});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log),
                testing::ElementsAre(stamp{1, 0ms}, stamp{2, 0ms}, stamp{3, 0ms}, stamp{4, 100ms},
                                     stamp{5, 200ms}, stamp{6, 950ms}, stamp{7, 950ms},
                                     stamp{8, 950ms}, stamp{9, 1000ms}));
  });
}

TEST(RateLimiter, ServesARequestAtOnceWhenATokenIsWaiting) {
  // One request every 250 ms, a token every 100 ms: nobody ever waits.
  graded_on_virtual_time([] {
    const auto start = gort::now();
    auto requests = gort::make_chan<int>();
    gort::go([requests] {
      for (int i = 1; i <= 4; ++i) {
        gort::sleep(250ms);
        requests << i;
      }
      requests.close();
    });
    const auto log = serve_within(requests, {.rate = 10, .per = 1s, .burst = 1});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_THAT(since(start, *log), testing::ElementsAre(stamp{1, 250ms}, stamp{2, 500ms},
                                                         stamp{3, 750ms}, stamp{4, 1000ms}));
  });
}

TEST(RateLimiter, NoRequestsServesNothingAndReturnsAtOnce) {
  graded_on_virtual_time([] {
    const auto start = gort::now();
    const auto log = serve_within(queued(0), {.rate = 10, .per = 1s, .burst = 3});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_TRUE(log->empty());
    EXPECT_EQ(gort::now(), start) << "waited for a tick with nothing to serve";
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the refilling goroutine never ended";
  });
}

TEST(RateLimiter, StopsTheRefillingGoroutineEvenWithAFullBucket) {
  // The requests close after a long idle spell: by then the bucket is full and
  // the ticks keep coming, so a refiller that blocks on a full bucket never ends.
  on_virtual_time_at_1_and_2([] {
    auto requests = gort::make_chan<int>(16);
    gort::go([requests] {
      for (int i = 1; i <= 5; ++i) requests << i;
      gort::sleep(1s);
      requests.close();
    });
    const auto log = serve_within(requests, {.rate = 10, .per = 1s, .burst = 2});
    ASSERT_TRUE(log) << "still serving after an hour";
    EXPECT_EQ(log->size(), 5u);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the refilling goroutine never ended";
  });
}

}  // namespace
