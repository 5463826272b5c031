// SPDX-License-Identifier: MIT
#include "futures.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace exercise {

// Provided: you need not change inverse() and product().

std::optional<matrix> inverse(const matrix& m) {
  const std::size_t n = m.size();
  double largest = 0;
  for (const auto& row : m) {
    for (double x : row) largest = std::max(largest, std::abs(x));
  }
  // Reduce [m | identity] to [identity | m⁻¹], one column at a time.
  matrix left = m;
  matrix right(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) right[i][i] = 1;
  for (std::size_t col = 0; col < n; ++col) {
    // Partial pivoting: the row with the largest entry in this column keeps
    // the rounding errors small.
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < n; ++row) {
      if (std::abs(left[row][col]) > std::abs(left[pivot][col])) pivot = row;
    }
    if (std::abs(left[pivot][col]) <= 1e-12 * largest) return std::nullopt;
    std::swap(left[pivot], left[col]);
    std::swap(right[pivot], right[col]);
    const double scale = left[col][col];
    for (std::size_t j = 0; j < n; ++j) {
      left[col][j] /= scale;
      right[col][j] /= scale;
    }
    for (std::size_t row = 0; row < n; ++row) {
      if (row == col) continue;
      const double factor = left[row][col];
      for (std::size_t j = 0; j < n; ++j) {
        left[row][j] -= factor * left[col][j];
        right[row][j] -= factor * right[col][j];
      }
    }
  }
  return right;
}

matrix product(const matrix& a, const matrix& b) {
  const std::size_t columns = b.empty() ? 0 : b[0].size();
  matrix ab(a.size(), std::vector<double>(columns, 0.0));
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t k = 0; k < b.size(); ++k) {
      for (std::size_t j = 0; j < columns; ++j) ab[i][j] += a[i][k] * b[k][j];
    }
  }
  return ab;
}

gort::recv_chan<std::optional<matrix>> inverse_future(matrix m, inverter invert) {
  // Capacity 1: the goroutine can deliver and end even if nobody receives,
  // so a caller that stops waiting cannot leave it stuck for ever.
  auto future = gort::make_chan<std::optional<matrix>>(1);
  // m and invert move into the goroutine: it must not depend on the caller's
  // variables, which may be gone before it runs.
  gort::go([future, m = std::move(m), invert = std::move(invert)] { future << invert(m); });
  return future;
}

std::optional<matrix> inverse_product(const matrix& a, const matrix& b, inverter invert) {
  // Both futures start before either is waited on: that is what lets the two
  // inverses run at the same time.
  auto a_inverse = inverse_future(a, invert);
  auto b_inverse = inverse_future(b, invert);
  const std::optional<matrix> a_inv = a_inverse.recv();
  const std::optional<matrix> b_inv = b_inverse.recv();
  if (!a_inv || !b_inv) return std::nullopt;
  return product(*a_inv, *b_inv);
}

}  // namespace exercise
