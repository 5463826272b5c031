// SPDX-License-Identifier: MIT
// The libFuzzer entry point for chan_fuzz.hpp: a disagreement with the model
// is a crash, which libFuzzer saves as the input that reproduces it.
#include <cstdio>
#include <cstdlib>

#include "chan_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = chan_fuzz::check(data, size);
  if (!problem.empty()) {
    std::fprintf(stderr, "chan_fuzz: the runtime disagrees with Go: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
