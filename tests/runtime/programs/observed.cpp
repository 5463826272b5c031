// SPDX-License-Identifier: MIT
// observed: small programs run under GORT_TRACE or GORT_SCHEDTRACE by
// trace_test, which checks the trace file or the schedtrace lines they leave.
// `observed NAME` runs one.
#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <gort/gort.hpp>
#include <iostream>
#include <map>

// Outside the anonymous namespace: an exported function, so the trace can name it.
void pump(gort::chan<int> ch) {
  for (int i = 0;; ++i) ch << i;
}

namespace {

using namespace std::chrono_literals;

const std::map<std::string, std::function<void()>> cases = {
    // The course's 07: main returns while pump is blocked on a send.
    {"blocked_at_exit",
     [] {
       auto ch = gort::make_chan<int>();
       gort::go(pump, ch);
       std::cout << ch.recv() << '\n';
     }},
    // A goroutine panics after a hand-off: the trace must still be complete.
    {"panics",
     [] {
       auto ch = gort::make_chan<int>();
       gort::go(gort::named{"panicker"}, [ch] {
         ch << 1;
         gort::panic("on purpose");
       });
       std::cout << ch.recv() << '\n';
       gort::sleep(10s);
     }},
    // Ten goroutines blocked on a channel nobody sends on, main asleep: every
    // schedtrace line in between shows 11 goroutines, all blocked.
    {"sleeping_crowd",
     [] {
       auto never = gort::make_chan<int>();
       for (int i = 0; i < 10; ++i) gort::go([never] { never.recv(); });
       gort::sleep(300ms);
       std::cout << "done\n";
     }},
    {"deadlock",
     [] {
       auto never = gort::make_chan<int>();
       never.recv();
     }},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"programs for the trace and schedtrace tests"};
  std::string name;
  app.add_option("name", name, "which program")->required()->check([](const std::string& n) {
    return cases.count(n) != 0 ? "" : "no such program: " + n;
  });
  CLI11_PARSE(app, argc, argv);
  return gort::run(cases.at(name));
}
