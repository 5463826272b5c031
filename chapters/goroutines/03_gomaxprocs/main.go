// SPDX-License-Identifier: MIT
// 03 gomaxprocs: the -n flag sets GOMAXPROCS, how many threads run goroutines
// at once; then one CPU-bound job runs with GOMAXPROCS = 1, 2, ... num_cpu.
// Watch for: the speed-up stops growing at num_cpu, which counts only the
// CPUs this process may use (its affinity mask and its container's quota).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

// book:begin
// part does steps steps of CPU-bound work and sends the outcome on results.
func part(x uint64, steps int64, results chan uint64) {
	for i := int64(0); i < steps; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	results <- x // the outcome keeps the compiler from skipping the work
}

// job splits size steps of work among parts goroutines and waits for them all.
func job(size int64, parts int) {
	results := make(chan uint64)
	for i := 0; i < parts; i++ {
		steps := int64(i+1)*size/int64(parts) - int64(i)*size/int64(parts)
		go part(uint64(i+1), steps, results)
	}
	for i := 0; i < parts; i++ {
		<-results
	}
}

func main() {
	// book:end
	numCores := flag.Int("n", 2, "number of CPU cores to use (GOMAXPROCS)")
	size := flag.Int64("size", 100000000, "steps of work in the job, shared among its goroutines")
	flag.Parse()
	if *numCores < 1 || *numCores > 256 || *size < 1000 || *size > 100000000000 {
		fmt.Fprintln(os.Stderr, "-n must be in [1, 256] and -size in [1000, 100000000000]")
		os.Exit(2)
	}

	// book:begin
	previous := runtime.GOMAXPROCS(*numCores)
	fmt.Printf("GOMAXPROCS=%d (-n); it was %d\n", *numCores, previous)
	// Go 1.19's NumCPU counts the CPUs of the affinity mask only; gort's
	// num_cpu also honours a cgroup CPU quota, as uber-go/automaxprocs does.
	cpus := runtime.NumCPU()
	fmt.Printf("num_cpu=%d\n", cpus)

	// Rows for 1..num_cpu, and one for -n if it asks for more threads than CPUs.
	var rows []int
	for procs := 1; procs <= cpus; procs++ {
		rows = append(rows, procs)
	}
	if *numCores > cpus {
		rows = append(rows, *numCores)
	}
	// Four goroutines per thread of the largest row, the same for every row,
	// so each row does the same work and every thread gets some of it.
	parts := 4 * rows[len(rows)-1]

	fmt.Printf("%d steps of work in %d goroutines:\n", *size, parts)
	fmt.Printf("GOMAXPROCS       time  speed-up\n")
	var baseline float64
	for _, procs := range rows {
		runtime.GOMAXPROCS(procs)
		start := time.Now()
		job(*size, parts)
		ms := float64(time.Since(start)) / float64(time.Millisecond)
		if procs == 1 {
			baseline = ms
		}
		mark := ""
		if procs == *numCores {
			mark = "  <- -n"
		}
		fmt.Printf("%10d %8.1fms %8.2fx%s\n", procs, ms, baseline/ms, mark)
	}
}
// book:end
