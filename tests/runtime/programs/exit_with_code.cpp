// SPDX-License-Identifier: MIT
// gort::exit(3) from a goroutine ends the process with 3 and flushed output.
#include <gort/gort.hpp>
#include <iostream>

int main() {
  return gort::run([] {
    std::cout << "before exit";
    gort::go([] { gort::exit(3); });
    gort::make_chan<int>().recv();
  });
}
