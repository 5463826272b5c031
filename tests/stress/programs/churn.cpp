// SPDX-License-Identifier: MIT
// churn: chains of goroutines that each start their successor and end, as
// fast as they can, so that goroutines start on one thread and end on
// another all the time. The last goroutine of each chain either reports to
// main (`--end finish`: main prints how many goroutines ran) or blocks for
// ever (`--end deadlock`: once every chain has ended so, nothing can move,
// and the run must end in Go's deadlock report). churn_test runs it.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <gort/gort.hpp>
#include <iostream>
#include <string>

namespace {

struct chains {
  bool deadlock = false;
  int chains_left = 0;
  std::atomic<int> hops_run{0};
  std::atomic<int> chains_ended{0};
  gort::wait_group finished;
  gort::chan<int> never = gort::make_chan<int>();
};

// hop() is one goroutine of a chain: it starts the next one and ends.
void hop(chains& c, int left) {
  c.hops_run.fetch_add(1, std::memory_order_relaxed);
  if (left > 1) {
    gort::go(gort::named{"hop"}, [&c, left] { hop(c, left - 1); });
    return;
  }
  if (!c.deadlock) {
    c.finished.done();
    return;
  }
  if (c.chains_ended.fetch_add(1) + 1 == c.chains_left) {
    // The moment the deadlock begins, for the parent to measure from.
    std::cerr << "blocking at " << std::chrono::steady_clock::now().time_since_epoch().count()
              << std::endl;
  }
  c.never.recv();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Chains of goroutines that start their successors and end"};
  int maxprocs = 2;
  int chain_count = 8;
  int hops = 5000;
  std::string end = "finish";
  app.add_option("--maxprocs", maxprocs, "pool threads")->check(CLI::Range(1, 256));
  app.add_option("--chains", chain_count, "chains started by main")->check(CLI::Range(1, 1000));
  app.add_option("--hops", hops, "goroutines per chain")->check(CLI::Range(1, 10'000'000));
  app.add_option("--end", end, "what each chain's last goroutine does")
      ->check(CLI::IsMember({"finish", "deadlock"}));
  CLI11_PARSE(app, argc, argv);

  return gort::run({.maxprocs = maxprocs}, [&] {
    chains c;
    c.deadlock = end == "deadlock";
    c.chains_left = chain_count;
    c.finished.add(chain_count);
    for (int i = 0; i < chain_count; ++i) {
      gort::go(gort::named{"hop"}, [&c, hops] { hop(c, hops); });
    }
    if (c.deadlock) c.never.recv();  // as every chain's end does
    c.finished.wait();
    std::cout << c.hops_run.load() << " goroutines ran\n";
  });
}
