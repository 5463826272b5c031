// SPDX-License-Identifier: MIT
// This file holds the select workloads and after, the timer channel.

package main

import (
	"testing"
	"time"
)

// selectReady measures a select over two closed channels: both cases are always ready.
func selectReady(int) (float64, string) {
	return nsPerOp(func(b *testing.B) {
		a, c := make(chan int), make(chan int)
		close(a)
		close(c)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			select {
			case <-a:
			case <-c:
			}
		}
	})
}

// selectDefault measures a select over two empty channels that takes its default case.
func selectDefault(int) (float64, string) {
	return nsPerOp(func(b *testing.B) {
		a, c := make(chan int), make(chan int)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			select {
			case <-a:
			case <-c:
			default:
			}
		}
	})
}

// selectUnbuffered measures a select receiving from two unbuffered channels
// that a goroutine keeps sending on, alternately, until quit is closed.
func selectUnbuffered(int) (float64, string) {
	return nsPerOp(func(b *testing.B) {
		a, c := make(chan int), make(chan int)
		quit := make(chan struct{})
		go func() {
			for i := 0; ; i++ {
				ch := a
				if i%2 == 1 {
					ch = c
				}
				select {
				case ch <- i:
				case <-quit:
					return
				}
			}
		}()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			select {
			case <-a:
			case <-c:
			}
		}
		b.StopTimer()
		close(quit)
	})
}

// after measures creating a timer of 0 and receiving from its channel when it fires.
func after(int) (float64, string) {
	return nsPerOp(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			<-time.After(0)
		}
	})
}
