// SPDX-License-Identifier: MIT
// 29 futures: InverseProduct needs the inverses of two matrices, so it asks
// InverseFuture for each: a channel that a goroutine fills with the inverse
// while the caller goes on. Watch for: both inversions run at once, and
// receiving from a future waits only if its value is not ready yet.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <gort/gort.hpp>
#include <string>
#include <utility>
#include <vector>

// book:begin
// Matrix is a square matrix of double, stored row by row.
using Matrix = std::vector<std::vector<double>>;

// Inverse inverts m by Gauss-Jordan elimination with partial pivoting; it
// panics if m is singular.
Matrix Inverse(const Matrix& m) {
  const std::size_t n = m.size();
  // a is [m | I]: the row operations that turn its left half into I turn its
  // right half into the inverse.
  Matrix a(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i].assign(2 * n, 0.0);
    std::copy(m[i].begin(), m[i].end(), a[i].begin());
    a[i][n + i] = 1;
  }
  for (std::size_t col = 0; col < n; ++col) {
    // Partial pivoting: bring up the row with the largest entry in this
    // column, so that we never divide by zero, nor by a tiny number.
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) {
        pivot = r;
      }
    }
    if (a[pivot][col] == 0) {
      gort::panic("Inverse: singular matrix");
    }
    std::swap(a[col], a[pivot]);
    const double p = a[col][col];
    for (double& x : a[col]) {
      x /= p;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == col) {
        continue;
      }
      const double f = a[r][col];
      for (std::size_t j = 0; j < a[r].size(); ++j) {
        a[r][j] -= f * a[col][j];
      }
    }
  }
  Matrix inv(n);
  for (std::size_t i = 0; i < n; ++i) {
    inv[i].assign(a[i].begin() + static_cast<std::ptrdiff_t>(n), a[i].end());
  }
  return inv;
}

// Product returns a·b.
Matrix Product(const Matrix& a, const Matrix& b) {
  const std::size_t n = a.size();
  Matrix c(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < n; ++k) {
        sum += a[i][k] * b[k][j];
      }
      c[i][j] = sum;
    }
  }
  return c;
}

// InverseFuture returns at once; the inverse arrives on the channel when it is ready.
gort::recv_chan<Matrix> InverseFuture(const Matrix& a) {
  auto future = gort::make_chan<Matrix>();
  gort::go([future, a] { future << Inverse(a); });
  return future;
}

// InverseProduct returns inv(a)·inv(b), inverting a and b at the same time.
Matrix InverseProduct(const Matrix& a, const Matrix& b) {
  auto aInvFuture = InverseFuture(a);  // starts a goroutine
  auto bInvFuture = InverseFuture(b);  // starts another
  Matrix aInv = aInvFuture.recv();     // waits only if it is not done yet
  Matrix bInv = bInvFuture.recv();
  return Product(aInv, bInv);
}

// clean turns what would print as -0.0000 into 0, so that every entry prints
// the same in Go and in C++.
double clean(double x) { return std::fabs(x) < 0.00005 ? 0 : x; }

// printMatrix prints m under its name, one row a line.
void printMatrix(const std::string& name, const Matrix& m) {
  std::printf("%s:\n", name.c_str());
  for (const auto& row : m) {
    for (double x : row) {
      std::printf("%8.4f", clean(x));
    }
    std::printf("\n");
  }
}

// isIdentity reports whether m is the identity matrix within tolerance.
bool isIdentity(const Matrix& m, double tolerance) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    for (std::size_t j = 0; j < m[i].size(); ++j) {
      const double want = i == j ? 1.0 : 0.0;
      if (std::fabs(m[i][j] - want) > tolerance) {
        return false;
      }
    }
  }
  return true;
}

// yesNo spells ok the same way in both twins.
const char* yesNo(bool ok) { return ok ? "yes" : "no"; }

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"29 futures: InverseProduct with InverseFuture"};
  CLI11_PARSE(app, argc, argv);  // no flags: the matrices are part of the example

  // book:begin
  return gort::run([] {
    // a[0][0] is 0: without pivoting, the first step would divide by zero.
    const Matrix a = {
        {0, 2, 1},
        {1, 1, 0},
        {3, 0, 1},
    };
    const Matrix b = {
        {2, -1, 0},
        {-1, 2, -1},
        {0, -1, 2},
    };
    printMatrix("A", a);
    printMatrix("B", b);
    printMatrix("inv(A) x inv(B)", InverseProduct(a, b));

    // Check the inverses themselves: m x inv(m) must be the identity.
    auto aInvFuture = InverseFuture(a), bInvFuture = InverseFuture(b);
    std::printf("A x inv(A) = I within 1e-12: %s\n",
                yesNo(isIdentity(Product(a, aInvFuture.recv()), 1e-12)));
    std::printf("B x inv(B) = I within 1e-12: %s\n",
                yesNo(isIdentity(Product(b, bInvFuture.recv()), 1e-12)));
  });
}
// book:end
