// SPDX-License-Identifier: MIT
// Exercise 06: bounded_map.
#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

#include "bounded_map.hpp"
#include "exercise_test.hpp"

namespace {

using exercise::bounded_map;

// numbers() is 0, 1.5, 3, … (n values).
std::vector<double> numbers(std::size_t n) {
  std::vector<double> data(n);
  for (std::size_t i = 0; i < n; ++i) data[i] = 1.5 * static_cast<double>(i);
  return data;
}

// concurrency_probe is an f that counts the calls running at once. Until
// `expected` calls have run together, each call waits for that to happen (or
// for the hang guard to give up); every call then lingers a few yields, so a
// map that starts more calls than allowed is caught with too many running.
class concurrency_probe {
 public:
  explicit concurrency_probe(int expected) : expected_(expected) {}

  double operator()(std::size_t i, double x) {
    const int now = ++running_;
    int most = most_.load();
    while (now > most && !most_.compare_exchange_weak(most, now)) {
    }
    if (!grading::soon([&] { return most_.load() >= expected_ || gave_up_.load(); })) {
      gave_up_ = true;
    }
    for (int k = 0; k < 5; ++k) gort::gosched();
    --running_;
    return x + static_cast<double>(i);
  }

  // most() is the most calls that ran at once.
  int most() const { return most_; }
  // reached() is whether `expected` calls ever ran at once.
  bool reached() const { return !gave_up_; }

 private:
  const int expected_;
  std::atomic<int> running_{0};
  std::atomic<int> most_{0};
  std::atomic<bool> gave_up_{false};
};

// map_with_probe() runs bounded_map(numbers(n), limit) with probe as f and
// checks the results.
void map_with_probe(concurrency_probe& probe, std::size_t n, std::size_t limit) {
  const std::vector<double> results =
      bounded_map(numbers(n), limit, [&](std::size_t i, double x) { return probe(i, x); });
  ASSERT_EQ(results.size(), n);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(results[i], numbers(n)[i] + static_cast<double>(i)) << "element " << i;
  }
}

// Every test runs on one thread and on two.
class BoundedMap : public testing::TestWithParam<int> {};
INSTANTIATE_TEST_SUITE_P(Maxprocs, BoundedMap, testing::Values(1, 2), gort_test::maxprocs_name);

TEST_P(BoundedMap, RunsExactlyLimitCallsAtOnce) {
  grading::graded(
      [] {
        concurrency_probe probe(3);
        map_with_probe(probe, 20, 3);
        EXPECT_TRUE(probe.reached()) << "3 calls never ran at the same time";
        EXPECT_EQ(probe.most(), 3) << "the most calls running at once";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, LimitOneRunsOneCallAtATime) {
  grading::graded(
      [] {
        concurrency_probe probe(1);
        map_with_probe(probe, 10, 1);
        EXPECT_EQ(probe.most(), 1) << "the most calls running at once";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, LimitAboveTheSizeRunsEveryCallAtOnce) {
  grading::graded(
      [] {
        concurrency_probe probe(5);
        map_with_probe(probe, 5, 100);
        EXPECT_TRUE(probe.reached()) << "the 5 calls never ran at the same time";
        EXPECT_EQ(probe.most(), 5) << "the most calls running at once";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, LimitEqualToTheSize) {
  grading::graded(
      [] {
        concurrency_probe probe(4);
        map_with_probe(probe, 4, 4);
        EXPECT_TRUE(probe.reached()) << "the 4 calls never ran at the same time";
        EXPECT_EQ(probe.most(), 4) << "the most calls running at once";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, StartsTheNextCallAsSoonAsOneFinishes) {
  // Limit 2: the first call to start stays until a third call has started,
  // which needs the second one's place. A map that starts calls in batches
  // of `limit` and waits for the whole batch never gets there.
  grading::graded(
      [] {
        std::atomic<int> started{0};
        std::atomic<bool> gave_up{false};
        auto f = [&](std::size_t, double x) {
          if (++started == 1 &&
              !grading::soon([&] { return started.load() >= 3 || gave_up.load(); })) {
            gave_up = true;
          }
          return x;
        };
        EXPECT_EQ(bounded_map(numbers(3), 2, f), numbers(3));
        EXPECT_FALSE(gave_up.load()) << "a third call never started while the first was running";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, CallsFOnceForEachElementWithItsOwnIndexAndValue) {
  grading::graded(
      [] {
        const std::vector<double> data = numbers(40);
        std::mutex mutex;
        std::vector<int> calls(data.size());
        std::vector<double> seen(data.size());
        const std::vector<double> results = bounded_map(data, 4, [&](std::size_t i, double x) {
          for (std::size_t k = 0; k < i % 5; ++k) gort::gosched();  // finish out of order
          std::lock_guard lock(mutex);
          if (i < calls.size()) {
            ++calls[i];
            seen[i] = x;
          }
          return -x;
        });
        ASSERT_EQ(results.size(), data.size());
        for (std::size_t i = 0; i < data.size(); ++i) {
          EXPECT_EQ(calls[i], 1) << "calls of f with index " << i;
          EXPECT_EQ(seen[i], data[i]) << "the value passed with index " << i;
          EXPECT_EQ(results[i], -data[i]) << "result " << i;
        }
      },
      GetParam());
}

TEST_P(BoundedMap, EmptyInputCallsNothing) {
  grading::graded(
      [] {
        std::atomic<int> calls{0};
        EXPECT_TRUE(bounded_map({}, 2, [&](std::size_t, double x) {
                      ++calls;
                      return x;
                    }).empty());
        EXPECT_EQ(calls.load(), 0);
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

TEST_P(BoundedMap, ReturnsOnlyWhenEveryCallHasFinished) {
  grading::graded(
      [] {
        std::atomic<int> finished{0};
        auto f = [&](std::size_t i, double x) {
          for (std::size_t k = 0; k < i * 7 % 13; ++k) gort::gosched();
          ++finished;
          return x;
        };
        bounded_map(numbers(30), 4, f);
        EXPECT_EQ(finished.load(), 30) << "returned before every call had finished";
        EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a goroutine never ended";
      },
      GetParam());
}

}  // namespace
