// SPDX-License-Identifier: MIT
// Exercise 11 with a merge that counts on a channel instead of a wait_group:
// each forwarding goroutine says it is done by sending on `finished`. Graded
// by the same tests as the reference solution, so that grading holds for both.
#include "pipeline.hpp"

namespace exercise {

void generate(std::vector<int> values, gort::send_chan<int> out) {
  for (int v : values) out << v;
  out.close();
}

void transform(gort::recv_chan<int> in, gort::send_chan<int> out, std::function<int(int)> f) {
  for (int v : in) out << f(v);
  out.close();
}

void merge(std::vector<gort::recv_chan<int>> inputs, gort::send_chan<int> out) {
  auto finished = gort::make_chan<gort::signal>();
  for (const gort::recv_chan<int>& in : inputs) {
    gort::go([in, out, finished] {
      for (int v : in) out << v;
      finished << gort::signal{};
    });
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) finished.recv();
  out.close();
}

std::vector<int> run_pipeline(std::vector<int> values, int workers, std::function<int(int)> f) {
  auto numbers = gort::make_chan<int>(workers);
  gort::go(generate, std::move(values), numbers);
  std::vector<gort::recv_chan<int>> outputs;
  for (int i = 0; i < workers; ++i) {
    auto results = gort::make_chan<int>(1);
    gort::go(transform, numbers, results, f);
    outputs.push_back(results);
  }
  auto merged = gort::make_chan<int>();
  gort::go(merge, std::move(outputs), merged);
  std::vector<int> results;
  for (int r : merged) results.push_back(r);
  return results;
}

}  // namespace exercise
