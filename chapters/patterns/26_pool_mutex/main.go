// SPDX-License-Identifier: MIT
// 26 pool_mutex: workers share one pool of tasks guarded by a sync.Mutex; each
// takes the first task inside a short critical section and processes it
// outside. Watch for: every task is processed exactly once, so the summary is
// the same whatever order the workers ran in.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
)

// book:begin
// Task is one piece of work: Steps is its result, Runs counts how often it was processed.
type Task struct {
	N     int
	Steps int
	Runs  int
}

// Pool is the shared task pool; Mu guards Tasks.
type Pool struct {
	Mu    sync.Mutex
	Tasks []*Task
}

// process counts the Collatz steps from t.N down to 1: a little real work.
func process(t *Task) {
	for n := t.N; n != 1; t.Steps++ {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
	}
	t.Runs++
}

// Worker takes the first task from the pool and processes it, until the pool is empty.
func Worker(pool *Pool) {
	for {
		pool.Mu.Lock() // begin critical section
		if len(pool.Tasks) == 0 {
			pool.Mu.Unlock()
			return
		}
		task := pool.Tasks[0]       // take the first task
		pool.Tasks = pool.Tasks[1:] // and remove it from the pool
		pool.Mu.Unlock()            // end critical section
		process(task)               // outside the lock, so the workers process in parallel
	}
}

// report prints numbers that do not depend on which worker ran which task.
func report(workers int, tasks []Task) {
	once, checksum := 0, 0
	for _, t := range tasks {
		if t.Runs == 1 {
			once++
		}
		checksum += t.Steps
	}
	fmt.Printf("workers: %d\n", workers)
	fmt.Printf("tasks: %d\n", len(tasks))
	fmt.Printf("processed exactly once: %d\n", once)
	fmt.Printf("checksum: %d\n", checksum)
}

func main() {
	// book:end
	workers := flag.Int("workers", 4, "how many workers share the pool")
	count := flag.Int("tasks", 1000, "how many tasks the pool starts with")
	flag.Parse()
	if *workers < 1 || *workers > 1000 || *count < 1 || *count > 100000 {
		fmt.Fprintln(os.Stderr, "-workers must be in [1, 1000] and -tasks in [1, 100000]")
		os.Exit(2)
	}

	// book:begin
	tasks := make([]Task, *count)
	pool := &Pool{}
	for i := range tasks {
		tasks[i].N = i + 1
		pool.Tasks = append(pool.Tasks, &tasks[i])
	}

	var wg sync.WaitGroup
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			Worker(pool)
			wg.Done()
		}()
	}
	wg.Wait()
	report(*workers, tasks)
}
// book:end
