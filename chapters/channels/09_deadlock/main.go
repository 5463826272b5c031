// SPDX-License-Identifier: MIT
// 09 deadlock: main sends on an unbuffered channel before it starts the
// goroutine that would receive. Watch for: the runtime sees that every
// goroutine is asleep, prints Go's "fatal error: all goroutines are asleep -
// deadlock!" with a goroutine dump, and exits with status 2.
package main

import (
	"flag"
	"fmt"
)

// book:begin
func f1(in chan int) { fmt.Println(<-in) }

func main() {
	// book:end
	flag.Parse()

	// book:begin
	out := make(chan int)
	out <- 2   // no receiver is running yet, so main blocks here for good
	go f1(out) // never reached: the receiver would have had to start first
}
// book:end
