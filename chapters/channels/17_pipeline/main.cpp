// SPDX-License-Identifier: MIT
// 17 pipeline: processChannel is one stage of a pipeline: it ranges over an
// input channel of ints and sends a string for each on an output channel.
// Watch for: the directions in its signature say which end it holds; closing
// the input ends its loop, and it closes its output so the next stage ends too.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>
#include <string>

// book:begin
// generate feeds the pipeline: the numbers 1..count, then close.
void generate(gort::send_chan<int> out, int count) {
  for (int i = 1; i <= count; ++i) out << i;
  out.close();
}

// processChannel turns each number into a bar of that many stars.
void processChannel(gort::recv_chan<int> in, gort::send_chan<std::string> out) {
  for (int inValue : in) {
    std::string result =
        std::to_string(inValue) + " " + std::string(static_cast<std::size_t>(inValue), '*');
    out << result;
  }
  out.close();  // in was closed and drained: nothing more will come out
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"17 pipeline: a stage that reads <-chan int and writes chan<- string"};
  int count = 5;
  app.add_option("--count", count, "how many numbers go through the pipeline")
      ->capture_default_str()
      ->check(CLI::Range(0, 80));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    auto sendChan = gort::make_chan<int>();
    auto receiveChan = gort::make_chan<std::string>();
    gort::go(generate, sendChan, count);
    gort::go(processChannel, sendChan, receiveChan);
    for (const std::string& s : receiveChan) {  // ends when processChannel closes it
      std::cout << s << '\n';
    }
  });
}
// book:end
