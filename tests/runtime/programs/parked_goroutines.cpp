// SPDX-License-Identifier: MIT
// parked_goroutines: starts N goroutines that all block on one channel, and
// reports the peak resident memory they cost, per goroutine. Then it releases
// them and checks that every one finished.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <gort/gort.hpp>
#include <iostream>

namespace {

long peak_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Park N goroutines on one channel and report the memory each costs"};
  int count = 100'000;
  int maxprocs = 1;
  app.add_option("-n,--goroutines", count, "how many goroutines to park")
      ->check(CLI::Range(1, 10'000'000));
  app.add_option("-p,--maxprocs", maxprocs, "pool threads")->check(CLI::Range(1, 1024));
  CLI11_PARSE(app, argc, argv);

  return gort::run({.maxprocs = maxprocs}, [&] {
    const long before = peak_rss_kib();
    auto release = gort::make_chan<gort::signal>();
    std::atomic<int> waiting{0};
    gort::wait_group finished;
    finished.add(count);
    for (int i = 0; i < count; ++i) {
      gort::go([release, &waiting, &finished] {
        ++waiting;
        release.recv();
        finished.done();
      });
    }
    while (waiting.load() < count) gort::gosched();
    const long parked = peak_rss_kib();
    release.close();
    finished.wait();
    const double per_goroutine = static_cast<double>(parked - before) * 1024.0 / count;
    std::cout << count << " goroutines parked; peak RSS grew " << (parked - before) / 1024
              << " MiB: " << per_goroutine / 1024.0 << " KiB per goroutine\n";
  });
}
