// SPDX-License-Identifier: MIT
// 10 buffered: a channel made with a capacity holds that many values without a
// receiver. Watch for: each send returns at once and len grows up to cap; once
// the buffer is full a send would block, so a non-blocking try fails; then the
// values come out in the order they went in.
package main

import (
	"flag"
	"fmt"
)

// book:begin
func main() {
	// book:end
	capacity := flag.Int("cap", 3, "buffer capacity of the channel")
	flag.Parse()

	// book:begin
	ch := make(chan string, *capacity)

	// No goroutine receives yet: while the buffer has room, each send returns at once.
	for i := 0; i < *capacity; i++ {
		item := fmt.Sprintf("item%d", i)
		ch <- item
		fmt.Printf("sent %s: len=%d cap=%d\n", item, len(ch), cap(ch))
	}

	// The buffer is full, so a plain send would block main forever; try one without waiting.
	select {
	case ch <- "extra":
		fmt.Printf("sent extra\n")
	default:
		fmt.Printf("buffer full: extra not sent\n")
	}

	// Receiving never blocks while values are buffered; they come out first in, first out.
	for i := 0; i < *capacity; i++ {
		item := <-ch
		fmt.Printf("received %s: len=%d\n", item, len(ch))
	}
}
// book:end
