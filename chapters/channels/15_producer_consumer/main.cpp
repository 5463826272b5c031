// SPDX-License-Identifier: MIT
// 15 producer_consumer: Produce() returns a channel that a goroutine fills
// with values, and Consume() drains it: Consume(Produce()). Watch for: the
// producer and the consumer run in different goroutines and meet at every
// value; the producer closes the channel when done, and the round ends.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>

// book:begin
// Produce starts a goroutine that sends count values, then closes the channel.
// Value r0i is item i of round r, so the output shows where each came from.
gort::recv_chan<int> Produce(int round, int count) {
  auto ch = gort::make_chan<int>();
  gort::go([ch, round, count] {
    for (int i = 1; i <= count; ++i) ch << round * 100 + i;
    ch.close();  // tells Consume that this round has no more values
  });
  return ch;
}

// Consume takes values until the channel is closed and reports what it got.
void Consume(gort::recv_chan<int> ch) {
  int total = 0;
  for (int v : ch) {
    std::cout << "consumed " << v << '\n';
    total += v;
  }
  std::cout << "total " << total << '\n';
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"15 producer_consumer: Consume(Produce())"};
  int rounds = 3;
  int count = 4;
  app.add_option("--rounds", rounds, "how many times main runs Consume(Produce())")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--count", count, "how many values Produce makes each round")
      ->capture_default_str()
      ->check(CLI::Range(0, 99));
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    // The course's endless `for { Consume(Produce()) }`, bounded by --rounds.
    for (int round = 1; round <= rounds; ++round) {
      Consume(Produce(round, count));
    }
  });
}
// book:end
