// SPDX-License-Identifier: MIT
#include "exercise_test.hpp"
#include "map_service.hpp"

TEST(Placeholder, NotWrittenYet) { FAIL() << "exercise 22 map_service is being written"; }
