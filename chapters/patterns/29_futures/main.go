// SPDX-License-Identifier: MIT
// 29 futures: InverseProduct needs the inverses of two matrices, so it asks
// InverseFuture for each: a channel that a goroutine fills with the inverse
// while the caller goes on. Watch for: both inversions run at once, and
// receiving from a future waits only if its value is not ready yet.
package main

import (
	"flag"
	"fmt"
	"math"
)

// book:begin
// Matrix is a square matrix of float64, stored row by row.
type Matrix [][]float64

// Inverse inverts m by Gauss-Jordan elimination with partial pivoting; it
// panics if m is singular.
func Inverse(m Matrix) Matrix {
	n := len(m)
	// a is [m | I]: the row operations that turn its left half into I turn its
	// right half into the inverse.
	a := make(Matrix, n)
	for i := range m {
		a[i] = make([]float64, 2*n)
		copy(a[i], m[i])
		a[i][n+i] = 1
	}
	for col := 0; col < n; col++ {
		// Partial pivoting: bring up the row with the largest entry in this
		// column, so that we never divide by zero, nor by a tiny number.
		pivot := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[pivot][col]) {
				pivot = r
			}
		}
		if a[pivot][col] == 0 {
			panic("Inverse: singular matrix")
		}
		a[col], a[pivot] = a[pivot], a[col]
		p := a[col][col]
		for j := range a[col] {
			a[col][j] /= p
		}
		for r := 0; r < n; r++ {
			if r == col {
				continue
			}
			f := a[r][col]
			for j := range a[r] {
				a[r][j] -= f * a[col][j]
			}
		}
	}
	inv := make(Matrix, n)
	for i := range a {
		inv[i] = a[i][n:]
	}
	return inv
}

// Product returns a·b.
func Product(a, b Matrix) Matrix {
	n := len(a)
	c := make(Matrix, n)
	for i := range c {
		c[i] = make([]float64, n)
		for j := range c[i] {
			sum := 0.0
			for k := 0; k < n; k++ {
				sum += a[i][k] * b[k][j]
			}
			c[i][j] = sum
		}
	}
	return c
}

// InverseFuture returns at once; the inverse arrives on the channel when it is ready.
func InverseFuture(a Matrix) <-chan Matrix {
	future := make(chan Matrix)
	go func() {
		future <- Inverse(a)
	}()
	return future
}

// InverseProduct returns inv(a)·inv(b), inverting a and b at the same time.
func InverseProduct(a, b Matrix) Matrix {
	aInvFuture := InverseFuture(a) // starts a goroutine
	bInvFuture := InverseFuture(b) // starts another
	aInv := <-aInvFuture           // waits only if it is not done yet
	bInv := <-bInvFuture
	return Product(aInv, bInv)
}

// clean turns what would print as -0.0000 into 0, so that every entry prints
// the same in Go and in C++.
func clean(x float64) float64 {
	if math.Abs(x) < 0.00005 {
		return 0
	}
	return x
}

// printMatrix prints m under its name, one row a line.
func printMatrix(name string, m Matrix) {
	fmt.Println(name + ":")
	for _, row := range m {
		for _, x := range row {
			fmt.Printf("%8.4f", clean(x))
		}
		fmt.Println()
	}
}

// isIdentity reports whether m is the identity matrix within tolerance.
func isIdentity(m Matrix, tolerance float64) bool {
	for i := range m {
		for j := range m[i] {
			want := 0.0
			if i == j {
				want = 1
			}
			if math.Abs(m[i][j]-want) > tolerance {
				return false
			}
		}
	}
	return true
}

// yesNo spells ok the same way in both twins.
func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}

func main() {
	// book:end
	flag.Parse() // no flags: the matrices are part of the example

	// book:begin
	// a[0][0] is 0: without pivoting, the first step would divide by zero.
	a := Matrix{
		{0, 2, 1},
		{1, 1, 0},
		{3, 0, 1},
	}
	b := Matrix{
		{2, -1, 0},
		{-1, 2, -1},
		{0, -1, 2},
	}
	printMatrix("A", a)
	printMatrix("B", b)
	printMatrix("inv(A) x inv(B)", InverseProduct(a, b))

	// Check the inverses themselves: m x inv(m) must be the identity.
	aInvFuture, bInvFuture := InverseFuture(a), InverseFuture(b)
	fmt.Printf("A x inv(A) = I within 1e-12: %s\n", yesNo(isIdentity(Product(a, <-aInvFuture), 1e-12)))
	fmt.Printf("B x inv(B) = I within 1e-12: %s\n", yesNo(isIdentity(Product(b, <-bInvFuture), 1e-12)))
}
// book:end
