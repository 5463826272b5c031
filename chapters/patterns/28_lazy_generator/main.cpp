// SPDX-License-Identifier: MIT
// 28 lazy_generator: integers() starts a goroutine that counts on an unbuffered
// channel and generateInteger() takes the next number from it; then
// BuildLazyEvaluator turns any "value and next state" function into a
// generator the same way. Watch for: each value is computed only after the
// previous one was taken, because the goroutine waits on its send.
#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <gort/gort.hpp>
#include <iostream>
#include <string>
#include <tuple>
#include <utility>

// book:begin
// resume is the generator that generateInteger reads: a global, where Go has a
// package-level variable.
gort::chan<int> resume;

// integers returns a channel on which a goroutine sends 0, 1, 2, ... on demand.
gort::chan<int> integers() {
  auto yield = gort::make_chan<int>();
  int count = 0;
  gort::go([yield, count]() mutable {
    for (;;) {
      yield << count;  // waits here until someone wants the next number
      ++count;
    }
  });
  return yield;
}

// generateInteger takes the next number from resume.
int generateInteger() { return resume.recv(); }

// Go needs Any (the empty interface) and EvalFunc here; a template needs
// neither: the state's type and the value's type follow from evalFunc.

// BuildLazyEvaluator returns a function that yields evalFunc's successive
// values, starting from initState; a goroutine computes them one ahead.
template <class EvalFunc, class State>
auto BuildLazyEvaluator(EvalFunc evalFunc, State initState) {
  using Value = decltype(evalFunc(initState).first);
  auto retValChan = gort::make_chan<Value>();
  auto loopFunc = [retValChan, evalFunc, initState] {
    State actState = initState;
    for (;;) {
      Value retVal;
      std::tie(retVal, actState) = evalFunc(actState);
      retValChan << retVal;
    }
  };
  gort::go(loopFunc);
  return [retValChan] { return retValChan.recv(); };
}

// printValues prints count values of a generator on one line.
template <class Next>
void printValues(const std::string& label, Next next, int count) {
  std::cout << label << ":";
  for (int i = 0; i < count; ++i) {
    std::cout << ' ' << next();
  }
  std::cout << '\n';
}

int main(int argc, char** argv) {
  // book:end
  CLI::App app{"28 lazy_generator: generators built on goroutines and channels"};
  int count = 10;
  app.add_option("--count", count, "how many values each lazy evaluator yields")
      ->check(CLI::Range(1, 90))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // book:begin
  return gort::run([&] {
    resume = integers();
    std::cout << generateInteger() << '\n';  // 0
    std::cout << generateInteger() << '\n';  // 1
    std::cout << generateInteger() << '\n';  // 2

    // The state is the next even number.
    auto evenFunc = [](int even) { return std::pair{even, even + 2}; };
    printValues("even", BuildLazyEvaluator(evenFunc, 0), count);

    // The state is a pair of consecutive Fibonacci numbers.
    auto fibFunc = [](std::array<std::int64_t, 2> fib) {
      return std::pair{fib[0], std::array{fib[1], fib[0] + fib[1]}};
    };
    printValues("fibonacci", BuildLazyEvaluator(fibFunc, std::array<std::int64_t, 2>{0, 1}), count);
  });
}
// book:end
