// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "fix_deadlock.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 03 fix_deadlock is being written"; }
