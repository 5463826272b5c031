// SPDX-License-Identifier: MIT
#include "prime_sieve.hpp"

#include "todo.hpp"

namespace exercise {

void generate(gort::send_chan<int> out, gort::recv_chan<gort::signal> done) {
  // TODO(exercise): for i = 2, 3, 4, ... wait until either out takes i or done
  // is closed (a select with two cases); on done, close out and return.
  workbook::todo("generate");
}

void filter(gort::recv_chan<int> in, gort::send_chan<int> out, int prime) {
  // TODO(exercise): range over in, sending on out each value that prime does
  // not divide; when the range ends, close out.
  workbook::todo("filter");
}

std::vector<int> first_primes(int n) {
  // TODO(exercise): start generate, then n times: receive a prime from the head
  // of the chain and start a filter for it, whose output is the new head.
  // Then shut the chain down: close done, and receive from the head until it
  // closes.
  workbook::todo("first_primes");
}

}  // namespace exercise
