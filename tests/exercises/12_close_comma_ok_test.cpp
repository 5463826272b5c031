// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "close_comma_ok.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 12 close_comma_ok is being written"; }
