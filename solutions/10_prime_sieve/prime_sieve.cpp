// SPDX-License-Identifier: MIT
#include "prime_sieve.hpp"

namespace exercise {

void generate(gort::send_chan<int> out, gort::recv_chan<gort::signal> done) {
  for (int i = 2;; ++i) {
    // A plain send would block forever once nobody receives: wait for the
    // receiver or for done, whichever comes first.
    if (gort::select(gort::send_case(out, i), gort::recv_case(done)) == 1) break;
  }
  // The shutdown travels down the chain as closes: each filter's range ends.
  out.close();
}

void filter(gort::recv_chan<int> in, gort::send_chan<int> out, int prime) {
  for (int candidate : in) {
    if (candidate % prime != 0) out << candidate;
  }
  out.close();  // in was closed: tell the next filter (or the collector) the same
}

std::vector<int> first_primes(int n) {
  std::vector<int> primes;
  auto done = gort::make_chan<gort::signal>();
  auto numbers = gort::make_chan<int>();
  gort::go(generate, numbers, done);
  gort::recv_chan<int> head = numbers;
  for (int found = 0; found < n; ++found) {
    // The first number through every filter so far is divisible by no smaller
    // prime: it is the next prime.
    const int prime = head.recv();
    primes.push_back(prime);
    auto next = gort::make_chan<int>();
    gort::go(filter, head, next, prime);
    head = next;
  }
  // Shut down from the source: done stops generate, its close ends each
  // filter in turn. Receive meanwhile, so no filter stays blocked sending to us.
  done.close();
  while (head.recv_ok().ok) {
  }
  return primes;
}

}  // namespace exercise
