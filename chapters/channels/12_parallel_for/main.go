// SPDX-License-Identifier: MIT
// 12 parallel_for: one goroutine per element of a float64 slice, each storing
// its result at its own index, and a semaphore channel that main drains once
// per goroutine. Watch for: i and xi are passed as arguments, so each goroutine
// gets its own copy; results print in index order whatever order they finished.
package main

import (
	"flag"
	"fmt"
	"math"
)

// book:begin
// doSomething stands for the work on one element: its square root, scaled by
// its position.
func doSomething(i int, xi float64) float64 { return math.Sqrt(xi) / float64(i+1) }

func main() {
	// book:end
	n := flag.Int("n", 8, "how many elements, one goroutine each")
	flag.Parse()

	// book:begin
	data := make([]float64, *n)
	for i := range data {
		data[i] = float64(i*i + 1)
	}
	res := make([]float64, *n)
	sem := make(chan struct{}, *n) // room for every signal: no sender waits

	// i and xi are parameters, not captures: the go statement copies them now,
	// for this goroutine alone. A closure that used the loop's i and xi would
	// share them with the loop, which (before Go 1.22) updates the same two
	// variables each iteration. res is shared on purpose: each goroutine
	// writes only res[i].
	work := func(i int, xi float64) {
		res[i] = doSomething(i, xi)
		sem <- struct{}{}
	}
	for i, xi := range data {
		go work(i, xi)
	}

	// Wait for the goroutines to finish: one signal each.
	for i := 0; i < *n; i++ {
		<-sem
	}
	for i, xi := range data {
		fmt.Printf("res[%d] = sqrt(%6.1f) / %d = %8.4f\n", i, xi, i+1, res[i])
	}
}
// book:end
