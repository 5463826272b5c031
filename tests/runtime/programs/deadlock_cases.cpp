// SPDX-License-Identifier: MIT
// deadlock_cases: small programs that must, or must not, end in Go's deadlock
// report. `deadlock_cases NAME` runs one; deadlock_test checks each one's
// exit status and stderr.
#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <gort/gort.hpp>
#include <iostream>
#include <map>
#include <thread>

// Outside the anonymous namespace: exported (-rdynamic), so dumps name it.
void f1(gort::chan<int> in) { std::cout << in.recv() << '\n'; }

namespace {

using namespace std::chrono_literals;

// blocking_now() tells the parent, on stderr, the moment the deadlock begins.
void blocking_now() {
  std::cerr << "blocking at " << std::chrono::steady_clock::now().time_since_epoch().count()
            << std::endl;
}

const std::map<std::string, std::function<void()>> cases = {
    // The course text's example: send before anyone can receive.
    {"send_before_receiver",
     [] {
       auto out = gort::make_chan<int>();
       blocking_now();
       out << 2;
       gort::go(f1, out);
     }},
    {"each_waits_for_the_other",
     [] {
       auto a = gort::make_chan<int>();
       auto b = gort::make_chan<int>();
       gort::wait_group wg;
       wg.add(2);
       gort::go(gort::named{"left"}, [&] {
         b << a.recv();
         wg.done();
       });
       gort::go(gort::named{"right"}, [&] {
         a << b.recv();
         wg.done();
       });
       blocking_now();
       wg.wait();
     }},
    {"workers_on_an_open_empty_channel",
     [] {
       auto jobs = gort::make_chan<int>();
       gort::wait_group wg;
       for (int i = 0; i < 3; ++i) {
         wg.add(1);
         gort::go(gort::named{"worker"}, [&, jobs] {
           for (int job : jobs) std::cout << job << '\n';
           wg.done();
         });
       }
       blocking_now();
       wg.wait();  // nobody closes jobs
     }},
    {"empty_select_in_main",
     [] {
       blocking_now();
       gort::select();
     }},
    {"mutex_locked_twice",
     [] {
       gort::mutex mu;
       mu.lock();
       blocking_now();
       mu.lock();
     }},
    {"send_on_nil_channel",
     [] {
       gort::chan<int> nil;
       blocking_now();
       nil << 1;
     }},
    {"unnamed_goroutine",
     [] {
       auto never = gort::make_chan<int>();
       gort::go([never] { never.recv(); });
       gort::go(f1, never);
       blocking_now();
       gort::select();
     }},
    {"deadlock_on_virtual_time", [] {}},  // run with virtual time below

    {"sleeper_then_send",
     [] {
       auto ch = gort::make_chan<int>();
       gort::go([ch] {
         gort::sleep(200ms);
         ch << 42;
       });
       std::cout << ch.recv() << '\n';
     }},
    {"select_with_after",
     [] {
       gort::select(gort::recv_case(gort::make_chan<int>()),
                    gort::recv_case(gort::after(200ms), [] { std::cout << "timeout\n"; }));
     }},
    {"active_ticker",
     [] {
       auto ticker = gort::new_ticker(20ms);
       auto done = gort::make_chan<int>();
       gort::go([ticker, done] {
         for (int i = 0; i < 5; ++i) ticker.C.recv();
         done << 5;
       });
       std::cout << done.recv() << " ticks\n";
       ticker.stop();
     }},
    {"main_returns_others_blocked",
     [] {
       gort::go([] { gort::make_chan<int>().recv(); });
       gort::go([] { gort::select(); });
       std::cout << "main done\n";
     }},
    {"plain_thread_sends_later",
     [] {
       auto ch = gort::make_chan<int>();
       std::thread([ch] {
         std::this_thread::sleep_for(200ms);
         ch << 7;
       }).detach();
       std::cout << ch.recv() << '\n';
     }},
    // For SIGQUIT: waits for a tick that never comes soon, not deadlocked.
    {"wait_for_sigquit",
     [] {
       auto never = gort::make_chan<int>();
       gort::go(gort::named{"blocked"}, [never] { never.recv(); });
       // "ready" (the cue for SIGQUIT) only once main has long been parked.
       gort::go([] {
         gort::sleep(50ms);
         std::cout << "ready" << std::endl;
       });
       gort::after(1h).recv();
     }},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Run one program that must, or must not, deadlock"};
  std::string name;
  app.add_option("case", name, "which program")->required()->check([](const std::string& n) {
    return cases.count(n) != 0 ? std::string() : "unknown case '" + n + "'";
  });
  CLI11_PARSE(app, argc, argv);
  if (name == "deadlock_on_virtual_time") {
    return gort::run({.virtual_time = true}, [] {
      gort::sleep(1h);  // virtual: over at once
      auto ch = gort::make_chan<int>();
      blocking_now();
      ch.recv();
    });
  }
  return gort::run(cases.at(name));
}
