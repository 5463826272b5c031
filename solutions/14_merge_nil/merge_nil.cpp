// SPDX-License-Identifier: MIT
#include "merge_nil.hpp"

namespace exercise {

void merge(gort::recv_chan<int> a, gort::recv_chan<int> b, gort::send_chan<int> out,
           std::function<void()> saw_close) {
  // forward_from(in) is the handler of in's case. A closed channel is always
  // ready, so a closed input left in the select would be chosen again and
  // again, a busy loop; the nil channel is never ready, so setting the handle
  // to nil takes its case out of the select.
  auto forward_from = [&out, &saw_close](gort::recv_chan<int>& in) {
    return [&out, &saw_close, &in](int v, bool ok) {
      if (ok) {
        out << v;
        return;
      }
      saw_close();
      in = {};
    };
  };
  // A nil handle converts to false: loop while either input may still deliver.
  while (a || b) {
    gort::select(gort::recv_case(a, forward_from(a)), gort::recv_case(b, forward_from(b)));
  }
  out.close();  // both inputs are done: now, and only now, there is no more
}

}  // namespace exercise
