// SPDX-License-Identifier: MIT
// 21 backend_service: a backend goroutine owns a counter and serves it in a
// select loop over three channels: add, get and stop. Watch for: only the
// backend touches the counter, so it needs no lock; get and stop carry a
// reply channel, a channel sent over a channel, for the answer.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
// backend serves the counter until a request arrives on stop; it answers a
// get with the total, and a stop with how many commands it served.
void backend(gort::recv_chan<int> add, gort::recv_chan<gort::send_chan<int>> get,
             gort::recv_chan<gort::send_chan<int>> stop) {
  int total = 0;
  // served counts the commands before this one; a handler cannot return
  // from backend, so the stop case ends the loop.
  bool running = true;
  for (int served = 0; running; ++served) {
    gort::select(gort::recv_case(add, [&](int n) { total += n; }),
                 gort::recv_case(get, [&](gort::send_chan<int> reply) { reply << total; }),
                 gort::recv_case(stop, [&](gort::send_chan<int> reply) {
                   reply << served;
                   running = false;
                 }));
  }
}

// ask sends a fresh reply channel on requests and waits for the answer on it.
int ask(gort::send_chan<gort::send_chan<int>> requests) {
  auto reply = gort::make_chan<int>();
  requests << reply;
  return reply.recv();
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"21 backend_service: a server goroutine's select loop over commands and stop"};
  int count = 5;
  app.add_option("--count", count, "how many numbers the client adds (1, 2, ..., count)")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto add = gort::make_chan<int>();
    auto get = gort::make_chan<gort::send_chan<int>>();
    auto stop = gort::make_chan<gort::send_chan<int>>();
    gort::go(backend, add, get, stop);

    // The client: each command is a rendezvous with the backend, so the
    // replies come in the order the commands were sent.
    for (int i = 1; i <= count; ++i) {
      add << i;
      std::cout << "add " << i << ": total " << ask(get) << '\n';
    }
    std::cout << "stop: the backend served " << ask(stop) << " commands\n";
  });
}
// book:end
