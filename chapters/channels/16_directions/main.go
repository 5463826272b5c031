// SPDX-License-Identifier: MIT
// 16 directions: a channel is made bidirectional, but a function can take it
// as send-only (Go's chan<- int, gort::send_chan<int>) or receive-only (<-chan
// int, gort::recv_chan<int>). Watch for: the one chan converts to either view
// by itself; using a view the wrong way is a compile error, not a runtime one.
package main

import (
	"flag"
	"fmt"
)

// book:begin
// source may only send on ch (and close it: closing is the sender's job).
// Neither line below would compile here:
//
//	<-ch                    "cannot receive from send-only channel ch"
//	var both chan int = ch  "cannot use ch (variable of type chan<- int) as
//	                        type chan int in variable declaration"
func source(ch chan<- int, count int) {
	for i := 0; i < count; i++ {
		ch <- i
	}
	close(ch)
}

// sink may only receive from ch. Neither line below would compile here:
//
//	ch <- 1    "cannot send to receive-only channel ch"
//	close(ch)  "cannot close receive-only channel ch"
func sink(ch <-chan int, done chan<- int) {
	received := 0
	for v := range ch {
		fmt.Println("sink got", v)
		received++
	}
	done <- received
}

func main() {
	// book:end
	count := flag.Int("count", 5, "how many values source sends")
	flag.Parse()

	// book:begin
	c := make(chan int) // bidirectional
	done := make(chan int)
	go source(c, *count) // c converts to chan<- int
	go sink(c, done)     // and to <-chan int
	// Receive first; as an argument of Println it would work too, since Go
	// evaluates the arguments before the call.
	received := <-done
	fmt.Println("sink received", received, "values")
}
// book:end
