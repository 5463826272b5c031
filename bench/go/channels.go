// SPDX-License-Identifier: MIT
// This file holds the channel workloads: pingpong and the two buffered ones.

package main

import (
	"sync"
	"testing"
)

// pingpong measures one round trip: send on unbuffered ping, a goroutine
// receives it and sends it back on unbuffered pong.
func pingpong(int) (float64, string) {
	return nsPerOp(func(b *testing.B) {
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
		}()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			ping <- i
			<-pong
		}
		b.StopTimer()
		close(ping)
	})
}

// buffered1to1 measures ints through a channel of capacity 128 from one
// producer goroutine to one consumer, the measuring goroutine.
func buffered1to1(int) (float64, string) {
	return mitemsPerSec(func(b *testing.B) {
		ch := make(chan int, 128)
		b.ResetTimer()
		go func() {
			for i := 0; i < b.N; i++ {
				ch <- i
			}
			close(ch)
		}()
		sum := 0
		for v := range ch {
			sum += v
		}
		b.StopTimer()
		if want := b.N * (b.N - 1) / 2; sum != want {
			fail("buffered_1to1: sum %d, want %d", sum, want)
		}
	})
}

// buffered4to4 measures ints through one channel of capacity 128 from 4
// producers to 4 consumers; b.N is rounded up to a multiple of 4.
func buffered4to4(int) (float64, string) {
	return mitemsPerSec(func(b *testing.B) {
		const producers, consumers = 4, 4
		perProducer := (b.N + producers - 1) / producers
		ch := make(chan int, 128)
		counts := make([]int, consumers)
		b.ResetTimer()

		var sent, received sync.WaitGroup
		sent.Add(producers)
		for p := 0; p < producers; p++ {
			go func() {
				defer sent.Done()
				for i := 0; i < perProducer; i++ {
					ch <- i
				}
			}()
		}
		go func() {
			sent.Wait()
			close(ch)
		}()
		received.Add(consumers)
		for c := 0; c < consumers; c++ {
			go func(c int) {
				defer received.Done()
				for range ch {
					counts[c]++
				}
			}(c)
		}
		received.Wait()

		b.StopTimer()
		total := 0
		for _, n := range counts {
			total += n
		}
		if want := producers * perProducer; total != want {
			fail("buffered_4to4: received %d items, want %d", total, want)
		}
	})
}
