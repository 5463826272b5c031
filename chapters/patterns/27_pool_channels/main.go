// SPDX-License-Identifier: MIT
// 27 pool_channels: the tasks of 26 again, with no lock: main is the master,
// sendWork puts every task on the pending channel, N Workers take tasks from
// it and pass them on to done, and consumeWork takes them back. Watch for:
// the channels hand each task to exactly one worker, so the summary is 26's.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
// Task is one piece of work: Steps is its result, Runs counts how often it was processed.
type Task struct {
	N     int
	Steps int
	Runs  int
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

// sendWork puts every task on pending, then closes it so the workers stop.
func sendWork(pending chan<- *Task, tasks []Task) {
	for i := range tasks {
		pending <- &tasks[i]
	}
	close(pending)
}

// Worker processes the tasks it receives and passes each on, until in is closed.
func Worker(in <-chan *Task, out chan<- *Task) {
	for t := range in { // no lock: a channel hands each task to one receiver
		process(t)
		out <- t
	}
}

// consumeWork continues with the processed tasks: here it waits for all n of them.
func consumeWork(done <-chan *Task, n int) {
	for i := 0; i < n; i++ {
		<-done
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
	workers := flag.Int("workers", 4, "how many workers take from the pending channel")
	count := flag.Int("tasks", 1000, "how many tasks are sent")
	flag.Parse()
	if *workers < 1 || *workers > 1000 || *count < 1 || *count > 100000 {
		fmt.Fprintln(os.Stderr, "-workers must be in [1, 1000] and -tasks in [1, 100000]")
		os.Exit(2)
	}

	// book:begin
	tasks := make([]Task, *count)
	for i := range tasks {
		tasks[i].N = i + 1
	}

	pending, done := make(chan *Task), make(chan *Task)
	go sendWork(pending, tasks)     // put the tasks on the channel
	for i := 0; i < *workers; i++ { // start the workers
		go Worker(pending, done)
	}
	consumeWork(done, len(tasks)) // continue with the processed tasks
	report(*workers, tasks)
}
// book:end
