// SPDX-License-Identifier: MIT
#include "tree_walk.hpp"

namespace exercise {

namespace {

// send_in_order() is walk() without the close: every level of the recursion
// sends, but only the outermost call may close the channel.
void send_in_order(const tree* t, const gort::send_chan<int>& out) {
  if (t == nullptr) return;
  send_in_order(t->left.get(), out);
  out << t->value;
  send_in_order(t->right.get(), out);
}

// drain() receives and drops values until in is closed: the sender blocked on
// its next send can go on, finish and end.
void drain(const gort::recv_chan<int>& in) {
  while (in.recv_ok().ok) {
  }
}

}  // namespace

void walk(const tree* t, gort::send_chan<int> out) {
  send_in_order(t, out);
  // The sender closes, once: it is what tells a receiver's range loop (or
  // recv_ok) that no value is left, so an empty tree still closes.
  out.close();
}

bool same(const tree* a, const tree* b) {
  // Unbuffered: each walker runs only as far ahead as the comparison.
  auto from_a = gort::make_chan<int>();
  auto from_b = gort::make_chan<int>();
  gort::go(walk, a, from_a);
  gort::go(walk, b, from_b);
  for (;;) {
    // recv_ok, not recv: a closed channel gives 0, and 0 may be a real value.
    const auto [x, more_a] = from_a.recv_ok();
    const auto [y, more_b] = from_b.recv_ok();
    if (more_a != more_b || x != y) {
      // Stop comparing, but let both walkers run to their close: returning now
      // would leave them blocked forever on a send nobody receives (a leak).
      drain(from_a);
      drain(from_b);
      return false;
    }
    if (!more_a) return true;  // both closed after the same values
  }
}

}  // namespace exercise
