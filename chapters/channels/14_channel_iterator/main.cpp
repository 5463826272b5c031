// SPDX-License-Identifier: MIT
// 14 channel_iterator: a container's Iter() returns a receive-only channel fed
// by a goroutine that walks the items, so callers range over the container as
// over any channel. Watch for: the goroutine closes the channel after the last
// item; that is what ends the range loop.
#include <CLI/CLI.hpp>
#include <gort/gort.hpp>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

// book:begin
using item = std::string;

class container {
 public:
  explicit container(std::vector<item> items) : items_(std::move(items)) {}

  std::size_t Len() const { return items_.size(); }

  // Iter hands out the items one at a time on a channel the caller can only
  // receive from. The goroutine reads *this, so the container must outlive the
  // loop: Go's garbage collector keeps it alive, here the caller's scope must.
  gort::recv_chan<item> Iter() const {
    auto ch = gort::make_chan<item>();
    gort::go([this, ch] {
      for (std::size_t i = 0; i < Len(); ++i) {  // for a tree, a depth-first walk instead
        ch << items_[i];
      }
      ch.close();  // no more items: the caller's range loop ends
    });
    return ch;
  }

 private:
  std::vector<item> items_;
};

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"14 channel_iterator: range over a container through a channel"};
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([] {
    const container planets({"Mercury", "Venus", "Earth", "Mars", "Jupiter"});
    for (const item& x : planets.Iter()) {
      std::cout << x << '\n';
    }
  });
}
// book:end
