// SPDX-License-Identifier: MIT
// 24 boom: time.Tick ticks every --tick, time.After fires once after --boom,
// and default naps for --nap when neither is ready. Watch for: a few "    ."
// lines between the "tick." lines, then "BOOM!" ends the loop and the program.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <gort/gort.hpp>
#include <string>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
int main(int argc, char** argv) {
  // book:end
  CLI::App app{"24 boom: tick. and BOOM! with tick, after and default"};
  // A nap of 0 or less would spin: gort has no preemption, so the loop would
  // never give up its thread, and on one thread the timers could never fire.
  std::chrono::nanoseconds tickEvery = 100ms;
  std::chrono::nanoseconds boomAfter = 500ms;
  std::chrono::nanoseconds nap = 50ms;
  workbook::add_duration(app, "--tick", tickEvery, "how often tick. is printed")
      ->default_str("100ms");
  workbook::add_duration(app, "--boom", boomAfter, "when BOOM! ends the program")
      ->default_str("500ms");
  workbook::add_duration(app, "--nap", nap, "how long default naps when nothing is ready")
      ->default_str("50ms")
      ->check(workbook::positive_duration);
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto tick = gort::tick(tickEvery);   // sends again and again
    auto boom = gort::after(boomAfter);  // sends once
    for (bool boomed = false; !boomed;) {
      gort::select(gort::recv_case(tick, [] { std::puts("tick."); }),
                   gort::recv_case(boom,
                                   [&] {
                                     std::puts("BOOM!");
                                     boomed = true;  // ends the loop, and main with it
                                   }),
                   gort::default_case([&] {  // neither is ready yet
                     std::puts("    .");
                     gort::sleep(nap);
                   }));
    }
  });
}
// book:end
