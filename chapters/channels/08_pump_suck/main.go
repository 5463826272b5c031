// SPDX-License-Identifier: MIT
// 08 pump_suck: pump sends 0, 1, 2, ... and suck receives and prints each
// number, both forever, until main stops sleeping (--duration). Watch for: the
// numbers come out consecutively, each send meeting one receive; when main
// returns, the program ends in the middle of the stream.
package main

import (
	"flag"
	"fmt"
	"time"
)

// book:begin
func pump(ch chan int) {
	for i := 0; ; i++ {
		ch <- i // blocks until suck is ready for it
	}
}

func suck(ch chan int) {
	for {
		fmt.Println(<-ch) // blocks until pump sends
	}
}

func main() {
	// book:end
	duration := flag.Duration("duration", time.Second, "how long pump and suck run before main returns")
	flag.Parse()

	// book:begin
	ch1 := make(chan int)
	go pump(ch1)
	go suck(ch1)
	time.Sleep(*duration) // when main returns, the program ends: pump and suck with it
}
// book:end
