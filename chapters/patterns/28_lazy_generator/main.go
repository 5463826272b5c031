// SPDX-License-Identifier: MIT
// 28 lazy_generator: integers() starts a goroutine that counts on an unbuffered
// channel and generateInteger() takes the next number from it; then
// BuildLazyEvaluator turns any "value and next state" function into a
// generator the same way. Watch for: each value is computed only after the
// previous one was taken, because the goroutine waits on its send.
package main

import (
	"flag"
	"fmt"
	"os"
)

// book:begin
// resume is the generator that generateInteger reads: a package-level variable.
var resume chan int

// integers returns a channel on which a goroutine sends 0, 1, 2, ... on demand.
func integers() chan int {
	yield := make(chan int)
	count := 0
	go func() {
		for {
			yield <- count // waits here until someone wants the next number
			count++
		}
	}()
	return yield
}

// generateInteger takes the next number from resume.
func generateInteger() int {
	return <-resume
}

// Any is the empty interface: the evaluator works on values of any type.
type Any interface{}

// EvalFunc computes a value and the next state from a state.
type EvalFunc func(Any) (Any, Any)

// BuildLazyEvaluator returns a function that yields evalFunc's successive
// values, starting from initState; a goroutine computes them one ahead.
func BuildLazyEvaluator(evalFunc EvalFunc, initState Any) func() Any {
	retValChan := make(chan Any)
	loopFunc := func() {
		actState := initState
		for {
			var retVal Any
			retVal, actState = evalFunc(actState)
			retValChan <- retVal
		}
	}
	go loopFunc()
	return func() Any {
		return <-retValChan
	}
}

// printValues prints count values of a generator on one line.
func printValues(label string, next func() Any, count int) {
	fmt.Print(label + ":")
	for i := 0; i < count; i++ {
		fmt.Printf(" %v", next())
	}
	fmt.Println()
}

func main() {
	// book:end
	count := flag.Int("count", 10, "how many values each lazy evaluator yields")
	flag.Parse()
	if *count < 1 || *count > 90 {
		fmt.Fprintln(os.Stderr, "-count must be in [1, 90]")
		os.Exit(2)
	}

	// book:begin
	resume = integers()
	fmt.Println(generateInteger()) // 0
	fmt.Println(generateInteger()) // 1
	fmt.Println(generateInteger()) // 2

	// The state is the next even number.
	evenFunc := func(state Any) (Any, Any) {
		even := state.(int)
		return even, even + 2
	}
	printValues("even", BuildLazyEvaluator(evenFunc, 0), *count)

	// The state is a pair of consecutive Fibonacci numbers.
	fibFunc := func(state Any) (Any, Any) {
		fib := state.([2]int)
		return fib[0], [2]int{fib[1], fib[0] + fib[1]}
	}
	printValues("fibonacci", BuildLazyEvaluator(fibFunc, [2]int{0, 1}), *count)
}
// book:end
