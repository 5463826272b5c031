// SPDX-License-Identifier: MIT
// How a gort program ends, checked from outside: exit status and output.
#include <gtest/gtest.h>

#include "child_process.hpp"

namespace {

using namespace std::chrono_literals;

TEST(ExitRule, MainReturningEndsTheProcessWhateverOthersDo) {
  const auto child = gort_test::run_child(MAIN_RETURNS_PROGRAM, {}, 20s);
  EXPECT_FALSE(child.timed_out) << "the process did not end when main returned";
  EXPECT_EQ(child.signal, 0);
  EXPECT_EQ(child.exit_code, 0);
  EXPECT_EQ(child.out, "main done");
  EXPECT_EQ(child.err, "");
}

TEST(ExitRule, MainReturningEndsTheProcessUnderGomaxprocs1) {
  ::setenv("GOMAXPROCS", "1", 1);
  const auto child = gort_test::run_child(MAIN_RETURNS_PROGRAM, {}, 20s);
  ::unsetenv("GOMAXPROCS");
  EXPECT_FALSE(child.timed_out);
  EXPECT_EQ(child.exit_code, 0);
  EXPECT_EQ(child.out, "main done");
}

TEST(ExitRule, ExitEndsWithItsCodeAndFlushedOutput) {
  const auto child = gort_test::run_child(EXIT_WITH_CODE_PROGRAM, {}, 20s);
  EXPECT_FALSE(child.timed_out);
  EXPECT_EQ(child.exit_code, 3);
  EXPECT_EQ(child.out, "before exit");
}

}  // namespace
