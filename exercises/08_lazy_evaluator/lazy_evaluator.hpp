// SPDX-License-Identifier: MIT
// Exercise 08: the course's generic lazy evaluator — a goroutine computes a
// sequence from a state, one value ahead of whoever asks for it.
#pragma once

#include <functional>
#include <gort/gort.hpp>
#include <memory>
#include <type_traits>
#include <utility>

#include "todo.hpp"

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
std::function<lazy_value_t<Eval, State>()> build_lazy_evaluator([[maybe_unused]] Eval eval,
                                                                [[maybe_unused]] State init) {
  // TODO(exercise): make an unbuffered channel of lazy_value_t<Eval, State>
  // and a quit channel; start a goroutine that owns eval and the state and
  // loops: compute {value, next state}, then wait until either the value is
  // taken or quit is closed (and return then). Return a lambda that receives
  // one value per call and also holds a std::shared_ptr to an object whose
  // destructor closes quit, so the last copy to go stops the goroutine.
  // ([[maybe_unused]] only keeps the stub free of warnings; it may stay.)
  workbook::todo("build_lazy_evaluator");
}

// evens() yields 0, 2, 4, … from a build_lazy_evaluator.
std::function<long()> evens();

// fibonacci() yields 0, 1, 1, 2, 3, 5, … from a build_lazy_evaluator.
std::function<long()> fibonacci();

}  // namespace exercise
