// SPDX-License-Identifier: MIT
// 11 semaphore: main starts work in a goroutine, does something else, then
// waits for the goroutine by receiving from a channel. Watch for: the first
// goroutine's signal is its result; the second (a lambda) sends an empty
// value that only says "done", and what it wrote is safe to read after <-done.
package main

import (
	"flag"
	"fmt"
)

// book:begin
// someComputation stands for slow work: the sum of the squares 1..n.
func someComputation(n int64) int64 {
	var sum int64
	for k := int64(1); k <= n; k++ {
		sum += k * k
	}
	return sum
}

// compute signals on ch when it completes: the value sent is its result.
func compute(ch chan int64, n int64) { ch <- someComputation(n) }

func doSomethingElseForAWhile() { fmt.Println("main: doing something else meanwhile") }

func main() {
	// book:end
	var n int64
	flag.Int64Var(&n, "n", 1000, "compute the sum of the squares 1..n")
	flag.Parse()

	// book:begin
	ch := make(chan int64)
	go compute(ch, n) // start something in a goroutine
	doSomethingElseForAWhile()
	result := <-ch // blocks until compute is done
	fmt.Println("compute sent", result)

	// The lambda variant: the value sent does not matter, only that it arrives.
	done := make(chan struct{})
	var squares int64
	go func() {
		squares = someComputation(2 * n)
		done <- struct{}{} // send a signal; the value is empty
	}()
	doSomethingElseForAWhile()
	<-done // wait for the goroutine to finish; discard the value
	fmt.Println("the lambda is done: squares up to", 2*n, "add up to", squares)
}
// book:end
