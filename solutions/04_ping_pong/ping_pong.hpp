// SPDX-License-Identifier: MIT
// Exercise 04: ping pong — two goroutines pass a ball back and forth on
// channels, in strict alternation.
#pragma once

#include <functional>
#include <string_view>

namespace exercise {

// ping_pong() plays `rounds` rounds (rounds >= 0) between two goroutines that
// it starts, the players "ping" and "pong". Only the player holding the ball
// may hit it: it calls hit("ping") or hit("pong"), then passes the ball to
// the other player on a channel. Ping hits first, so the hits go ping, pong,
// ping, pong, …, 2 * rounds in all, one at a time. Returns after the last hit,
// and no player goroutine outlives the game.
void ping_pong(int rounds, const std::function<void(std::string_view player)>& hit);

}  // namespace exercise
