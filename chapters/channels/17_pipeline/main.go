// SPDX-License-Identifier: MIT
// 17 pipeline: processChannel is one stage of a pipeline: it ranges over an
// input channel of ints and sends a string for each on an output channel.
// Watch for: the directions in its signature say which end it holds; closing
// the input ends its loop, and it closes its output so the next stage ends too.
package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// book:begin
// generate feeds the pipeline: the numbers 1..count, then close.
func generate(out chan<- int, count int) {
	for i := 1; i <= count; i++ {
		out <- i
	}
	close(out)
}

// processChannel turns each number into a bar of that many stars.
func processChannel(in <-chan int, out chan<- string) {
	for inValue := range in {
		result := strconv.Itoa(inValue) + " " + strings.Repeat("*", inValue)
		out <- result
	}
	close(out) // in was closed and drained: nothing more will come out
}

func main() {
	// book:end
	count := flag.Int("count", 5, "how many numbers go through the pipeline")
	flag.Parse()

	// book:begin
	sendChan := make(chan int)
	receiveChan := make(chan string)
	go generate(sendChan, *count)
	go processChannel(sendChan, receiveChan)
	for s := range receiveChan { // ends when processChannel closes it
		fmt.Println(s)
	}
}
// book:end
