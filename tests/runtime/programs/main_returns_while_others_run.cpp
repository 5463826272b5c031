// SPDX-License-Identifier: MIT
// Go's exit rule: main returns while one goroutine spins and one is blocked
// forever; the process must end with status 0 and all of main's output.
#include <gort/gort.hpp>
#include <iostream>

int main() {
  return gort::run([] {
    gort::go([] {
      for (;;) {
      }
    });
    gort::go([] { gort::make_chan<int>().recv(); });
    std::cout << "main done";  // no newline: the exit must flush it
  });
}
