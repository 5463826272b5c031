// SPDX-License-Identifier: MIT
// 24 boom: time.Tick ticks every --tick, time.After fires once after --boom,
// and default naps for --nap when neither is ready. Watch for: a few "    ."
// lines between the "tick." lines, then "BOOM!" ends the loop and the program.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// book:begin
func main() {
	// book:end
	tickEvery := flag.Duration("tick", 100*time.Millisecond, "how often tick. is printed")
	boomAfter := flag.Duration("boom", 500*time.Millisecond, "when BOOM! ends the program")
	nap := flag.Duration("nap", 50*time.Millisecond, "how long default naps when nothing is ready")
	flag.Parse()
	if *nap <= 0 {
		fmt.Fprintln(os.Stderr, "-nap must be more than 0")
		os.Exit(2)
	}

	// book:begin
	tick := time.Tick(*tickEvery)  // sends again and again
	boom := time.After(*boomAfter) // sends once
	for {
		select {
		case <-tick:
			fmt.Println("tick.")
		case <-boom:
			fmt.Println("BOOM!")
			return // ends the loop, and main with it
		default: // neither is ready yet
			fmt.Println("    .")
			time.Sleep(*nap)
		}
	}
}
// book:end
