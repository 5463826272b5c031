// SPDX-License-Identifier: MIT
// 02 gosched: two busy goroutines, A and B, print their letter after each step
// of CPU-bound work. Watch for: with -n 1 (one thread) they take turns only
// because each calls gosched() after a step; try --yield=false and one runs
// to the end before the other starts.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
)

// book:begin
// work is one step of CPU-bound work: it never blocks, so it never lets
// another goroutine onto its thread by itself.
func work(x uint64) uint64 {
	for i := 0; i < 200000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// busy does steps steps of work, printing name after each one.
func busy(name byte, steps int, yield bool, done chan uint64) {
	x := uint64(name)
	for i := 0; i < steps; i++ {
		x = work(x)
		fmt.Printf("%c", name)
		if yield {
			runtime.Gosched() // let the other goroutine have this thread for a while
		}
	}
	done <- x // handing x over keeps the compiler from skipping the work
}

func main() {
	// book:end
	numCores := flag.Int("n", 2, "number of CPU cores to use (GOMAXPROCS)")
	steps := flag.Int("steps", 10, "steps of work for each goroutine")
	yield := flag.Bool("yield", true, "call runtime.Gosched() after every step (-yield=false: never)")
	flag.Parse()
	if *numCores < 1 || *numCores > 256 || *steps < 1 || *steps > 100000 {
		fmt.Fprintln(os.Stderr, "-n must be in [1, 256] and -steps in [1, 100000]")
		os.Exit(2)
	}

	// book:begin
	runtime.GOMAXPROCS(*numCores)
	how := "never yield"
	if *yield {
		how = "yield after every step"
	}
	fmt.Printf("GOMAXPROCS=%d; A and B take %d steps each and %s\n", *numCores, *steps, how)

	done := make(chan uint64)
	go busy('A', *steps, *yield, done)
	go busy('B', *steps, *yield, done)
	// Go also preempts a goroutine that has run for 10 ms, so without
	// Gosched long steps still interleave now and then; gort never takes
	// the thread away.
	<-done
	<-done
	fmt.Println()
}
// book:end
