// SPDX-License-Identifier: MIT
// 22 ticker: a select loop takes jobs from a work channel, logs its state on
// every tick of a time.Ticker, and naps in default when nothing is ready.
// Watch for: the ticks keep their steady pace while jobs and naps come in
// between, and the ticker is stopped however main returns.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// book:begin
// produce sends a numbered job on jobs every period, forever; main leaves it
// behind when it returns.
func produce(jobs chan<- int, period time.Duration) {
	for job := 1; ; job++ {
		time.Sleep(period)
		jobs <- job
	}
}

func main() {
	// book:end
	interval := flag.Duration("interval", 100*time.Millisecond, "how often the ticker ticks")
	work := flag.Duration("work", 30*time.Millisecond, "how often a job arrives on the work channel")
	idle := flag.Duration("idle", 10*time.Millisecond, "how long default naps when nothing is ready")
	duration := flag.Duration("duration", time.Second, "how long the select loop runs")
	flag.Parse()
	if *interval <= 0 || *idle <= 0 {
		fmt.Fprintln(os.Stderr, "-interval and -idle must be more than 0")
		os.Exit(2)
	}

	// book:begin
	ticker := time.NewTicker(*interval)
	defer ticker.Stop() // stops the ticker on every way out of main

	jobs := make(chan int)
	go produce(jobs, *work)

	ticks, done, naps := 0, 0, 0
	for start := time.Now(); time.Since(start) < *duration; {
		select {
		case <-jobs:
			done++
		case <-ticker.C: // a tick missed while we napped is dropped, not queued
			ticks++
			fmt.Printf("tick %d: %d jobs done, %d naps\n", ticks, done, naps)
		default: // nothing is ready: nap rather than spin
			naps++
			time.Sleep(*idle)
		}
	}
	fmt.Printf("stopped: %d ticks, %d jobs, %d naps\n", ticks, done, naps)
}
// book:end
