// SPDX-License-Identifier: MIT
#include "pipeline.hpp"

#include "todo.hpp"

namespace exercise {

void generate(std::vector<int> values, gort::send_chan<int> out) {
  // TODO(exercise): send each value on out, then close out.
  workbook::todo("generate");
}

void transform(gort::recv_chan<int> in, gort::send_chan<int> out, std::function<int(int)> f) {
  // TODO(exercise): range over in, sending f(v) on out; then close out.
  workbook::todo("transform");
}

void merge(std::vector<gort::recv_chan<int>> inputs, gort::send_chan<int> out) {
  // TODO(exercise): start one goroutine per input that forwards its values to
  // out; close out only after the last of them has finished (a wait_group).
  workbook::todo("merge");
}

std::vector<int> run_pipeline(std::vector<int> values, int workers, std::function<int(int)> f) {
  // TODO(exercise): wire the stages with channels and start each in a
  // goroutine: generate → `workers` transforms sharing its output → merge;
  // then collect merge's output until it closes.
  workbook::todo("run_pipeline");
}

}  // namespace exercise
