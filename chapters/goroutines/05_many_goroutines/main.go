// SPDX-License-Identifier: MIT
// 05 many_goroutines: a chain of 100,000 goroutines in one address space
// passes a number along, each adding one. Watch for: they all exist at once
// (each waits for its right neighbour), yet each costs only a few KiB of
// memory and a few microseconds of time.
package main

import (
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"
)

// book:begin
// whisper hears a number from its right neighbour and passes it on to its
// left, plus one.
func whisper(left, right chan int) { left <- 1 + <-right }

// peakRSSKiB is the most memory this process has had in RAM so far, the
// same measure as the C++ twin's (on Linux, ru_maxrss counts KiB).
func peakRSSKiB() int64 {
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	return usage.Maxrss
}

func main() {
	// book:end
	count := flag.Int("count", 100000, "how many goroutines in the chain")
	flag.Parse()
	if *count < 1 || *count > 1000000 {
		fmt.Fprintln(os.Stderr, "-count must be in [1, 1000000]")
		os.Exit(2)
	}

	// book:begin
	before := peakRSSKiB()
	start := time.Now()

	// Each goroutine gets the channel to its left and a new one to its right.
	leftmost := make(chan int)
	left := leftmost
	for i := 0; i < *count; i++ {
		right := make(chan int)
		go whisper(left, right)
		left = right
	}
	// Whisper 0 into the right end; it comes out of the left end as count.
	go func(c chan int) { c <- 0 }(left)
	heard := <-leftmost

	elapsedUs := float64(time.Since(start)) / float64(time.Microsecond)
	// The peak is reached while the whole chain waits, so reading it after
	// the goroutines are gone still counts them all.
	grownKiB := float64(peakRSSKiB() - before)
	fmt.Printf("%d goroutines passed a number along: 0 went in, %d came out\n", *count, heard)
	fmt.Printf("memory: %.1f KiB per goroutine (%.1f MiB for the chain)\n",
		grownKiB/float64(*count), grownKiB/1024)
	fmt.Printf("time: %.2f µs per goroutine (start it, pass the number, end)\n",
		elapsedUs/float64(*count))
}
// book:end
