// SPDX-License-Identifier: MIT
// Exercise 20: futures — the course's InverseProduct: two matrix inverses
// computed at the same time, each delivered later on a channel.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <optional>
#include <vector>

namespace exercise {

// matrix is a square matrix of doubles, by rows: m[row][column].
using matrix = std::vector<std::vector<double>>;

// inverse() is m's inverse by Gauss–Jordan elimination with partial pivoting,
// or nullopt if m is singular (a pivot below 1e-12 times m's largest entry).
// Provided: it is written for you.
std::optional<matrix> inverse(const matrix& m);

// product() is a·b. Provided: it is written for you.
matrix product(const matrix& a, const matrix& b);

// inverter inverts a matrix as inverse() does; the tests pass their own to
// watch the calls.
using inverter = std::function<std::optional<matrix>(const matrix&)>;

// inverse_future() returns at once, having started a goroutine that delivers
// invert(m) on the returned channel, exactly once. The goroutine ends even if
// nobody ever receives.
gort::recv_chan<std::optional<matrix>> inverse_future(matrix m, inverter invert = inverse);

// inverse_product() is inverse(a)·inverse(b), with the two inverses computed
// at the same time by two futures; nullopt if a or b is singular. Nothing it
// started is left running once it returns.
std::optional<matrix> inverse_product(const matrix& a, const matrix& b, inverter invert = inverse);

}  // namespace exercise
