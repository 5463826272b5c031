// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "lazy_evaluator.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 08 lazy_evaluator is being written"; }
