// SPDX-License-Identifier: MIT
// 01 go_sum: `go sum(bigArray, result)` adds up a big array in a background
// goroutine while main goes on with other work. Watch for: the go statement
// returns at once; main gets the sum only when it receives from result.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
// sum sends the total of a on result; the goroutine ends after that send.
func sum(a []int, result chan int) {
	s := 0
	for _, v := range a {
		s += v
	}
	result <- s
}

func main() {
	// book:end
	size := flag.Int("size", 1000000, "how many numbers (1, 2, ..., size) to add up")
	flag.Parse()
	if *size < 1 || *size > 100000000 {
		fmt.Fprintln(os.Stderr, "-size must be in [1, 100000000]")
		os.Exit(2)
	}

	// book:begin
	bigArray := make([]int, *size)
	for i := range bigArray {
		bigArray[i] = i + 1
	}

	result := make(chan int)
	// A slice is a view, so the goroutine shares the array instead of
	// copying it. Both sides only read it, so that is safe.
	go sum(bigArray, result)
	fmt.Printf("go sum(bigArray): adding up %d numbers in the background\n", *size)

	// Meanwhile main does something else with the same (read-only) array.
	sevens := 0
	for _, v := range bigArray {
		if v%7 == 0 {
			sevens++
		}
	}
	fmt.Printf("meanwhile main counts the multiples of 7: %d\n", sevens)

	// The receive waits for sum to finish, if it has not yet.
	fmt.Printf("sum = %d\n", <-result)
}
// book:end
