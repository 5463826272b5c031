// SPDX-License-Identifier: MIT
// Compiled once as a control (it must compile) and once per GORT_MISUSE value
// (each must fail): the wrong direction of a channel is a compile error.
#include <gort/gort.hpp>

void use(gort::send_chan<int> out, gort::recv_chan<int> in) {
  out << 1;
  out.close();
  static_cast<void>(in.recv());
  for (int v : in) static_cast<void>(v);
#if GORT_MISUSE == 1
  in.close();  // close on a receive-only channel
#elif GORT_MISUSE == 2
  in.send(1);  // send on a receive-only channel
#elif GORT_MISUSE == 3
  static_cast<void>(out.recv());  // receive on a send-only channel
#elif GORT_MISUSE == 4
  for (int v : out) static_cast<void>(v);  // range over a send-only channel
#elif GORT_MISUSE == 5
  in << 1;  // send on a receive-only channel
#elif GORT_MISUSE == 6
  gort::chan<int> back = in;  // a direction cannot be widened again
#endif
}
