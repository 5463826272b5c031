// SPDX-License-Identifier: MIT
// 04 parallel_search: a long array is cut into slices that do not overlap,
// and one goroutine searches each slice for the target. Watch for: the
// answers arrive in whatever order the goroutines finish, yet the result is
// always the same, because main keeps the lowest index.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
// found is one goroutine's answer: the first index of the target in its
// slice, or -1.
type found struct {
	slice int
	index int
}

// search looks for target in part, the slice of the array that starts at
// index offset, and reports on answers.
func search(part []int, offset, target, slice int, answers chan found) {
	for i, v := range part {
		if v == target {
			answers <- found{slice, offset + i}
			return
		}
	}
	answers <- found{slice, -1}
}

func main() {
	// book:end
	var size, slices, target int
	flag.IntVar(&size, "size", 10000000, "length of the array")
	flag.IntVar(&slices, "slices", 8, "how many slices, one goroutine each")
	flag.IntVar(&target, "target", 4242, "the number to look for")
	flag.Parse()
	if size < 1 || size > 50000000 || slices < 1 || slices > 10000 {
		fmt.Fprintln(os.Stderr, "-size must be in [1, 50000000] and -slices in [1, 10000]")
		os.Exit(2)
	}
	if slices > size {
		fmt.Fprintln(os.Stderr, "-slices must not be more than -size")
		os.Exit(2)
	}

	// book:begin
	// bigArray holds 0..size-1 scrambled: i*7919 mod size (a permutation
	// when size is not a multiple of the prime 7919).
	bigArray := make([]int, size)
	for i := range bigArray {
		bigArray[i] = i * 7919 % size
	}
	fmt.Printf("%d goroutines search %d numbers for %d, about %d each\n",
		slices, size, target, size/slices)

	// One goroutine per slice; slice k is [k*size/slices, (k+1)*size/slices).
	// A slice is a view: the goroutines share bigArray.
	answers := make(chan found)
	for k := 0; k < slices; k++ {
		begin, end := k*size/slices, (k+1)*size/slices
		go search(bigArray[begin:end], begin, target, k, answers)
	}

	// Every goroutine answers once; the lowest index is the first occurrence.
	first := found{-1, -1}
	for k := 0; k < slices; k++ {
		answer := <-answers
		if answer.index >= 0 && (first.index < 0 || answer.index < first.index) {
			first = answer
		}
	}
	if first.index < 0 {
		fmt.Printf("%d is not in the array\n", target)
	} else {
		fmt.Printf("found %d at index %d (slice %d)\n", target, first.index, first.slice)
	}
}
// book:end
