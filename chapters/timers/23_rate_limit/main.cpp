// SPDX-License-Identifier: MIT
// 23 rate_limit: requests are taken off a channel and each one waits for the
// next tick of time.Tick before it calls a fake RPC service, so at most --rate
// calls reach the service in any second. Watch for: the arrival times step by
// 1/rate seconds however fast the requests come in.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <gort/gort.hpp>
#include <mutex>
#include <vector>

using namespace std::chrono_literals;

// book:begin
// seconds() is Go's Duration.Seconds().
double seconds(gort::clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Service is a fake RPC service: Method only notes when each call arrives.
struct Service {
  gort::mutex mu;  // guards arrivals and the output
  gort::clock::time_point start;
  std::vector<gort::clock::time_point> arrivals;

  // Method handles one call; calls run in their own goroutines, hence the lock.
  void Method(int req) {
    const std::lock_guard lock(mu);
    const auto at = gort::now();
    arrivals.push_back(at);
    std::printf("call %3d arrives at %6.3fs\n", req, seconds(at - start));
  }
};

// busiestWindow returns the most calls that arrived within one second of each
// other: rate, or rate+1 when a late tick opens the window and an on-time tick
// closes it.
std::size_t busiestWindow(std::vector<gort::clock::time_point> arrivals) {
  std::sort(arrivals.begin(), arrivals.end());
  std::size_t best = 0, first = 0;
  for (std::size_t last = 0; last < arrivals.size(); ++last) {
    while (arrivals[last] - arrivals[first] >= 1s) ++first;
    best = std::max(best, last - first + 1);
  }
  return best;
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"23 rate_limit: time.Tick limits calls of a service to N per second"};
  int rate = 10;
  int count = 25;
  app.add_option("--rate", rate, "calls allowed per second")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--requests", count, "how many requests come in")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto requests = gort::make_chan<int>();
    gort::go([requests, count] {  // all the requests are there at once, far faster than the rate
      for (int req = 1; req <= count; ++req) requests << req;
      requests.close();
    });

    Service service;
    service.start = gort::now();
    gort::wait_group calls;
    auto chRate = gort::tick(std::chrono::nanoseconds(1s) / rate);  // a tick every 1/rate seconds
    for (int req : requests) {
      chRate.recv();  // rate limit: no call before the next tick
      calls.add(1);
      gort::go(
          [&service, &calls](int r) {
            service.Method(r);
            calls.done();
          },
          req);
    }
    calls.wait();
    const auto total = gort::now() - service.start;

    std::printf("busiest 1s window: %zu calls (rate %d per second)\n",
                busiestWindow(service.arrivals), rate);
    std::printf("total time: %.3fs\n", seconds(total));
  });
}
// book:end
