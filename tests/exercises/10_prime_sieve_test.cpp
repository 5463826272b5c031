// SPDX-License-Identifier: MIT
// Exercise 10: prime_sieve.
#include <vector>

#include "exercise_test.hpp"
#include "prime_sieve.hpp"

namespace {

using exercise::filter;
using exercise::first_primes;
using exercise::generate;
using grading::graded;

// primes_by_trial_division() is the first n primes, computed without the sieve.
std::vector<int> primes_by_trial_division(int n) {
  std::vector<int> primes;
  for (int candidate = 2; static_cast<int>(primes.size()) < n; ++candidate) {
    bool prime = true;
    for (int p : primes) prime = prime && candidate % p != 0;
    if (prime) primes.push_back(candidate);
  }
  return primes;
}

TEST(PrimeSieve, GenerateCountsUpFromTwo) {
  graded([] {
    auto numbers = gort::make_chan<int>();
    auto done = gort::make_chan<gort::signal>();
    gort::go(generate, numbers, done);
    for (int expected = 2; expected <= 20; ++expected) EXPECT_EQ(numbers.recv(), expected);
    done.close();
    // Whatever it still sends before it sees done goes on counting, then it
    // closes. Its select picks done half the time at least: 100 more values
    // mean it does not look at done.
    for (int next = 21;; ++next) {
      auto [v, ok] = numbers.recv_ok();
      if (!ok) break;
      EXPECT_EQ(v, next);
      ASSERT_LT(next, 121) << "generate goes on sending after done was closed";
    }
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "generate did not return after done closed";
  });
}

TEST(PrimeSieve, GenerateStopsOnDoneEvenIfNobodyReceives) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          auto numbers = gort::make_chan<int>();
          auto done = gort::make_chan<gort::signal>();
          gort::go(generate, numbers, done);
          EXPECT_EQ(numbers.recv(), 2);
          done.close();
          EXPECT_TRUE(grading::goroutines_settle_at(1))
              << "generate stayed blocked sending 3 although done was closed";
          EXPECT_FALSE(numbers.recv_ok().ok) << "generate did not close its output";
        },
        procs);
    if (HasFailure()) break;  // once is enough: a leak costs the hang guard's wait
  }
}

TEST(PrimeSieve, GenerateWithDoneAlreadyClosedOnlyCloses) {
  graded([] {
    auto numbers = gort::make_chan<int>();
    auto done = gort::make_chan<gort::signal>();
    done.close();
    gort::go(generate, numbers, done);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
    EXPECT_FALSE(numbers.recv_ok().ok) << "generate did not close its output";
  });
}

TEST(PrimeSieve, FilterDropsTheMultiplesOfItsPrimeInOrder) {
  graded([] {
    auto in = gort::make_chan<int>(100);
    for (int v = 2; v <= 30; ++v) in << v;
    in.close();
    auto out = gort::make_chan<int>();
    gort::go(filter, in, out, 3);
    std::vector<int> kept;
    for (int v : out) kept.push_back(v);
    EXPECT_EQ(kept, (std::vector<int>{2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26,
                                      28, 29}));
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "filter did not return after in closed";
  });
}

TEST(PrimeSieve, FilterClosesItsOutputWhenItsInputCloses) {
  graded([] {
    auto in = gort::make_chan<int>();
    auto out = gort::make_chan<int>();
    gort::go(filter, in, out, 2);
    in << 4;  // dropped
    in << 9;
    EXPECT_EQ(out.recv(), 9);
    in.close();
    EXPECT_FALSE(out.recv_ok().ok) << "filter did not close its output when its input closed";
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(PrimeSieve, ZeroPrimesIsEmptyAndLeavesNothing) {
  graded([] {
    EXPECT_TRUE(first_primes(0).empty());
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(PrimeSieve, TheFirstPrimeIsTwo) {
  graded([] {
    EXPECT_EQ(first_primes(1), std::vector<int>{2});
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "the chain was not shut down";
  });
}

TEST(PrimeSieve, TheFirstHundredPrimes) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          const std::vector<int> primes = first_primes(100);
          EXPECT_EQ(primes, primes_by_trial_division(100));
          ASSERT_EQ(primes.size(), 100U);
          EXPECT_EQ(primes.back(), 541);
        },
        procs);
    if (HasFailure()) break;
  }
}

TEST(PrimeSieve, TheWholeChainIsShutDown) {
  for (int procs : {1, 2}) {
    graded(
        [] {
          EXPECT_EQ(first_primes(300), primes_by_trial_division(300));
          ASSERT_TRUE(grading::goroutines_settle_at(1))
              << gort::num_goroutine() - 1 << " goroutine(s) of the chain left behind";
          EXPECT_EQ(first_primes(10), primes_by_trial_division(10)) << "a second sieve went wrong";
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        procs);
    if (HasFailure()) break;
  }
}

}  // namespace
