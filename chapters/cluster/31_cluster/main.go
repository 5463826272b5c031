// SPDX-License-Identifier: MIT
// 31 cluster: chapter 5's master and workers as separate processes, talking
// through NATS. The tasks wait in a JetStream work queue until a worker
// acknowledges them, the results in a stream until the master has them.
// Watch for: a worker acknowledges a task only once its result is stored, so
// a worker killed mid-task loses nothing, and its task comes again; the
// master counts each task once, however many results it gets for it.
//
//	go run main.go worker --nats URL --name NAME
//	go run main.go master --nats URL --tasks N
//
// The credentials come from --token or NATS_TOKEN. Built on Debian's Go client
// without downloads: GO111MODULE=off GOPATH=/usr/share/gocode go run main.go …
// (the demo subcommand is the C++ program's).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
)

// book:begin
// result is the work of task n, which the master can check: the sum of the
// squares 1..1000+n, modulo 2^64.
func result(n uint64) uint64 {
	var sum uint64
	for k := uint64(1); k <= 1000+n; k++ {
		sum += k * k
	}
	return sum
}

// pull delivers the messages of a durable pull consumer on a channel, up to
// batch at a time, as gort::nats's pull() does.
func pull(js nats.JetStreamContext, stream, durable, subject string, ackWait time.Duration, batch int) (<-chan *nats.Msg, error) {
	sub, err := js.PullSubscribe(subject, durable, nats.BindStream(stream), nats.AckWait(ackWait))
	if err != nil {
		return nil, fmt.Errorf("cannot take work from '%s' in stream %s: %w", subject, stream, err)
	}
	out := make(chan *nats.Msg)
	go func() {
		for {
			msgs, err := sub.Fetch(batch, nats.MaxWait(500*time.Millisecond))
			if errors.Is(err, nats.ErrConnectionClosed) {
				close(out)
				return
			}
			for _, m := range msgs {
				out <- m
			}
		}
	}()
	return out, nil
}

// worker takes tasks from the work queue until the master says stop. It
// acknowledges a task only after JetStream has stored its result: killed
// before that, it leaves the task to be delivered again to another worker.
func worker(nc *nats.Conn, js nats.JetStreamContext, name, subject string, work time.Duration) error {
	tasks, err := pull(js, "TASKS", "workers", subject, time.Second, 1)
	if err != nil {
		return err
	}
	stop := make(chan *nats.Msg, 1)
	if _, err := nc.ChanSubscribe("cluster.stop", stop); err != nil {
		return err
	}
	for {
		select {
		case task, ok := <-tasks:
			if !ok { // the connection closed
				return nil
			}
			n, _ := strconv.ParseUint(string(task.Data), 10, 64)
			time.Sleep(work) // the task takes a while
			delivered := 1
			if meta, err := task.Metadata(); err == nil {
				delivered = int(meta.NumDelivered)
			}
			answer := fmt.Sprintf("%s %d %s %d", task.Data, result(n), name, delivered)
			if _, err := js.Publish("cluster.results", []byte(answer)); err == nil {
				task.Ack()
			}
		case <-stop:
			fmt.Printf("%s: stopped\n", name)
			return nil
		}
	}
}

// master puts n tasks in the work queue and collects results until it holds
// a correct one for each, counting a task that came back twice once.
func master(nc *nats.Conn, js nats.JetStreamContext, n int, limit time.Duration) error {
	for i := 0; i < n; i++ {
		if _, err := js.Publish("cluster.tasks", []byte(strconv.Itoa(i))); err != nil {
			return fmt.Errorf("JetStream did not take task %d: %w", i, err)
		}
	}
	results, err := pull(js, "RESULTS", "master", "cluster.results", 5*time.Second, 64) // many at a time
	if err != nil {
		return err
	}
	counted := make([]bool, n)
	done, twice, again := 0, 0, 0
	giveUp := time.After(limit)
	for done < n {
		select {
		case m, ok := <-results:
			if !ok {
				return errors.New("the connection closed")
			}
			var task, value uint64
			var by string
			delivered := 1
			fmt.Sscan(string(m.Data), &task, &value, &by, &delivered)
			m.Ack()
			switch {
			case task >= uint64(n) || value != result(task):
				return fmt.Errorf("wrong result from %s: %s", by, m.Data)
			case counted[task]:
				twice++ // a redelivered task's second result
			default:
				counted[task] = true
				if delivered > 1 {
					again++
				}
				if done++; done%50 == 0 {
					fmt.Printf("master: %d/%d results\n", done, n)
				}
			}
		case <-giveUp:
			return fmt.Errorf("%d of %d tasks lost: no result within %v", n-done, n, limit)
		}
	}
	nc.Publish("cluster.stop", nil)
	nc.Flush()
	fmt.Printf("master: %d tasks were delivered more than once; %d results came twice and were counted once\n", again, twice)
	fmt.Printf("master: %d tasks done, each counted once\n", n)
	return nil
}

// book:end

// connect connects as the C++ program does, and makes sure both streams exist.
func connect(url, token string) (*nats.Conn, nats.JetStreamContext, error) {
	if !strings.HasPrefix(url, "nats://") {
		return nil, nil, fmt.Errorf("'%s' is not a NATS URL (nats://host:port)", url)
	}
	nc, err := nats.Connect(url, nats.Token(token), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond),
		nats.Timeout(2*time.Second))
	if errors.Is(err, nats.ErrNoServers) {
		return nil, nil, fmt.Errorf("no NATS server answers at %s", url)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot connect to %s: %w", url, err)
	}
	js, err := nc.JetStream()
	if err == nil {
		_, err = js.AddStream(&nats.StreamConfig{Name: "TASKS", Subjects: []string{"cluster.tasks"},
			Retention: nats.WorkQueuePolicy, Storage: nats.FileStorage})
	}
	if err == nil {
		_, err = js.AddStream(&nats.StreamConfig{Name: "RESULTS", Subjects: []string{"cluster.results"},
			Retention: nats.LimitsPolicy, Storage: nats.FileStorage})
	}
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("cannot make the streams: %w", err)
	}
	return nc, js, nil
}

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "worker" && os.Args[1] != "master") {
		fmt.Fprintln(os.Stderr, "31_cluster: say worker or master (the demo is the C++ program's)")
		os.Exit(2)
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	url := flags.String("nats", "", "the server, nats://host:port")
	token := flags.String("token", os.Getenv("NATS_TOKEN"), "the server's token (default: $NATS_TOKEN)")
	name := flags.String("name", "", "this worker's name, in its results")
	subject := flags.String("subject", "cluster.tasks", "the subject the tasks are on")
	work := flags.Duration("work", 5*time.Millisecond, "how long each task takes")
	tasks := flags.Int("tasks", 200, "how many tasks")
	limit := flags.Duration("timeout", 30*time.Second, "how long to wait for the last result")
	flags.Parse(os.Args[2:])
	if *url == "" || flags.NArg() > 0 || (os.Args[1] == "worker" && *name == "") || *tasks < 1 || *limit <= 0 {
		fmt.Fprintln(os.Stderr, "31_cluster: needs --nats (and --name for a worker); see -h")
		os.Exit(2)
	}
	nc, js, err := connect(*url, *token)
	if err == nil {
		if os.Args[1] == "worker" {
			err = worker(nc, js, *name, *subject, *work)
		} else {
			err = master(nc, js, *tasks, *limit)
		}
		nc.Close()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "31_cluster: %v\n", err)
		os.Exit(1)
	}
}
