// SPDX-License-Identifier: MIT
// The main() of every GoogleTest binary here. Death tests re-execute the test
// binary ("threadsafe" style), because forking a process whose pool threads
// are running is unsafe.
#include <gtest/gtest.h>

int main(int argc, char** argv) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
