// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "parallel_map.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 05 parallel_map is being written"; }
