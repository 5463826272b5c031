// SPDX-License-Identifier: MIT

// Command gobench runs one workload of bench/README.md on Go's own runtime and prints one line: "<value> <unit>".
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"
)

// workload is one entry of the dispatch table: what it measures and how.
type workload struct {
	doc string
	// run does the work and returns the value to print and its unit; n is -n.
	run func(n int) (float64, string)
}

// workloads maps each key of bench/README.md to its implementation.
var workloads = map[string]workload{
	"skynet":               {"ms for a 10-ary tree of 1,000,000 goroutines", skynetRun},
	"pingpong":             {"ns per round trip on two unbuffered channels", pingpong},
	"buffered_1to1":        {"Mitems/s through a chan of cap 128, 1 producer, 1 consumer", buffered1to1},
	"buffered_4to4":        {"Mitems/s through a chan of cap 128, 4 producers, 4 consumers", buffered4to4},
	"spawn":                {"ns per goroutine started (and waited for)", spawn},
	"spawn_cold":           {"ns per goroutine of 1,000,000 started at once in a fresh process", spawnCold},
	"pingpong_gg":          {"ns per round trip between two ordinary goroutines, main waiting", pingpongGG},
	"select_unbuffered_gg": {"ns per select over two unbuffered channels fed by two goroutines, in a goroutine", selectUnbufferedGG},
	"parked":               {"KiB of peak RSS per goroutine blocked on a channel (-n of them)", parked},
	"select_ready":         {"ns per select over two closed channels", selectReady},
	"select_default":       {"ns per select over two empty channels with a default", selectDefault},
	"select_unbuffered":    {"ns per select over two unbuffered channels fed by a goroutine", selectUnbuffered},
	"after":                {"ns per <-time.After(0)", after},
	"pool_mutex":           {"Mitems/s (tasks) through the mutex pool of 4 workers", poolMutex},
	"pool_channels":        {"Mitems/s (tasks) through the channel pool of 4 workers", poolChannels},
	"idle":                 {"ms of CPU time used while main sleeps for 2 s", idle},
}

// rssAtStart is the peak RSS in KiB when main began; parked measures from it.
var rssAtStart int64

// main parses "<workload> -threads N [-n N]", runs the workload and prints its result.
func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "gobench: missing workload")
		usage(os.Stderr)
		os.Exit(2)
	}
	name := os.Args[1]
	if name == "-h" || name == "-help" || name == "--help" {
		usage(os.Stdout)
		return
	}
	w, ok := workloads[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "gobench: unknown workload %q (the workload comes first, then the flags; -h lists them)\n", name)
		os.Exit(2)
	}

	fs := flag.NewFlagSet("gobench "+name, flag.ContinueOnError)
	threads := fs.Int("threads", 1, "GOMAXPROCS, 1..1024")
	n := fs.Int("n", 100000, "goroutines for parked, 1..10000000")
	fs.Usage = func() { usage(fs.Output()) }
	if err := fs.Parse(os.Args[2:]); err != nil {
		if err == flag.ErrHelp {
			return
		}
		os.Exit(2) // fs has already printed the error and the usage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(os.Stderr, "gobench: unexpected arguments %q\n", fs.Args())
		os.Exit(2)
	case *threads < 1 || *threads > 1024:
		fmt.Fprintf(os.Stderr, "gobench: -threads %d is outside [1,1024]\n", *threads)
		os.Exit(2)
	case *n < 1 || *n > 10000000:
		fmt.Fprintf(os.Stderr, "gobench: -n %d is outside [1,10000000]\n", *n)
		os.Exit(2)
	}

	runtime.GOMAXPROCS(*threads)
	rssAtStart = peakRSS()
	value, unit := w.run(*n)
	fmt.Printf("%.2f %s\n", value, unit)
}

// usage writes the command line and the list of workloads to out.
func usage(out io.Writer) {
	fmt.Fprintln(out, "usage: gobench <workload> -threads N [-n N]")
	fmt.Fprintln(out, "  -threads N  GOMAXPROCS, 1..1024 (default 1)")
	fmt.Fprintln(out, "  -n N        goroutines for parked, 1..10000000 (default 100000)")
	fmt.Fprintln(out, "workloads:")
	names := make([]string, 0, len(workloads))
	for name := range workloads {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(out, "  %-18s %s\n", name, workloads[name].doc)
	}
}

// fail reports a wrong result on stderr and exits with status 1.
func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gobench: "+format+"\n", args...)
	os.Exit(1)
}

// nsPerOp runs body like a Go benchmark (b.N growing until a batch takes 1 s)
// and returns the nanoseconds per operation of the last batch.
func nsPerOp(body func(b *testing.B)) (float64, string) {
	r := testing.Benchmark(body)
	return float64(r.T.Nanoseconds()) / float64(r.N), "ns"
}

// mitemsPerSec is nsPerOp for bodies that move b.N items; it returns million items per second.
func mitemsPerSec(body func(b *testing.B)) (float64, string) {
	r := testing.Benchmark(body)
	return float64(r.N) / r.T.Seconds() / 1e6, "Mitems/s"
}

// millis is d in milliseconds.
func millis(d time.Duration) float64 {
	return float64(d.Nanoseconds()) / 1e6
}

// peakRSS is the process's peak resident set size so far, in KiB on Linux.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		fail("getrusage: %v", err)
	}
	return ru.Maxrss
}
