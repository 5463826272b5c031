// SPDX-License-Identifier: MIT
// 25 timeout: a call that gives up after --timeout, by racing its reply against
// time.After in a select. Watch for: the fast call replies in time, the slow
// one times out, and the slow worker still ends, because its reply channel has
// room for one value.
package main

import (
	"flag"
	"fmt"
	"sync"
	"time"
)

// book:begin
// service is a fake RPC service that takes d to answer.
func service(name string, d time.Duration) string {
	time.Sleep(d)
	return name + " reply"
}

// callWithTimeout calls service in a goroutine and waits at most timeout for the reply.
func callWithTimeout(name string, took, timeout time.Duration, workers *sync.WaitGroup) {
	// Capacity 1: a reply that comes after the timeout waits in the buffer, so
	// the worker's send never blocks and the worker ends. Unbuffered, it would
	// block forever on a send that nobody receives: a leaked goroutine.
	ch := make(chan string, 1)
	workers.Add(1)
	go func() {
		ch <- service(name, took)
		workers.Done()
	}()
	select {
	case resp := <-ch:
		fmt.Printf("%s call: got %q in time\n", name, resp)
	case <-time.After(timeout):
		fmt.Printf("%s call: timed out\n", name)
	}
}

func main() {
	// book:end
	timeout := flag.Duration("timeout", 100*time.Millisecond, "how long a caller waits for a reply")
	fast := flag.Duration("fast", 10*time.Millisecond, "how long the fast call takes")
	slow := flag.Duration("slow", 300*time.Millisecond, "how long the slow call takes")
	flag.Parse()

	// book:begin
	var workers sync.WaitGroup
	callWithTimeout("fast", *fast, *timeout, &workers)
	callWithTimeout("slow", *slow, *timeout, &workers)
	workers.Wait() // returns because the late worker left its reply in the buffer
	fmt.Println("both workers have ended: none is stuck on its send")
}
// book:end
