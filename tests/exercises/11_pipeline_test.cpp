// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "pipeline.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 11 pipeline is being written"; }
