// SPDX-License-Identifier: MIT
// 13 channel_factory: pump() makes a channel, starts the goroutine that feeds
// it, and returns the channel; the caller only sees a stream of numbers.
// Watch for: pump's goroutine outlives the call to pump; suck takes --count
// numbers from the stream and then tells main it is done.
package main

import (
	"flag"
	"fmt"
)

// book:begin
func pump() chan int {
	ch := make(chan int)
	go func() { // the closure and the caller share one channel
		for i := 0; ; i++ {
			ch <- i
		}
	}()
	return ch
}

func suck(ch chan int, count int, done chan struct{}) {
	for i := 0; i < count; i++ {
		fmt.Println(<-ch)
	}
	done <- struct{}{}
}

func main() {
	// book:end
	count := flag.Int("count", 10, "how many numbers suck prints before main ends")
	flag.Parse()

	// book:begin
	stream := pump()
	done := make(chan struct{})
	go suck(stream, *count, done)
	<-done // main waits for suck, not for pump: pump is left blocked when main returns
}
// book:end
