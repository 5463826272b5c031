// SPDX-License-Identifier: MIT
// The libFuzzer entry point for goroutine_fuzz.hpp: a disagreement with the
// model is a crash, which libFuzzer saves as the input that reproduces it.
// Each input runs in a forked child, so libFuzzer sees the coverage of the
// decoder and the model, not of the runtime.
#include <cstdio>
#include <cstdlib>

#include "goroutine_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = goroutine_fuzz::check(data, size);
  if (!problem.empty()) {
    std::fprintf(stderr, "goroutine_fuzz: the runtime disagrees with Go: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
