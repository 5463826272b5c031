// SPDX-License-Identifier: MIT
#include "ping_pong.hpp"

#include <gort/gort.hpp>

#include "todo.hpp"

namespace exercise {

void ping_pong(int rounds, const std::function<void(std::string_view player)>& hit) {
  // TODO(exercise): make one channel towards each player and start two player
  // goroutines. A player waits for the ball, calls hit() with its name, and
  // passes the ball to the other, `rounds` times. Serve the first ball to ping,
  // make sure the very last ball is not passed to a player who will never
  // take it, and wait until both players are done.
  workbook::todo("ping_pong");
}

}  // namespace exercise
