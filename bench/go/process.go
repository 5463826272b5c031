// SPDX-License-Identifier: MIT
// This file holds the whole-process workloads: skynet, spawn, parked and idle.

package main

import (
	"sort"
	"sync"
	"syscall"
	"time"
)

// skynet sends num up out if it is a leaf, else starts div children on an
// unbuffered channel and sends up the sum of their values.
func skynet(out chan<- int64, num, size, div int64) {
	if size == 1 {
		out <- num
		return
	}
	rc := make(chan int64)
	for i := int64(0); i < div; i++ {
		go skynet(rc, num+i*(size/div), size/div, div)
	}
	var sum int64
	for i := int64(0); i < div; i++ {
		sum += <-rc
	}
	out <- sum
}

// skynetRun times one skynet tree of 1,000,000 leaves, in ms.
func skynetRun(int) (float64, string) {
	start := time.Now()
	root := make(chan int64)
	go skynet(root, 0, 1000000, 10)
	result := <-root
	elapsed := time.Since(start)
	if result != 499999500000 {
		fail("skynet: result %d, want 499999500000", result)
	}
	return millis(elapsed), "ms"
}

// spawn times 3 batches of 1,000,000 goroutines that each call wg.Done and
// returns the median batch's ns per goroutine.
func spawn(int) (float64, string) {
	const batch = 1000000
	times := make([]time.Duration, 3)
	for i := range times {
		var wg sync.WaitGroup
		wg.Add(batch)
		start := time.Now()
		for g := 0; g < batch; g++ {
			go wg.Done()
		}
		wg.Wait()
		times[i] = time.Since(start)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return float64(times[1].Nanoseconds()) / batch, "ns"
}

// parked starts n goroutines blocked receiving from one channel and returns
// the growth of peak RSS since main began, in KiB per goroutine.
func parked(n int) (float64, string) {
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	started.Add(n)
	finished.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-release
			finished.Done()
		}()
	}
	started.Wait()
	grown := peakRSS() - rssAtStart
	close(release)
	finished.Wait()
	return float64(grown) / float64(n), "KiB"
}

// idle sleeps for 2 s and returns the CPU time (user + system) the process used meanwhile, in ms.
func idle(int) (float64, string) {
	before := cpuTime()
	time.Sleep(2 * time.Second)
	return millis(cpuTime() - before), "ms"
}

// cpuTime is the CPU time (user + system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		fail("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The cold workloads (bench/process.hpp), each timed once in a fresh process.
const (
	coldSpawns = 1000000
	coldRounds = 1000000
)

// spawnCold starts coldSpawns goroutines at once and returns ns per goroutine.
func spawnCold(int) (float64, string) {
	var wg sync.WaitGroup
	wg.Add(coldSpawns)
	start := time.Now()
	for g := 0; g < coldSpawns; g++ {
		go wg.Done()
	}
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / coldSpawns, "ns"
}

// pingpongGG: two ordinary goroutines make coldRounds round trips on two
// unbuffered channels while main waits; ns per round trip.
func pingpongGG(int) (float64, string) {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	start := time.Now()
	go func() {
		for i := 0; i < coldRounds; i++ {
			ping <- i
			<-pong
		}
		wg.Done()
	}()
	go func() {
		for i := 0; i < coldRounds; i++ {
			pong <- <-ping
		}
		wg.Done()
	}()
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / coldRounds, "ns"
}

// selectUnbufferedGG: a goroutine selects over two unbuffered channels, each
// fed by a producer goroutine, coldRounds times while main waits; ns per select.
func selectUnbufferedGG(int) (float64, string) {
	a, b := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(3)
	start := time.Now()
	for _, ch := range []chan int{a, b} {
		go func(ch chan int) {
			for i := 0; i < coldRounds/2; i++ {
				ch <- i
			}
			wg.Done()
		}(ch)
	}
	go func() {
		for i := 0; i < coldRounds; i++ {
			select {
			case <-a:
			case <-b:
			}
		}
		wg.Done()
	}()
	wg.Wait()
	return float64(time.Since(start).Nanoseconds()) / coldRounds, "ns"
}
