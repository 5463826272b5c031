// SPDX-License-Identifier: MIT
// 06 send_data: sendData sends five city names over a channel and getData
// prints each one it receives. Watch for: main does not wait for them, it
// only sleeps (--wait); the two goroutines hand over each name in a
// rendezvous, so the names come out in the order they were sent.
#include <chrono>
#include <gort/gort.hpp>
#include <iostream>
#include <string>

#include "go_flags.hpp"

using namespace std::chrono_literals;

// book:begin
void sendData(gort::chan<std::string> ch) {
  ch << "Washington";
  ch << "Tripoli";
  ch << "London";
  ch << "Beijing";
  ch << "Tokyo";
}

void getData(gort::chan<std::string> ch) {
  for (;;) {
    std::string input = ch.recv();  // blocks until sendData sends
    std::cout << input << ' ';
  }
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"06 send_data: two goroutines talk over a channel"};
  std::chrono::nanoseconds wait = 1s;
  workbook::add_duration(app, "--wait", wait, "how long main sleeps before the program ends")
      ->default_str("1s");
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto ch = gort::make_chan<std::string>();
    gort::go(sendData, ch);
    gort::go(getData, ch);
    gort::sleep(wait);  // when main returns, the program ends: getData with it
  });
}
// book:end
