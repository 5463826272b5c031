// SPDX-License-Identifier: MIT
#include "ping_pong.hpp"

#include <gort/gort.hpp>
#include <string>

namespace exercise {
namespace {

// player() hits `rounds` times: it waits for the ball on `from`, hits, and
// passes the ball on `to`. The ball counts the hits of the whole game.
void player(std::string name, int rounds, gort::recv_chan<int> from, gort::send_chan<int> to,
            const std::function<void(std::string_view)>& hit, gort::send_chan<gort::signal> done) {
  for (int round = 0; round < rounds; ++round) {
    // Holding the ball is the right to hit: the other player is blocked on
    // its own receive until we pass it, so hits never overlap.
    int hits = from.recv();
    hit(name);
    // The last hit of the game keeps the ball: the other player has finished
    // its rounds, and a send nobody receives would block this one forever.
    if (++hits < 2 * rounds) to << hits;
  }
  done << gort::signal{};
}

}  // namespace

void ping_pong(int rounds, const std::function<void(std::string_view player)>& hit) {
  // Unbuffered: passing the ball is a handoff, done only when the other takes it.
  auto to_ping = gort::make_chan<int>();
  auto to_pong = gort::make_chan<int>();
  // Room for both signals, so a player that is done never waits for main.
  auto done = gort::make_chan<gort::signal>(2);
  gort::go(player, "ping", rounds, to_ping, to_pong, hit, done);
  gort::go(player, "pong", rounds, to_pong, to_ping, hit, done);
  // Serve: ping may hit first. With no rounds there is no one to take the ball.
  if (rounds > 0) to_ping << 0;
  done.recv();
  done.recv();
}

}  // namespace exercise
