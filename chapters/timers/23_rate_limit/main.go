// SPDX-License-Identifier: MIT
// 23 rate_limit: requests are taken off a channel and each one waits for the
// next tick of time.Tick before it calls a fake RPC service, so at most --rate
// calls reach the service in any second. Watch for: the arrival times step by
// 1/rate seconds however fast the requests come in.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"
)

// book:begin
// Service is a fake RPC service: Method only notes when each call arrives.
type Service struct {
	mu       sync.Mutex // guards arrivals and the output
	start    time.Time
	arrivals []time.Time
}

// Method handles one call; calls run in their own goroutines, hence the lock.
func (s *Service) Method(req int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := time.Now()
	s.arrivals = append(s.arrivals, at)
	fmt.Printf("call %3d arrives at %6.3fs\n", req, at.Sub(s.start).Seconds())
}

// busiestWindow returns the most calls that arrived within one second of each
// other: rate, or rate+1 when a late tick opens the window and an on-time tick
// closes it.
func busiestWindow(arrivals []time.Time) int {
	sort.Slice(arrivals, func(i, j int) bool { return arrivals[i].Before(arrivals[j]) })
	best, first := 0, 0
	for last := range arrivals {
		for arrivals[last].Sub(arrivals[first]) >= time.Second {
			first++
		}
		if n := last - first + 1; n > best {
			best = n
		}
	}
	return best
}

func main() {
	// book:end
	rate := flag.Int("rate", 10, "calls allowed per second")
	count := flag.Int("requests", 25, "how many requests come in")
	flag.Parse()
	if *rate < 1 || *rate > 1000 || *count < 1 || *count > 10000 {
		fmt.Fprintln(os.Stderr, "-rate must be in [1, 1000] and -requests in [1, 10000]")
		os.Exit(2)
	}

	// book:begin
	requests := make(chan int)
	go func() { // all the requests are there at once, far faster than the rate
		for req := 1; req <= *count; req++ {
			requests <- req
		}
		close(requests)
	}()

	service := &Service{start: time.Now()}
	var calls sync.WaitGroup
	chRate := time.Tick(time.Second / time.Duration(*rate)) // a tick every 1/rate seconds
	for req := range requests {
		<-chRate // rate limit: no call before the next tick
		calls.Add(1)
		go func(req int) {
			service.Method(req)
			calls.Done()
		}(req)
	}
	calls.Wait()
	total := time.Since(service.start)

	fmt.Printf("busiest 1s window: %d calls (rate %d per second)\n",
		busiestWindow(service.arrivals), *rate)
	fmt.Printf("total time: %.3fs\n", total.Seconds())
}
// book:end
