// SPDX-License-Identifier: MIT
// This file holds the course's two worker pools: one guarded by a mutex, one built from channels.

package main

import (
	"sync"
	"testing"
)

// workers is how many goroutines each pool runs.
const workers = 4

// Task is one unit of the pools' work: Steps becomes the Collatz steps of N.
type Task struct {
	N, Steps int
}

// process counts the Collatz steps from t.N down to 1 into t.Steps.
func process(t *Task) {
	n, steps := t.N, 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	t.Steps = steps
}

// collatz1000 holds the Collatz steps of 1..1000 at index N-1, for the checksums.
var collatz1000 = func() (steps [1000]int) {
	for i := range steps {
		t := Task{N: i + 1}
		process(&t)
		steps[i] = t.Steps
	}
	return steps
}()

// newTasks is a batch of n tasks with N = i%1000 + 1 and the sum of Steps processing them must give.
func newTasks(n int) (tasks []*Task, checksum int) {
	tasks = make([]*Task, n)
	for i := range tasks {
		tasks[i] = &Task{N: i%1000 + 1}
		checksum += collatz1000[i%1000]
	}
	return tasks, checksum
}

// verify fails unless the tasks' Steps add up to checksum.
func verify(name string, tasks []*Task, checksum int) {
	sum := 0
	for _, t := range tasks {
		sum += t.Steps
	}
	if sum != checksum {
		fail("%s: checksum %d, want %d", name, sum, checksum)
	}
}

// Pool is the mutex pool: workers take tasks from a slice guarded by mu.
type Pool struct {
	mu    sync.Mutex
	tasks []*Task
}

// work takes tasks from the pool until it is empty, processing each outside the lock.
func (p *Pool) work(wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		p.mu.Lock()
		if len(p.tasks) == 0 {
			p.mu.Unlock()
			return
		}
		t := p.tasks[0]
		p.tasks = p.tasks[1:]
		p.mu.Unlock()
		process(t)
	}
}

// poolMutex measures tasks through the mutex pool.
func poolMutex(int) (float64, string) {
	return mitemsPerSec(func(b *testing.B) {
		tasks, checksum := newTasks(b.N)
		pool := &Pool{tasks: append([]*Task(nil), tasks...)}
		b.ResetTimer()
		var wg sync.WaitGroup
		wg.Add(workers)
		for w := 0; w < workers; w++ {
			go pool.work(&wg)
		}
		wg.Wait()
		b.StopTimer()
		verify("pool_mutex", tasks, checksum)
	})
}

// poolChannels measures tasks through the channel pool: a feeder sends them on
// pending, workers process them and send them on done, the measurer receives them.
func poolChannels(int) (float64, string) {
	return mitemsPerSec(func(b *testing.B) {
		tasks, checksum := newTasks(b.N)
		pending, done := make(chan *Task), make(chan *Task)
		b.ResetTimer()
		go func() {
			for _, t := range tasks {
				pending <- t
			}
			close(pending)
		}()
		for w := 0; w < workers; w++ {
			go func() {
				for t := range pending {
					process(t)
					done <- t
				}
			}()
		}
		for range tasks {
			<-done
		}
		b.StopTimer()
		verify("pool_channels", tasks, checksum)
	})
}
