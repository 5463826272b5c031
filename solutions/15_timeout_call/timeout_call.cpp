// SPDX-License-Identifier: MIT
#include "timeout_call.hpp"

namespace exercise {

std::optional<int> call_with_timeout(std::function<int()> f, gort::clock::duration timeout) {
  // Capacity 1: after a timeout nobody will ever receive the result; on an
  // unbuffered channel the goroutine would block on its send forever (a leak).
  // With room for one value its send completes, and the goroutine ends.
  auto result = gort::make_chan<int>(1);
  gort::go([result, f = std::move(f)] { result << f(); });
  std::optional<int> answer;  // stays nullopt if the timer's case wins
  gort::select(gort::recv_case(result, [&answer](int v) { answer = v; }),
               gort::recv_case(gort::after(timeout)));
  return answer;
}

}  // namespace exercise
