// SPDX-License-Identifier: MIT
// Exercise 10: prime sieve — the concurrent sieve of Eratosthenes: a goroutine
// counting up, and a chain of filter goroutines, one for each prime found.
#pragma once

#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// generate() sends 2, 3, 4, ... on out until done is closed; then it closes
// out and returns, whether or not anyone is receiving.
void generate(gort::send_chan<int> out, gort::recv_chan<gort::signal> done);

// filter() forwards to out, in order, every value received from in that prime
// does not divide; once in is closed and drained, it closes out.
void filter(gort::recv_chan<int> in, gort::send_chan<int> out, int prime);

// first_primes() returns the first n primes (none if n <= 0), found by a
// generate goroutine feeding a chain of filter goroutines, one added for each
// prime found. Before returning it shuts the chain down: none of its
// goroutines is left.
std::vector<int> first_primes(int n);

}  // namespace exercise
