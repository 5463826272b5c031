// SPDX-License-Identifier: MIT
// 06 send_data: sendData sends five city names over a channel and getData
// prints each one it receives. Watch for: main does not wait for them, it
// only sleeps (--wait); the two goroutines hand over each name in a
// rendezvous, so the names come out in the order they were sent.
package main

import (
	"flag"
	"fmt"
	"time"
)

// book:begin
func sendData(ch chan string) {
	ch <- "Washington"
	ch <- "Tripoli"
	ch <- "London"
	ch <- "Beijing"
	ch <- "Tokyo"
}

func getData(ch chan string) {
	for {
		input := <-ch // blocks until sendData sends
		fmt.Printf("%s ", input)
	}
}

func main() {
	// book:end
	wait := flag.Duration("wait", time.Second, "how long main sleeps before the program ends")
	flag.Parse()

	// book:begin
	ch := make(chan string)
	go sendData(ch)
	go getData(ch)
	time.Sleep(*wait) // when main returns, the program ends: getData with it
}
// book:end
