// SPDX-License-Identifier: MIT
#include "pipeline.hpp"

namespace exercise {

void generate(std::vector<int> values, gort::send_chan<int> out) {
  for (int v : values) out << v;
  out.close();  // each stage closes its own output: that is how the next one ends
}

void transform(gort::recv_chan<int> in, gort::send_chan<int> out, std::function<int(int)> f) {
  for (int v : in) out << f(v);
  out.close();
}

void merge(std::vector<gort::recv_chan<int>> inputs, gort::send_chan<int> out) {
  // One forwarder per input: a value from any input moves as soon as it is
  // ready, whatever the other inputs do.
  gort::wait_group forwarding;
  forwarding.add(static_cast<int>(inputs.size()));
  for (const gort::recv_chan<int>& in : inputs) {
    // forwarding is captured by reference: merge outlives every forwarder,
    // since it waits for them below.
    gort::go([&forwarding, in, out] {
      for (int v : in) out << v;
      forwarding.done();
    });
  }
  // Closing before the last forwarder's last send would make that send panic.
  forwarding.wait();
  out.close();
}

std::vector<int> run_pipeline(std::vector<int> values, int workers, std::function<int(int)> f) {
  auto numbers = gort::make_chan<int>();
  gort::go(generate, std::move(values), numbers);
  // Fan-out: the workers share one input channel, so each value is taken by
  // whichever worker is free; each worker has its own output, which it closes.
  std::vector<gort::recv_chan<int>> outputs;
  for (int i = 0; i < workers; ++i) {
    auto results = gort::make_chan<int>();
    gort::go(transform, numbers, results, f);
    outputs.push_back(results);
  }
  // Fan-in: merge closes merged only when all workers have closed theirs.
  auto merged = gort::make_chan<int>();
  gort::go(merge, std::move(outputs), merged);
  std::vector<int> results;
  for (int r : merged) results.push_back(r);
  return results;
}

}  // namespace exercise
