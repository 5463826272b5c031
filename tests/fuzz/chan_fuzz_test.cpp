// SPDX-License-Identifier: MIT
// chan_fuzz.hpp's check on pseudo-random programs, for ctest: the same model
// as the libFuzzer target, without needing clang. A failure prints the
// program's bytes, which scripts/fuzz can replay.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <vector>

#include "chan_fuzz.hpp"

namespace {

std::string hex(const std::vector<std::uint8_t>& program) {
  std::ostringstream text;
  text << std::hex;
  for (std::uint8_t b : program) text << static_cast<int>(b) / 16 << static_cast<int>(b) % 16;
  return text.str();
}

TEST(ChanFuzz, RandomProgramsAgreeWithGosSemantics) {
  std::mt19937 random(20261126);  // fixed: a failure reproduces
  for (int i = 0; i < 5000; ++i) {
    std::vector<std::uint8_t> program(random() % 512);
    for (auto& b : program) b = static_cast<std::uint8_t>(random());
    const std::string problem = chan_fuzz::check(program.data(), program.size());
    ASSERT_EQ(problem, "") << "program " << i << ": " << hex(program);
  }
}

TEST(ChanFuzz, AKnownProgramRunsAsGoSays) {
  // make(chan int, 1); send 7; try_send 8 (full: false); recv (7); close;
  // recv (0, false); close again (panics).
  const std::vector<std::uint8_t> program = {0, 0, 1, 1, 0, 7, 3, 0, 8, 2, 0, 5, 0, 2, 0, 5, 0};
  EXPECT_EQ(chan_fuzz::check(program.data(), program.size()), "");
}

}  // namespace
