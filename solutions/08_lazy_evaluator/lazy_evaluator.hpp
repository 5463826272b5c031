// SPDX-License-Identifier: MIT
// Exercise 08: the course's generic lazy evaluator — a goroutine computes a
// sequence from a state, one value ahead of whoever asks for it.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <memory>
#include <type_traits>
#include <utility>

namespace exercise {

// lazy_value_t is the type of the values an eval yields: eval(state) returns
// std::pair{value, next_state}.
template <class Eval, class State>
using lazy_value_t = typename std::invoke_result_t<Eval&, State>::first_type;

// build_lazy_evaluator() returns a function that yields, one per call, the
// values of eval(init), of eval(the state that returned), and so on. A
// goroutine that it starts computes them one value ahead: once a value is
// taken it computes the next, then waits until that one is asked for. Every
// evaluator has its own goroutine and state. When the last copy of the
// returned function is destroyed, the goroutine ends.
template <class Eval, class State>
std::function<lazy_value_t<Eval, State>()> build_lazy_evaluator(Eval eval, State init) {
  using value_type = lazy_value_t<Eval, State>;
  // Unbuffered: the goroutine hands over one value and computes the next
  // only when it is taken.
  auto values = gort::make_chan<value_type>();
  auto quit = gort::make_chan<gort::signal>();
  gort::go([values, quit, eval = std::move(eval), state = std::move(init)]() mutable {
    for (;;) {
      auto [value, next] = eval(std::move(state));
      state = std::move(next);
      // Waiting on quit too: a goroutine blocked on a send nobody will ever
      // receive would live as long as the program.
      if (gort::select(gort::send_case(values, std::move(value)), gort::recv_case(quit)) == 1) {
        return;
      }
    }
  });
  // Shared by every copy of the returned function: the last copy to go closes
  // quit and so ends the goroutine, which Go's garbage collector cannot do.
  struct quit_on_destroy {
    gort::chan<gort::signal> quit;
    ~quit_on_destroy() { quit.close(); }
  };
  auto stop = std::make_shared<quit_on_destroy>(quit);
  return [values, stop] { return values.recv(); };
}

// evens() yields 0, 2, 4, … from a build_lazy_evaluator.
std::function<long()> evens();

// fibonacci() yields 0, 1, 1, 2, 3, 5, … from a build_lazy_evaluator.
std::function<long()> fibonacci();

}  // namespace exercise
