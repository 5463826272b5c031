// SPDX-License-Identifier: MIT
// 30 data_race: goroutines each add 1 to one shared counter, many times.
// With -fix none nothing orders their adds: a data race, which `go run -race`
// reports and which loses adds. -fix mutex guards the counter with a
// sync.Mutex; -fix channel gives it to one goroutine that receives the adds.
// Watch for: only the fixed versions count exactly goroutines × adds.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
)

// book:begin
// racy lets every goroutine add to counter with nothing between them.
func racy(goroutines, adds int) int {
	counter := 0
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				counter++ // read, add one, write back: another goroutine can come in between
			}
		}()
	}
	wg.Wait()
	return counter
}

// withMutex makes each add a critical section.
func withMutex(goroutines, adds int) int {
	counter := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return counter
}

// withChannel gives the counter to one goroutine; the others send it their adds.
func withChannel(goroutines, adds int) int {
	increments := make(chan int)
	total := make(chan int)
	go func() { // the counter's only owner
		counter := 0
		for n := range increments {
			counter += n
		}
		total <- counter
	}()
	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				increments <- 1
			}
		}()
	}
	wg.Wait()
	close(increments) // every add has been received: the owner may report
	return <-total
}

func main() {
	// book:end
	fix := flag.String("fix", "none", "none (a data race), mutex or channel")
	goroutines := flag.Int("goroutines", 4, "how many goroutines add")
	adds := flag.Int("adds", 100000, "how many times each goroutine adds 1")
	flag.Parse()
	if *goroutines < 1 || *goroutines > 1000 || *adds < 1 || *adds > 1000000 {
		fmt.Fprintln(os.Stderr, "-goroutines must be in [1, 1000] and -adds in [1, 1000000]")
		os.Exit(2)
	}
	// book:begin
	count := map[string]func(int, int) int{"none": racy, "mutex": withMutex, "channel": withChannel}[*fix]
	if count == nil {
		fmt.Fprintln(os.Stderr, "-fix must be none, mutex or channel")
		os.Exit(2)
	}
	got, want := count(*goroutines, *adds), *goroutines**adds
	fmt.Printf("fix %s: counter %d, want %d", *fix, got, want)
	if got != want {
		fmt.Printf(" (%d adds lost)", want-got)
	}
	fmt.Println()
}
// book:end
