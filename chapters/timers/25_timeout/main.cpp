// SPDX-License-Identifier: MIT
// 25 timeout: a call that gives up after --timeout, by racing its reply against
// time.After in a select. Watch for: the fast call replies in time, the slow
// one times out, and the slow worker still ends, because its reply channel has
// room for one value.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <gort/gort.hpp>
#include <string>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
// service is a fake RPC service that takes d to answer.
std::string service(const std::string& name, std::chrono::nanoseconds d) {
  gort::sleep(d);
  return name + " reply";
}

// callWithTimeout calls service in a goroutine and waits at most timeout for the reply.
void callWithTimeout(const std::string& name, std::chrono::nanoseconds took,
                     std::chrono::nanoseconds timeout, gort::wait_group* workers) {
  // Capacity 1: a reply that comes after the timeout waits in the buffer, so
  // the worker's send never blocks and the worker ends. Unbuffered, it would
  // block forever on a send that nobody receives: a leaked goroutine.
  auto ch = gort::make_chan<std::string>(1);
  workers->add(1);
  gort::go([ch, name, took, workers] {
    ch << service(name, took);
    workers->done();
  });
  gort::select(gort::recv_case(ch,
                               [&](const std::string& resp) {
                                 std::printf("%s call: got \"%s\" in time\n", name.c_str(),
                                             resp.c_str());
                               }),
               gort::recv_case(gort::after(timeout),
                               [&] { std::printf("%s call: timed out\n", name.c_str()); }));
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"25 timeout: a call with a timeout via after"};
  std::chrono::nanoseconds timeout = 100ms;
  std::chrono::nanoseconds fast = 10ms;
  std::chrono::nanoseconds slow = 300ms;
  workbook::add_duration(app, "--timeout", timeout, "how long a caller waits for a reply")
      ->default_str("100ms");
  workbook::add_duration(app, "--fast", fast, "how long the fast call takes")->default_str("10ms");
  workbook::add_duration(app, "--slow", slow, "how long the slow call takes")->default_str("300ms");
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    gort::wait_group workers;
    callWithTimeout("fast", fast, timeout, &workers);
    callWithTimeout("slow", slow, timeout, &workers);
    workers.wait();  // returns because the late worker left its reply in the buffer
    std::printf("both workers have ended: none is stuck on its send\n");
  });
}
// book:end
