// SPDX-License-Identifier: MIT
// Exercise 16: rate limiter — Go by Example's bursty limiter: a buffered
// channel of tokens that a ticker refills.
#pragma once

#include <gort/gort.hpp>
#include <vector>

namespace exercise {

// limit allows `rate` requests per `per` on average, and up to `burst` at once.
struct limit {
  int rate = 1;                 // at least 1
  gort::clock::duration per{};  // positive, and at least `rate` nanoseconds
  int burst = 1;                // at least 1
};

// served records that request `request` was served at time `at`.
struct served {
  int request;
  gort::clock::time_point at;

  friend bool operator==(const served&, const served&) = default;
};

// serve_limited() serves the requests received from `requests`, in order, until
// the channel is closed, and returns when each was served (gort::now() then).
// It keeps a bucket of tokens, full (`burst` tokens) at the call, and adds one
// every per / rate while the bucket has room; each request takes a token,
// waiting while there is none. Before returning it stops every goroutine and
// ticker it started.
std::vector<served> serve_limited(gort::recv_chan<int> requests, limit l);

}  // namespace exercise
