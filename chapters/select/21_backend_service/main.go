// SPDX-License-Identifier: MIT
// 21 backend_service: a backend goroutine owns a counter and serves it in a
// select loop over three channels: add, get and stop. Watch for: only the
// backend touches the counter, so it needs no lock; get and stop carry a
// reply channel, a channel sent over a channel, for the answer.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
// backend serves the counter until a request arrives on stop; it answers a
// get with the total, and a stop with how many commands it served.
func backend(add <-chan int, get <-chan chan<- int, stop <-chan chan<- int) {
	total := 0
	// served counts the commands before this one; the stop case returns
	// from backend, which ends the loop.
	for served := 0; ; served++ {
		select {
		case n := <-add:
			total += n
		case reply := <-get:
			reply <- total
		case reply := <-stop:
			reply <- served
			return
		}
	}
}

// ask sends a fresh reply channel on requests and waits for the answer on it.
func ask(requests chan<- chan<- int) int {
	reply := make(chan int)
	requests <- reply
	return <-reply
}

func main() {
	// book:end
	count := flag.Int("count", 5, "how many numbers the client adds (1, 2, ..., count)")
	flag.Parse()
	if *count < 1 || *count > 10000 {
		fmt.Fprintln(os.Stderr, "-count must be in [1, 10000]")
		os.Exit(2)
	}

	// book:begin
	add := make(chan int)
	get := make(chan chan<- int)
	stop := make(chan chan<- int)
	go backend(add, get, stop)

	// The client: each command is a rendezvous with the backend, so the
	// replies come in the order the commands were sent.
	for i := 1; i <= *count; i++ {
		add <- i
		fmt.Printf("add %d: total %d\n", i, ask(get))
	}
	fmt.Printf("stop: the backend served %d commands\n", ask(stop))
}
// book:end
