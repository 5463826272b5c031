// SPDX-License-Identifier: MIT
// 19 select_same_channel: two receive cases wait on one channel, the first
// printing 0 and the second 1. Watch for: whenever a value arrives both cases
// are ready, and select picks one at random, so out comes a random 0/1
// stream; each value is still received only once.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
func main() {
	// book:end
	count := flag.Int("count", 20, "how many values to receive")
	flag.Parse()
	if *count < 1 || *count > 10000000 {
		fmt.Fprintln(os.Stderr, "-count must be in [1, 10000000]")
		os.Exit(2)
	}

	// book:begin
	ch := make(chan int)
	// The sender never stops; it is still blocked on a send when main returns.
	go func() {
		for {
			ch <- 0
		}
	}()
	for i := 0; i < *count; i++ {
		select {
		case <-ch:
			fmt.Println(0)
		case <-ch:
			fmt.Println(1)
		}
	}
}
// book:end
