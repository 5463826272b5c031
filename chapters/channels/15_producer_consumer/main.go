// SPDX-License-Identifier: MIT
// 15 producer_consumer: Produce() returns a channel that a goroutine fills
// with values, and Consume() drains it: Consume(Produce()). Watch for: the
// producer and the consumer run in different goroutines and meet at every
// value; the producer closes the channel when done, and the round ends.
package main

import (
	"flag"
	"fmt"
)

// book:begin
// Produce starts a goroutine that sends count values, then closes the channel.
// Value r0i is item i of round r, so the output shows where each came from.
func Produce(round, count int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 1; i <= count; i++ {
			ch <- round*100 + i
		}
		close(ch) // tells Consume that this round has no more values
	}()
	return ch
}

// Consume takes values until the channel is closed and reports what it got.
func Consume(ch <-chan int) {
	total := 0
	for v := range ch {
		fmt.Println("consumed", v)
		total += v
	}
	fmt.Println("total", total)
}

func main() {
	// book:end
	rounds := flag.Int("rounds", 3, "how many times main runs Consume(Produce())")
	count := flag.Int("count", 4, "how many values Produce makes each round")
	flag.Parse()

	// book:begin
	// The course's endless `for { Consume(Produce()) }`, bounded by --rounds.
	for round := 1; round <= *rounds; round++ {
		Consume(Produce(round, *count))
	}
}
// book:end
