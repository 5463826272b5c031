// SPDX-License-Identifier: MIT
// Exercise 20: futures.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "exercise_test.hpp"
#include "futures.hpp"

namespace {

using grading::at_once;
using exercise::inverse_future;
using exercise::inverse_product;
using exercise::matrix;
using grading::graded;

const matrix kA = {{4, 7, 2}, {3, 6, 1}, {2, 5, 3}};
const matrix kB = {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}};
const matrix kNeedsPivoting = {{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};  // a zero on the diagonal
const matrix kSingular = {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};       // row 2 is twice row 1

// random_matrix() is an n×n matrix of entries in [-1, 1) from a fixed seed.
matrix random_matrix(std::size_t n, std::uint32_t seed) {
  matrix m(n, std::vector<double>(n));
  for (auto& row : m) {
    for (double& x : row) {
      seed = seed * 1'664'525u + 1'013'904'223u;
      x = static_cast<double>(seed >> 8) / static_cast<double>(1u << 23) - 1.0;
    }
  }
  return m;
}

// expect_near() checks two matrices entry by entry.
void expect_near(const matrix& got, const matrix& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].size(), want[i].size()) << what << ", row " << i;
    for (std::size_t j = 0; j < want[i].size(); ++j) {
      EXPECT_NEAR(got[i][j], want[i][j], 1e-9) << what << ", entry " << i << "," << j;
    }
  }
}

matrix identity(std::size_t n) {
  matrix m(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) m[i][i] = 1;
  return m;
}

// expect_inverse() checks that inv is m's inverse from both sides.
void expect_inverse(const matrix& m, const std::optional<matrix>& inv) {
  ASSERT_TRUE(inv) << "no inverse for an invertible matrix";
  expect_near(exercise::product(m, *inv), identity(m.size()), "m·m⁻¹");
  expect_near(exercise::product(*inv, m), identity(m.size()), "m⁻¹·m");
}

TEST(Futures, InverseFutureDeliversTheInverse) {
  graded([] {
    expect_inverse(kA, inverse_future(kA).recv());
    expect_inverse(kNeedsPivoting, inverse_future(kNeedsPivoting).recv());
    const auto quarter = inverse_future({{4}}).recv();
    ASSERT_TRUE(quarter);
    expect_near(*quarter, {{0.25}}, "1×1");
    const matrix big = random_matrix(12, 7);
    expect_inverse(big, inverse_future(big).recv());
  });
}

TEST(Futures, InverseFutureOfASingularMatrixDeliversNothing) {
  graded([] {
    EXPECT_EQ(inverse_future(kSingular).recv(), std::nullopt);
    EXPECT_EQ(inverse_future({{0, 0}, {0, 0}}).recv(), std::nullopt);
    EXPECT_TRUE(grading::goroutines_settle_at(1));
  });
}

TEST(Futures, InverseFutureReturnsBeforeInverting) {
  // On one thread no goroutine runs before the caller blocks: if nothing was
  // inverted when the call returns, a goroutine of its own does it.
  graded(
      [] {
        int calls = 0;
        auto future = inverse_future(kA, [&calls](const matrix& m) {
          ++calls;
          return exercise::inverse(m);
        });
        EXPECT_EQ(calls, 0) << "inverted in the caller, not in the background";
        EXPECT_GE(gort::num_goroutine(), 2) << "expected a goroutine computing the inverse";
        expect_inverse(kA, future.recv());
        EXPECT_EQ(calls, 1);
        EXPECT_EQ(future.try_recv(), std::nullopt) << "the inverse was delivered twice";
      },
      1);
}

TEST(Futures, InverseFutureEndsEvenIfNobodyReceives) {
  graded([] {
    inverse_future(kA);
    inverse_future(kSingular);
    EXPECT_TRUE(grading::goroutines_settle_at(1))
        << "a future nobody received from is stuck: give its channel room for the value";
  });
}

TEST(Futures, InverseProductIsTheProductOfTheInverses) {
  graded([] {
    const auto ab = inverse_product(kA, kB);
    ASSERT_TRUE(ab);
    expect_near(*ab, exercise::product(*exercise::inverse(kA), *exercise::inverse(kB)),
                "inverse_product(a, b)");
    // a⁻¹·b⁻¹ is (b·a)⁻¹.
    expect_inverse(exercise::product(kB, kA), ab);
    const matrix c = random_matrix(10, 1);
    const matrix d = random_matrix(10, 2);
    expect_inverse(exercise::product(d, c), inverse_product(c, d));
  });
}

TEST(Futures, InverseProductComputesBothInversesAtOnce) {
  for (int maxprocs : {1, 2}) {
    SCOPED_TRACE("maxprocs " + std::to_string(maxprocs));
    graded(
        [] {
          at_once probe(2);
          std::atomic<int> calls{0};
          const auto ab = inverse_product(kA, kB, [&](const matrix& m) {
            ++calls;
            probe.visit();
            return exercise::inverse(m);
          });
          EXPECT_TRUE(probe.reached()) << "the two inverses were computed one after the other";
          EXPECT_EQ(calls, 2);
          expect_inverse(exercise::product(kB, kA), ab);
          EXPECT_TRUE(grading::goroutines_settle_at(1));
        },
        maxprocs);
    if (HasFailure()) return;
  }
}

TEST(Futures, InverseProductOfASingularMatrixIsNothing) {
  graded([] {
    EXPECT_EQ(inverse_product(kSingular, kB), std::nullopt);
    EXPECT_EQ(inverse_product(kA, kSingular), std::nullopt);
    EXPECT_EQ(inverse_product(kSingular, kSingular), std::nullopt);
    EXPECT_TRUE(grading::goroutines_settle_at(1)) << "a future was left behind";
  });
}

}  // namespace
