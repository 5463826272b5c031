// SPDX-License-Identifier: MIT
#include "rate_limiter.hpp"

#include "todo.hpp"

namespace exercise {

std::vector<served> serve_limited(gort::recv_chan<int> requests, limit l) {
  // TODO(exercise): make the bucket, a channel of l.burst tokens, and fill it.
  // Start a goroutine that adds a token on every tick of a ticker with period
  // l.per / l.rate, dropping the token when the bucket is full, until you tell
  // it to stop. Then, for each request, take a token and record gort::now().
  // Once `requests` is closed, stop the goroutine (and its ticker) and return.
  workbook::todo("serve_limited");
}

}  // namespace exercise
