// SPDX-License-Identifier: MIT
// 14 channel_iterator: a container's Iter() returns a receive-only channel fed
// by a goroutine that walks the items, so callers range over the container as
// over any channel. Watch for: the goroutine closes the channel after the last
// item; that is what ends the range loop.
package main

import (
	"flag"
	"fmt"
)

// book:begin
type item string

type container struct {
	items []item
}

func (c *container) Len() int { return len(c.items) }

// Iter hands out the items one at a time on a channel the caller can only
// receive from. The goroutine holds c, so the garbage collector keeps the
// container alive until the goroutine is done (C++ relies on the caller's scope).
func (c *container) Iter() <-chan item {
	ch := make(chan item)
	go func() {
		for i := 0; i < c.Len(); i++ { // for a tree, a depth-first walk instead
			ch <- c.items[i]
		}
		close(ch) // no more items: the caller's range loop ends
	}()
	return ch
}

func main() {
	// book:end
	flag.Parse()

	// book:begin
	planets := &container{items: []item{"Mercury", "Venus", "Earth", "Mars", "Jupiter"}}
	for x := range planets.Iter() {
		fmt.Println(x)
	}
}
// book:end
