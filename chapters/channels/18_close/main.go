// SPDX-License-Identifier: MIT
// 18 close: the sender closes a channel to say no more values will come, and
// the receiver sees it as ok == false from `v, ok := <-ch` (recv_ok) or as the
// end of a range loop. Watch for: values already buffered are still delivered
// after close; after that every receive returns at once with 0 and ok == false.
package main

import (
	"flag"
	"fmt"
)

// book:begin
// sendFloats sends count values, then closes ch. Only the sender closes: a
// receiver cannot know whether another value is on its way. (defer closes ch
// however the function returns; the C++ twin, without defer, closes last.)
func sendFloats(ch chan<- float64, count int) {
	defer close(ch)
	for i := 1; i <= count; i++ {
		ch <- float64(i) / 4
	}
}

func main() {
	// book:end
	count := flag.Int("count", 3, "how many values each sender sends before it closes")
	flag.Parse()

	// book:begin
	// v, ok := <-ch in a loop: ok turns false once ch is closed and drained.
	ch := make(chan float64)
	go sendFloats(ch, *count)
	for {
		v, ok := <-ch
		if !ok {
			break
		}
		fmt.Printf("recv_ok: v=%.2f ok=%t\n", v, ok)
	}

	// From now on every receive returns at once, with the zero value and ok == false.
	v, ok := <-ch
	fmt.Printf("closed:  v=%.2f ok=%t\n", v, ok)

	// range runs the same loop for you and stops at the close.
	ch2 := make(chan float64)
	go sendFloats(ch2, *count)
	for x := range ch2 {
		fmt.Printf("range:   v=%.2f\n", x)
	}

	// Values buffered before the close are still received, then ok turns false.
	buffered := make(chan float64, 2)
	buffered <- 1.5
	buffered <- 2.5
	close(buffered)
	for i := 0; i < 3; i++ {
		bv, bok := <-buffered
		fmt.Printf("buffered: v=%.2f ok=%t\n", bv, bok)
	}
}
// book:end
