// SPDX-License-Identifier: MIT
// 22 ticker: a select loop takes jobs from a work channel, logs its state on
// every tick of a time.Ticker, and naps in default when nothing is ready.
// Watch for: the ticks keep their steady pace while jobs and naps come in
// between, and the ticker is stopped however main returns.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <gort/gort.hpp>
#include <string>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
// produce sends a numbered job on jobs every period, forever; main leaves it
// behind when it returns.
void produce(gort::send_chan<int> jobs, std::chrono::nanoseconds period) {
  for (int job = 1;; ++job) {
    gort::sleep(period);
    jobs << job;
  }
}

// stop_on_exit stops a ticker when it goes out of scope. C++ has no defer: this
// destructor does the work of Go's `defer ticker.Stop()`.
struct stop_on_exit {
  gort::ticker& ticker;
  ~stop_on_exit() { ticker.stop(); }
};

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"22 ticker: a select loop with a ticker, a work channel and default"};
  // An interval of 0 or less makes new_ticker panic, and a nap of 0 or less
  // would spin: gort has no preemption, so the loop would never give up its thread.
  std::chrono::nanoseconds interval = 100ms;
  std::chrono::nanoseconds work = 30ms;
  std::chrono::nanoseconds idle = 10ms;
  std::chrono::nanoseconds duration = 1s;
  workbook::add_duration(app, "--interval", interval, "how often the ticker ticks")
      ->default_str("100ms")
      ->check(workbook::positive_duration);
  workbook::add_duration(app, "--work", work, "how often a job arrives on the work channel")
      ->default_str("30ms");
  workbook::add_duration(app, "--idle", idle, "how long default naps when nothing is ready")
      ->default_str("10ms")
      ->check(workbook::positive_duration);
  workbook::add_duration(app, "--duration", duration, "how long the select loop runs")
      ->default_str("1s");
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    gort::ticker ticker = gort::new_ticker(interval);
    const stop_on_exit stop{ticker};  // stops the ticker on every way out of main

    auto jobs = gort::make_chan<int>();
    gort::go(gort::named{"produce"}, produce, jobs, work);

    int ticks = 0, done = 0, naps = 0;
    for (const auto start = gort::now(); gort::now() - start < duration;) {
      gort::select(
          gort::recv_case(jobs, [&] { ++done; }),
          gort::recv_case(ticker.C,
                          [&] {
                            ++ticks;  // a tick missed while we napped is dropped, not queued
                            std::printf("tick %d: %d jobs done, %d naps\n", ticks, done, naps);
                          }),
          gort::default_case([&] {  // nothing is ready: nap rather than spin
            ++naps;
            gort::sleep(idle);
          }));
    }
    std::printf("stopped: %d ticks, %d jobs, %d naps\n", ticks, done, naps);
  });
}
// book:end
