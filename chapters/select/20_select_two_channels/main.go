// SPDX-License-Identifier: MIT
// 20 select_two_channels: a goroutine sends on ch, then on ch2, and a select
// over both prints 0 for ch and 1 for ch2. Watch for: only one case is ever
// ready, because the second send waits for the first to be received, so the
// output is always 0 then 1.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
func main() {
	// book:end
	var rounds int
	flag.IntVar(&rounds, "rounds", 1, "how many times the sender sends on ch, then on ch2")
	flag.Parse()
	if rounds < 1 || rounds > 1000000 {
		fmt.Fprintln(os.Stderr, "-rounds must be in [1, 1000000]")
		os.Exit(2)
	}

	// book:begin
	ch := make(chan int)
	ch2 := make(chan int)
	go func() {
		for i := 0; i < rounds; i++ {
			ch <- 0
			ch2 <- 0 // waits until main has taken the value from ch
		}
	}()
	// Two values per round; main returns once it has received them all.
	for i := 0; i < 2*rounds; i++ {
		select {
		case <-ch:
			fmt.Println(0)
		case <-ch2:
			fmt.Println(1)
		}
	}
}
// book:end
