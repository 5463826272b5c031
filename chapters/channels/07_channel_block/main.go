// SPDX-License-Identifier: MIT
// 07 channel_block: pump sends 0, 1, 2, ... on an unbuffered channel, but main
// receives only once. Watch for: only 0 is printed; pump stays blocked on its
// second send, and the program still ends with status 0 when main returns.
package main

import (
	"flag"
	"fmt"
)

// book:begin
func pump(ch chan int) {
	for i := 0; ; i++ {
		ch <- i // blocks until someone receives: after the first value, nobody does
	}
}

func main() {
	// book:end
	flag.Parse()

	// book:begin
	ch1 := make(chan int)
	go pump(ch1)       // pump hangs
	fmt.Println(<-ch1) // prints only 0
}
// book:end
