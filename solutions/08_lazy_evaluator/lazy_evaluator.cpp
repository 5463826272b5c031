// SPDX-License-Identifier: MIT
#include "lazy_evaluator.hpp"

namespace exercise {

std::function<long()> evens() {
  // The state is the next even number; the value is the state itself.
  return build_lazy_evaluator([](long n) { return std::pair{n, n + 2}; }, 0L);
}

std::function<long()> fibonacci() {
  // The state is the next two numbers: yield the first, move one step on.
  return build_lazy_evaluator(
      [](std::pair<long, long> s) {
        return std::pair{s.first, std::pair{s.second, s.first + s.second}};
      },
      std::pair{0L, 1L});
}

}  // namespace exercise
