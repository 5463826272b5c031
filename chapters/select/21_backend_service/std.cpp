// SPDX-License-Identifier: MIT
// 21 backend_service, with the C++ standard library only: the backend is a
// std::jthread, the stop channel is its std::stop_token, and each reply
// channel a std::promise. Watch for: a thread waits on one condition variable
// at a time, so the add and get channels of main.cpp become one queue written
// by hand (a channel is such a queue inside), and only the stop token can be
// waited on beside it; select would take any number of channels and a timer.
#include <CLI/CLI.hpp>
#include <condition_variable>
#include <deque>
#include <future>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

// book:begin
// request is one command for the backend: an add of a number, or, with a
// reply, a get of the total.
struct request {
  int add = 0;
  std::promise<int>* reply = nullptr;
};

// mailbox is the queue from the client to the backend.
struct mailbox {
  std::mutex mu;
  std::condition_variable_any ready;
  std::deque<request> requests;  // guarded by mu

  void send(request r) {
    {
      const std::lock_guard lock(mu);
      requests.push_back(r);
    }
    ready.notify_one();
  }
};

// backend serves the counter until a stop is requested, and counts in served
// the commands it served.
void backend(std::stop_token stop, mailbox& box, int& served) {
  int total = 0;
  std::unique_lock lock(box.mu);
  // wait() returns false once a stop is requested and nothing is queued: the
  // one other event a condition_variable_any can wait for.
  while (box.ready.wait(lock, stop, [&] { return !box.requests.empty(); })) {
    const request r = box.requests.front();
    box.requests.pop_front();
    if (r.reply != nullptr) {
      r.reply->set_value(total);
    } else {
      total += r.add;
    }
    ++served;
  }
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{
      "21 backend_service on std::jthread and std::stop_token: the standard library's twin"};
  int count = 5;
  app.add_option("--count", count, "how many numbers the client adds (1, 2, ..., count)")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  mailbox box;
  int served = 0;
  std::jthread server(backend, std::ref(box), std::ref(served));  // passes its stop_token first

  for (int i = 1; i <= count; ++i) {
    box.send({.add = i});
    std::promise<int> total;
    box.send({.reply = &total});
    std::cout << "add " << i << ": total " << total.get_future().get() << '\n';
  }
  server.request_stop();  // what closing a quit channel does, for one thread
  server.join();          // served is the backend's until it has ended
  std::cout << "stop: the backend served " << served << " commands\n";
}
// book:end
